/**
 * Where a temporary or agency client keeps its temporary AK/SK between runs. Every field is secret
 * (the secret key and the security token sign requests as the user, or as the delegating account).
 * The core only reads and writes through this interface; the editor backs it with its secret store,
 * keyed by the profile and by everything the keys were issued for (endpoints, user, the stored
 * secret, the agency, the region), so keys never reach a place they were not issued for.
 */

/** Temporary keys as kept: the key pair, its security token and when they expire. */
export interface CachedTemporaryKey {
  accessKey: string;
  secretKey: string;
  securityToken: string;
  /** ISO 8601, as IAM's `expires_at`. */
  expiresAt: string;
}

export interface TemporaryKeyCache {
  /** The kept keys, or undefined; a failing store counts as empty. */
  load(): Promise<CachedTemporaryKey | undefined>;
  save(key: CachedTemporaryKey): Promise<void>;
  /** Drops the kept keys (after a 401 or when they no longer apply). */
  clear(): Promise<void>;
}

/** Checks a value read back from storage; undefined when it is not kept temporary keys. */
export function parseCachedTemporaryKey(value: unknown): CachedTemporaryKey | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const fields = [v.accessKey, v.secretKey, v.securityToken, v.expiresAt];
  if (!fields.every((f): f is string => typeof f === 'string' && f.length > 0)) return undefined;
  const [accessKey, secretKey, securityToken, expiresAt] = fields;
  return { accessKey, secretKey, securityToken, expiresAt };
}

/** Loads without ever failing the caller: a cache is an optimisation, never a reason for an error. */
export async function loadKeyQuietly(
  cache: TemporaryKeyCache | undefined,
): Promise<CachedTemporaryKey | undefined> {
  if (!cache) return undefined;
  try {
    return parseCachedTemporaryKey(await cache.load());
  } catch {
    return undefined;
  }
}

export function saveKeyQuietly(cache: TemporaryKeyCache | undefined, key: CachedTemporaryKey): Promise<void> {
  if (!cache) return Promise.resolve();
  try {
    return cache.save(key).catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}

export function clearKeyQuietly(cache: TemporaryKeyCache | undefined): Promise<void> {
  if (!cache) return Promise.resolve();
  try {
    return cache.clear().catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}
