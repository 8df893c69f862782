/**
 * Where a temporary or agency client keeps its temporary AK/SK between runs (see `KeptSecret`). Every
 * field is secret (the secret key and the security token sign requests as the user, or as the
 * delegating account). The editor keys it by the profile and by everything the keys were issued for
 * (endpoints, user, the stored secret, the agency, the region), so keys never reach a place they were
 * not issued for.
 */
import type { KeptSecret } from './keptSecret';

/** Temporary keys as kept: the key pair, its security token and when they expire. */
export interface CachedTemporaryKey {
  accessKey: string;
  secretKey: string;
  securityToken: string;
  /** ISO 8601, as IAM's `expires_at`. */
  expiresAt: string;
}

export type TemporaryKeyCache = KeptSecret<CachedTemporaryKey>;

/** Checks a value read back from storage; undefined when it is not kept temporary keys. */
export function parseCachedTemporaryKey(value: unknown): CachedTemporaryKey | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const fields = [v.accessKey, v.secretKey, v.securityToken, v.expiresAt];
  if (!fields.every((f): f is string => typeof f === 'string' && f.length > 0)) return undefined;
  const [accessKey, secretKey, securityToken, expiresAt] = fields;
  return { accessKey, secretKey, securityToken, expiresAt };
}
