/**
 * Huawei KooCLI (`hcloud`) profiles from `~/.hcloud/config.json`: `{ current, profiles: [{ name, mode,
 * accessKeyId, secretAccessKey, securityToken, region, projectId, ... }] }` (shape from `hcloud
 * configure list`, not a documented format). Modes AKSK and ecsAgency are imported; an ecsAgency
 * profile (`sourceProfile`, `agencyDomainName`, `agencyName`) becomes an agency profile that acts
 * with the credentials of the profile named by `sourceProfile`, and has no secret of its own.
 * KooCLI encrypts secrets at rest by default: a key that does not look like a plain Huawei AK/SK is
 * treated as encrypted and left out, to be asked for after the import, never guessed or decrypted.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { SourceFile } from './cloudsYaml';
import type { ImportCandidate, SkippedEntry, SourceScan } from './importCandidate';
import { record, text } from './openStackCloud';
import { SourceParseError } from './sourceParseError';

/** Plain Huawei keys: AK 20 upper-case letters and digits, SK 40 letters and digits (some clouds differ a little). */
const PLAIN_AK = /^[A-Z0-9]{16,40}$/;
const PLAIN_SK = /^[A-Za-z0-9]{20,80}$/;

export function kooCliConfigPath(home = os.homedir()): string {
  return path.join(home, '.hcloud', 'config.json');
}

export function parseKooCliConfig(file: SourceFile, only?: readonly string[]): SourceScan {
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch (error) {
    throw new SourceParseError(file.path, jsonErrorLine(file.text, error), { code: 'jsonSyntax' });
  }
  const root = record(parsed);
  if (!root || !Array.isArray(root.profiles)) {
    throw new SourceParseError(file.path, 1, { code: 'noProfilesList' });
  }
  const current = text(root.current);
  const scan: SourceScan = { candidates: [], skipped: [] };
  const profiles = root.profiles.map(record).filter((p) => p !== undefined);
  for (const wanted of only ?? []) {
    if (!profiles.some((p) => text(p.name) === wanted)) {
      scan.skipped.push({
        name: wanted,
        source: 'koocli',
        origin: file.path,
        reason: 'notInFile',
      });
    }
  }
  for (const profile of profiles) {
    const name = text(profile.name);
    if (!name || (only && !only.includes(name))) continue;
    const mode = text(profile.mode) ?? 'AKSK';
    if (mode.toUpperCase() === 'ECSAGENCY') {
      const agency = agencyCandidate(profile, name, file.path);
      if ('reason' in agency) scan.skipped.push(agency);
      else scan.candidates.push(name === current ? { ...agency, isDefault: true } : agency);
      continue;
    }
    if (mode.toUpperCase() !== 'AKSK') {
      scan.skipped.push({
        name,
        source: 'koocli',
        origin: file.path,
        reason: 'unsupportedMode',
        detail: mode,
      });
      continue;
    }
    const candidate: ImportCandidate = { name, source: 'koocli', origin: file.path, auth: 'aksk' };
    const region = text(profile.region);
    const projectId = text(profile.projectId);
    if (region) candidate.region = region;
    if (projectId) candidate.projectId = projectId;
    if (name === current) candidate.isDefault = true;
    const accessKey = text(profile.accessKeyId);
    const secretKey = text(profile.secretAccessKey);
    const securityToken = text(profile.securityToken);
    if (accessKey && secretKey && PLAIN_AK.test(accessKey) && PLAIN_SK.test(secretKey)) {
      candidate.secret = { accessKey, secretKey, ...(securityToken ? { securityToken } : {}) };
    } else {
      candidate.missingSecret = accessKey || secretKey ? 'encrypted' : 'absent';
    }
    scan.candidates.push(candidate);
  }
  return scan;
}

/** An ecsAgency profile as an agency candidate, or why it cannot be one (the fields it lacks). */
function agencyCandidate(
  profile: Record<string, unknown>,
  name: string,
  origin: string,
): ImportCandidate | SkippedEntry {
  const sourceProfile = text(profile.sourceProfile);
  const agencyDomain = text(profile.agencyDomainName);
  const agencyName = text(profile.agencyName);
  if (!sourceProfile || !agencyDomain || !agencyName) {
    const missing = [
      ...(sourceProfile ? [] : ['sourceProfile']),
      ...(agencyDomain ? [] : ['agencyDomainName']),
      ...(agencyName ? [] : ['agencyName']),
    ];
    return { name, source: 'koocli', origin, reason: 'incomplete', detail: missing.join(', ') };
  }
  const candidate: ImportCandidate = {
    name,
    source: 'koocli',
    origin,
    auth: 'agency',
    agency: { sourceProfile, agencyDomain, agencyName },
  };
  const region = text(profile.region);
  const projectId = text(profile.projectId);
  if (region) candidate.region = region;
  if (projectId) candidate.projectId = projectId;
  return candidate;
}

/** The line of a JSON.parse error, from the position Node reports (`... at position 123`). */
function jsonErrorLine(source: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const lineMatch = /line (\d+)/.exec(message);
  if (lineMatch) return Number(lineMatch[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  return source.slice(0, Number(position[1])).split('\n').length;
}
