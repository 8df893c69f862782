/**
 * One OpenStack cloud entry (a `clouds.yaml` entry, or the `OS_*` variables read as one) as an
 * import candidate. Shared by both sources so they agree on every field.
 */
import { normalizeEndpoint } from '../core';
import type { ImportCandidate, ImportSource, SkippedEntry } from './importCandidate';

const PASSWORD_TYPES = ['password', 'v3password'];
const TOKEN_TYPES = ['token', 'v3token'];

export function openStackCloud(
  name: string,
  cloud: Record<string, unknown>,
  source: ImportSource,
  origin: string,
): ImportCandidate | SkippedEntry {
  const skip = (reason: SkippedEntry['reason'], detail?: string): SkippedEntry => ({
    name,
    source,
    origin,
    reason,
    ...(detail !== undefined ? { detail } : {}),
  });
  const auth = record(cloud.auth) ?? {};
  if (isFalse(cloud.verify) || isTrue(cloud.insecure)) return skip('verifyDisabled');

  const authType = text(cloud.auth_type);
  let kind: 'password' | 'token';
  if (authType === undefined) kind = text(auth.token) && !text(auth.password) ? 'token' : 'password';
  else if (PASSWORD_TYPES.includes(authType)) kind = 'password';
  else if (TOKEN_TYPES.includes(authType)) kind = 'token';
  else return skip('unsupportedMode', authType);

  const authUrl = text(auth.auth_url);
  const user = text(auth.username) ?? text(auth.user_name);
  const domain = text(auth.user_domain_name) ?? text(auth.domain_name) ?? text(auth.project_domain_name);
  // Only when no name is given: a name and an id of the same domain would be the same thing twice.
  const domainId = domain
    ? undefined
    : (text(auth.user_domain_id) ?? text(auth.domain_id) ?? text(auth.project_domain_id));
  const missing = [...(authUrl ? [] : ['auth_url']), ...(kind === 'password' && !user ? ['username'] : [])];
  if (missing.length > 0) return skip('incomplete', missing.join(', '));
  if (kind === 'password' && !domain && !domainId) return skip('incomplete', 'user_domain_name');

  const candidate: ImportCandidate = {
    name,
    source,
    origin,
    auth: kind,
    iamEndpoint: normalizeEndpoint(authUrl as string, 'identity').endpoint,
  };
  const region = text(cloud.region_name) ?? firstRegion(cloud.regions);
  if (region) candidate.region = region;
  const projectId = text(auth.project_id) ?? text(auth.tenant_id);
  const projectName = text(auth.project_name) ?? text(auth.tenant_name);
  if (projectId) candidate.projectId = projectId;
  else if (projectName) candidate.projectName = projectName;
  const computeOverride = text(cloud.compute_endpoint_override);
  if (computeOverride) candidate.ecsEndpoint = computeOverride.replace(/\/+$/, '');
  if (kind === 'password') {
    if (domain) candidate.domain = domain;
    if (domainId) candidate.domainId = domainId;
    candidate.user = user;
    const password = text(auth.password);
    if (password) candidate.secret = { password };
    else candidate.missingSecret = 'absent';
  } else {
    const token = text(auth.token);
    if (token) candidate.secret = { token };
    else candidate.missingSecret = 'absent';
  }
  const cacert = text(cloud.cacert);
  if (cacert) candidate.cacert = cacert;
  return candidate;
}

export function isSkipped(entry: ImportCandidate | SkippedEntry): entry is SkippedEntry {
  return 'reason' in entry;
}

function firstRegion(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const first: unknown = value[0];
  return text(first) ?? text(record(first)?.name);
}

export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A non-empty string (numbers, as YAML may read a project id, are taken as their text). */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && /^(false|no|0)$/i.test(value.trim()));
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|yes|1)$/i.test(value.trim()));
}
