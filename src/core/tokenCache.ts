/**
 * Where a password client keeps its IAM token between runs. The core only reads and writes through
 * this interface; the editor backs it with its secret store, keyed by the profile and the endpoints,
 * user and credentials the token was issued for, so a token never reaches a place it was not issued for.
 */

/** A token as kept: the token itself, when it expires and the project it is scoped to. */
export interface CachedToken {
  token: string;
  /** ISO 8601; absent when IAM gave no expiry (such a token is never reused across runs). */
  expiresAt?: string;
  projectId?: string;
  projectName?: string;
}

export interface TokenCache {
  /** The kept token, or undefined; a failing store counts as empty. */
  load(): Promise<CachedToken | undefined>;
  save(token: CachedToken): Promise<void>;
  /** Drops the kept token (after a 401 or when it no longer applies). */
  clear(): Promise<void>;
}

/** Checks a value read back from storage; undefined when it is not a kept token. */
export function parseCachedToken(value: unknown): CachedToken | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.token !== 'string' || v.token.length === 0) return undefined;
  const cached: CachedToken = { token: v.token };
  for (const field of ['expiresAt', 'projectId', 'projectName'] as const) {
    if (typeof v[field] === 'string') cached[field] = v[field];
  }
  return cached;
}

/** Loads without ever failing the caller: a cache is an optimisation, never a reason for an error. */
export async function loadQuietly(cache: TokenCache | undefined): Promise<CachedToken | undefined> {
  if (!cache) return undefined;
  try {
    return parseCachedToken(await cache.load());
  } catch {
    return undefined;
  }
}

export function saveQuietly(cache: TokenCache | undefined, token: CachedToken): Promise<void> {
  return cache ? cache.save(token).catch(() => undefined) : Promise.resolve();
}

export function clearQuietly(cache: TokenCache | undefined): Promise<void> {
  return cache ? cache.clear().catch(() => undefined) : Promise.resolve();
}
