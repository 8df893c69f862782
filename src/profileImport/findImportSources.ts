/**
 * Every credential source present on this machine, read in one go: the first `clouds.yaml` (with its
 * `secure.yaml`), the `OS_*` and Huawei variables, and KooCLI's `config.json`. A file that cannot be
 * parsed is reported, and the other sources are still offered.
 */
import * as fs from 'node:fs';
import { parseCloudsYaml } from './cloudsYaml';
import { findCloudsYaml, readCloudsYaml, type LookupPlaces } from './cloudsYamlLocation';
import { parseHuaweiEnv } from './huaweiEnv';
import type { SourceScan } from './importCandidate';
import { kooCliConfigPath, parseKooCliConfig } from './kooCliConfig';
import { parseOpenStackEnv } from './openStackEnv';
import { SourceParseError } from './sourceParseError';

export interface FoundSources {
  scans: SourceScan[];
  errors: SourceParseError[];
}

export function findImportSources(places: LookupPlaces): FoundSources {
  const found: FoundSources = { scans: [], errors: [] };
  const attempt = (read: () => SourceScan): void => {
    try {
      found.scans.push(read());
    } catch (error) {
      if (error instanceof SourceParseError) found.errors.push(error);
      else throw error;
    }
  };
  const cloudsYaml = findCloudsYaml(places);
  if (cloudsYaml) attempt(() => readCloudsYamlFile(cloudsYaml, places.env.OS_CLOUD));
  attempt(() => parseOpenStackEnv(places.env));
  attempt(() => parseHuaweiEnv(places.env));
  const kooCli = kooCliConfigPath(places.home);
  if (fs.existsSync(kooCli)) attempt(() => readKooCliFile(kooCli));
  return found;
}

/** A file the user or a script named: `.json` is KooCLI's, anything else clouds.yaml. */
export function readSourceFile(file: string, only?: readonly string[], defaultCloud?: string): SourceScan {
  return file.toLowerCase().endsWith('.json')
    ? readKooCliFile(file, only)
    : readCloudsYamlFile(file, defaultCloud, only);
}

export function readCloudsYamlFile(
  file: string,
  defaultCloud?: string,
  only?: readonly string[],
): SourceScan {
  const { file: source, secure } = readOrExplain(() => readCloudsYaml(file), file);
  return parseCloudsYaml(source, {
    ...(secure ? { secure } : {}),
    ...(defaultCloud ? { defaultCloud } : {}),
    ...(only ? { only } : {}),
  });
}

export function readKooCliFile(file: string, only?: readonly string[]): SourceScan {
  const text = readOrExplain(() => fs.readFileSync(file, 'utf8'), file);
  return parseKooCliConfig({ path: file, text }, only);
}

/** An unreadable file (absent, no permission) is reported like a parse error: by file, with the reason. */
function readOrExplain<T>(read: () => T, file: string): T {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceParseError(
      file,
      undefined,
      code === 'ENOENT' ? { code: 'fileMissing' } : { code: 'unreadable', detail: code ?? 'error' },
    );
  }
}
