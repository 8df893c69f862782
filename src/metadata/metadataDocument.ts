/**
 * Reading a server's metadata as the JSON document the user edits: the object it holds, and each
 * problem with where it is (offsets into the text), for live diagnostics and for refusing a save.
 * Pure (no `vscode`), so it is tested under plain Node; the VS Code layer words the problems.
 */
import { metadataKeyProblem, validateMetadataValue } from '../core';
import { findJsonSyntaxError, type JsonExpectation } from './jsonSyntaxError';
import { putOwn } from './metadataChange';

/** Upstream Nova's default `metadata_items` quota; the real one of a project is not readable. */
export const DEFAULT_KEY_QUOTA = 128;

export type DocumentProblem =
  | { kind: 'syntax'; expected: JsonExpectation; afterKey?: string }
  | { kind: 'notObject' }
  | { kind: 'badKey'; key: string }
  | { kind: 'duplicateKey'; key: string }
  | { kind: 'notText'; key: string }
  | { kind: 'tooLong'; key: string; length: number }
  | { kind: 'tooMany'; count: number; quota: number };

export interface LocatedProblem {
  start: number;
  end: number;
  problem: DocumentProblem;
}

export interface CheckedDocument {
  /** The metadata, when the document has no problem. */
  metadata?: Record<string, string>;
  problems: LocatedProblem[];
}

/** The document's text for `metadata`: keys sorted, two-space indent, a final newline. */
export function metadataDocumentText(metadata: Record<string, string>): string {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(metadata).sort()) putOwn(sorted, key, metadata[key]);
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

export function checkMetadataDocument(text: string, quota = DEFAULT_KEY_QUOTA): CheckedDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse names no line, and quotes the text (values included): say it our own way.
    const found = findJsonSyntaxError(text) ?? { offset: 0, expected: 'value' as const };
    const { offset: start, expected, afterKey } = found;
    const problem: DocumentProblem = {
      kind: 'syntax',
      expected,
      ...(afterKey !== undefined ? { afterKey } : {}),
    };
    return { problems: [{ start, end: start + 1, problem }] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problems: [{ start: 0, end: text.length, problem: { kind: 'notObject' } }] };
  }
  const members = topLevelMembers(text);
  const problems: LocatedProblem[] = [];
  const metadata: Record<string, string> = {};
  const seen = new Set<string>();
  /** The first member past the quota, counting each key once: where "too many" is marked. */
  let firstOverQuota: Member | undefined;
  for (const member of members) {
    const { key, keyStart, keyEnd, valueStart, valueEnd } = member;
    const at = (problem: DocumentProblem, value = false): void => {
      problems.push({ start: value ? valueStart : keyStart, end: value ? valueEnd : keyEnd, problem });
    };
    if (seen.has(key)) at({ kind: 'duplicateKey', key });
    else if (seen.size === quota) firstOverQuota ??= member;
    seen.add(key);
    if (metadataKeyProblem(key) !== undefined) at({ kind: 'badKey', key });
    const value = JSON.parse(text.slice(valueStart, valueEnd)) as unknown;
    if (typeof value !== 'string') {
      at({ kind: 'notText', key }, true);
      continue;
    }
    try {
      validateMetadataValue(value);
    } catch {
      at({ kind: 'tooLong', key, length: [...value].length }, true);
    }
    putOwn(metadata, key, value);
  }
  if (firstOverQuota) {
    problems.push({
      start: firstOverQuota.keyStart,
      end: firstOverQuota.keyEnd,
      problem: { kind: 'tooMany', count: seen.size, quota },
    });
  }
  return problems.length > 0 ? { problems } : { metadata, problems };
}

interface Member {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** The members of the top-level object of `text`, which JSON.parse has accepted. */
export function topLevelMembers(text: string): Member[] {
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const skipString = (): void => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++; // closing quote
  };
  const skipValue = (): void => {
    if (text[i] === '"') return skipString();
    if (text[i] === '{' || text[i] === '[') {
      let depth = 0;
      do {
        if (text[i] === '"') {
          skipString();
          continue;
        }
        if (text[i] === '{' || text[i] === '[') depth++;
        if (text[i] === '}' || text[i] === ']') depth--;
        i++;
      } while (depth > 0 && i < text.length);
      return;
    }
    while (i < text.length && !/[\s,}\]]/.test(text[i])) i++;
  };
  const members: Member[] = [];
  skipSpace();
  i++; // {
  for (;;) {
    skipSpace();
    if (text[i] !== '"') break;
    const keyStart = i;
    skipString();
    const keyEnd = i;
    const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
    skipSpace();
    i++; // :
    skipSpace();
    const valueStart = i;
    skipValue();
    members.push({ key, keyStart, keyEnd, valueStart, valueEnd: i });
    skipSpace();
    if (text[i] !== ',') break;
    i++;
  }
  return members;
}
