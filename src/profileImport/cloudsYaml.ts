/**
 * OpenStack `clouds.yaml`, with the `secure.yaml` beside it merged in per cloud (that is where people
 * keep passwords). Every scalar is read as text (YAML's failsafe schema), so a project id such as
 * `1234e5` is never turned into a number.
 */
import type { Document, LineCounter } from 'yaml';
import { loadYaml } from '../bundling/loadYaml';
import type { ImportCandidate, SourceScan } from './importCandidate';
import { isSkipped, openStackCloud, record } from './openStackCloud';
import { SourceParseError } from './sourceParseError';

export interface SourceFile {
  path: string;
  text: string;
}

export interface CloudsYamlOptions {
  secure?: SourceFile;
  /** `OS_CLOUD`: the cloud marked as the default. */
  defaultCloud?: string;
  /** Only these clouds (script form); others are ignored, unknown names are skipped as not in the file. */
  only?: readonly string[];
}

export function parseCloudsYaml(file: SourceFile, options: CloudsYamlOptions = {}): SourceScan {
  const clouds = cloudsOf(file);
  const secureClouds = options.secure ? cloudsOf(options.secure) : {};
  const scan: SourceScan = { candidates: [], skipped: [] };
  const names = options.only ?? Object.keys(clouds);
  for (const name of names) {
    const entry = record(clouds[name]);
    if (!entry) {
      scan.skipped.push({
        name,
        source: 'cloudsYaml',
        origin: file.path,
        reason: clouds[name] === undefined ? 'notInFile' : 'notMapping',
      });
      continue;
    }
    const merged = deepMerge(entry, record(secureClouds[name]) ?? {});
    const found = openStackCloud(name, merged, 'cloudsYaml', file.path);
    if (isSkipped(found)) scan.skipped.push(found);
    else scan.candidates.push(markDefault(found, options.defaultCloud));
  }
  return scan;
}

function markDefault(candidate: ImportCandidate, defaultCloud: string | undefined): ImportCandidate {
  return candidate.name === defaultCloud ? { ...candidate, isDefault: true } : candidate;
}

/** The `clouds` mapping of a file, or a SourceParseError naming the file and line. */
function cloudsOf(file: SourceFile): Record<string, unknown> {
  const { LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { schema: 'failsafe', lineCounter, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    throw new SourceParseError(file.path, line, { code: 'yamlSyntax', detail: error.code });
  }
  const root = record(toJs(doc, file.path));
  if (root === undefined) {
    throw new SourceParseError(file.path, 1, { code: 'notCloudsFile' });
  }
  const clouds = root.clouds;
  if (clouds === undefined) return {};
  const mapping = record(clouds);
  if (!mapping) {
    throw new SourceParseError(file.path, lineOf(doc, lineCounter, ['clouds']), { code: 'cloudsNotMapping' });
  }
  return mapping;
}

/**
 * Aliases expanded at most this often: each may copy a whole subtree, so a few nested ones (an alias
 * bomb) would build gigabytes. A clouds.yaml that shares a block (`<<: *defaults`) needs a handful.
 */
const MAX_ALIAS_COUNT = 100;

function toJs(doc: Document, path: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    // The library throws a ReferenceError for an alias bomb (or an alias to nothing).
    throw new SourceParseError(path, undefined, { code: 'tooManyAliases' });
  }
}

function lineOf(doc: Document, lineCounter: LineCounter, path: string[]): number | undefined {
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const a = record(result[key]);
    const b = record(value);
    result[key] = a && b ? deepMerge(a, b) : value;
  }
  return result;
}
