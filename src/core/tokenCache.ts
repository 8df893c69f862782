/**
 * Where a password client keeps its IAM token between runs (see `KeptSecret`). The editor keys it by the
 * profile and the endpoints, user and credentials the token was issued for, so a token never reaches a
 * place it was not issued for.
 */
import type { KeptSecret } from './keptSecret';

/** A token as kept: the token itself, when it expires and the project it is scoped to. */
export interface CachedToken {
  token: string;
  /** ISO 8601; absent when IAM gave no expiry (such a token is never reused across runs). */
  expiresAt?: string;
  projectId?: string;
  projectName?: string;
}

export type TokenCache = KeptSecret<CachedToken>;

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
