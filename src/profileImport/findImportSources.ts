/**
 * Every credential source present on this machine, read in one go: every `clouds.yaml` (each with
 * its `secure.yaml`), the `OS_*` and Huawei variables, and KooCLI's `config.json`. A file that cannot
 * be read or parsed is reported as that source's error, and the other sources are still offered.
 */
import * as fs from 'node:fs';
import { parseCloudsYaml } from './cloudsYaml';
import { findEveryCloudsYaml, readCloudsYaml, readSourceText, type LookupPlaces } from './cloudsYamlLocation';
import { parseHuaweiEnv } from './huaweiEnv';
import type { SourceScan } from './importCandidate';
import { kooCliConfigPath, parseKooCliConfig } from './kooCliConfig';
import { parseOpenStackEnv } from './openStackEnv';
import { SourceParseError } from './sourceParseError';

export interface FoundSources {
  scans: SourceScan[];
  errors: SourceParseError[];
  /** clouds.yaml files of the workspace folder left unread because the workspace is not trusted. */
  untrusted: string[];
}

export function findImportSources(places: LookupPlaces): FoundSources {
  const found: FoundSources = { scans: [], errors: [], untrusted: [] };
  const attempt = (file: string, read: () => SourceScan): SourceScan | undefined => {
    try {
      const scan = read();
      found.scans.push(scan);
      return scan;
    } catch (error) {
      // Whatever went wrong is this source's error, never the end of the whole Import.
      found.errors.push(
        error instanceof SourceParseError
          ? error
          : new SourceParseError(file, undefined, { code: 'unreadable', detail: 'error' }),
      );
      return undefined;
    }
  };
  // OS_CLOUD marks its cloud in the first of the user's own files that has it (the one the
  // OpenStack CLI would use), never in a workspace folder's: a repository must not pre-tick a cloud
  // whose IAM endpoint it chose.
  let defaultCloud = places.env.OS_CLOUD;
  for (const place of findEveryCloudsYaml(places)) {
    if (place.inWorkspace && places.cwdTrusted === false) {
      found.untrusted.push(place.file);
      continue;
    }
    const scan = attempt(place.file, () =>
      readCloudsYamlFile(place.file, place.inWorkspace ? undefined : defaultCloud),
    );
    if (scan?.candidates.some((c) => c.isDefault)) defaultCloud = undefined;
  }
  attempt('OS_*', () => parseOpenStackEnv(places.env));
  attempt('HUAWEICLOUD_SDK_*', () => parseHuaweiEnv(places.env));
  const kooCli = kooCliConfigPath(places.home);
  if (fs.existsSync(kooCli)) attempt(kooCli, () => readKooCliFile(kooCli));
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
  const text = readOrExplain(() => readSourceText(file), file);
  return parseKooCliConfig({ path: file, text }, only);
}

/** An unreadable file (absent, no permission) is reported like a parse error: by file, with the reason. */
function readOrExplain<T>(read: () => T, file: string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SourceParseError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceParseError(
      file,
      undefined,
      code === 'ENOENT' ? { code: 'fileMissing' } : { code: 'unreadable', detail: code ?? 'error' },
    );
  }
}
