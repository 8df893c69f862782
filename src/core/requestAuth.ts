/**
 * How each request proves who it is: AK/SK signature, a static token, or an IAM password token.
 * The request executor asks for headers per attempt (signatures carry the time, tokens may renew).
 */
import { formatSdkDate, signRequest } from './akskSigner';
import { EcsError } from './errors';
import type { QueryParams } from './percentEncoding';
import type { PasswordTokenProvider } from './tokenProvider';
import type { EcsAuth, TemporaryKeys, TemporaryKeySource } from './types';

export interface AuthTarget {
  method: string;
  url: URL;
  query: QueryParams;
  /** The exact body bytes sent, which the signature covers. */
  body?: string;
}

export interface RequestAuth {
  readonly type: EcsAuth['type'];
  /** Exact secret strings, for redaction wherever a server's words are kept. */
  readonly secrets: readonly string[];
  headersFor(target: AuthTarget, signal: AbortSignal | undefined): Promise<Record<string, string>>;
  /** AK/SK with a security token the user pasted: it cannot be renewed, so its expiry is the user's to fix. */
  readonly pastedSecurityToken?: boolean;
  /** After a 401: drop the credential those headers used; true when a retry with a fresh one makes sense. */
  renewAfterUnauthorized(sentHeaders: Record<string, string>): boolean;
  /** Temporary and agency auth: the keys it signs with, to share (see `createTemporaryKeys`). */
  readonly temporaryKeys?: TemporaryKeys;
}

/** `projectId` undefined: a call to a global service (IAM), which takes no `X-Project-Id`. */
export function akskAuth(
  key: { accessKey: string; secretKey: string; securityToken?: string; securityTokenExpiresAt?: Date },
  projectId: string | undefined,
  now: () => Date,
): RequestAuth {
  return {
    type: 'aksk',
    secrets: [key.secretKey, ...(key.securityToken ? [key.securityToken] : [])],
    ...(key.securityToken ? { pastedSecurityToken: true } : {}),
    async headersFor(target) {
      const at = now();
      if (key.securityTokenExpiresAt && at.getTime() >= key.securityTokenExpiresAt.getTime()) {
        // Known to be dead: say so instead of sending a request the gateway will refuse.
        throw new EcsError(
          'auth',
          `The temporary access key and its security token expired at ${key.securityTokenExpiresAt.toISOString()}. Set new credentials.`,
          { expired: true },
        );
      }
      // Exactly the headers the official SDK signs, so both sign the same canonical request.
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Host: target.url.host,
        ...(projectId !== undefined ? { 'X-Project-Id': projectId } : {}),
        'X-Sdk-Date': formatSdkDate(at),
      };
      if (key.securityToken) headers['X-Security-Token'] = key.securityToken;
      headers.Authorization = signRequest(
        {
          method: target.method,
          path: target.url.pathname,
          query: target.query,
          headers,
          ...(target.body !== undefined ? { body: target.body } : {}),
        },
        key,
      );
      return headers;
    },
    renewAfterUnauthorized: () => false,
  };
}

export function tokenAuth(token: string): RequestAuth {
  const headers = { 'X-Auth-Token': token };
  return {
    type: 'token',
    secrets: [token],
    headersFor: async () => headers,
    renewAfterUnauthorized: () => false,
  };
}

/**
 * The secrets of a client whose credentials are issued as it goes (tokens, temporary keys): the
 * long-lived ones stay, the issued ones are remembered for redaction as they come, the oldest
 * forgotten past `keepIssued`.
 */
function issuedSecrets(longLived: readonly string[], keepIssued: number) {
  const secrets: string[] = [...longLived];
  return {
    secrets,
    remember(...issued: string[]): void {
      for (const secret of issued) if (!secrets.includes(secret)) secrets.push(secret);
      const excess = secrets.length - longLived.length - keepIssued;
      if (excess > 0) secrets.splice(longLived.length, excess);
    },
  };
}

export function passwordAuth(provider: PasswordTokenProvider, password: string): RequestAuth {
  const { secrets, remember } = issuedSecrets([password], 7);
  return {
    type: 'password',
    secrets,
    async headersFor(_target, signal) {
      const token = await provider.getToken(signal);
      remember(token);
      return { 'X-Auth-Token': token };
    },
    renewAfterUnauthorized(sentHeaders) {
      const token = sentHeaders['X-Auth-Token'];
      if (token) provider.invalidate(token);
      return true;
    },
  };
}

/**
 * Signs with temporary AK/SK the provider obtains (with a password's token or permanent AK/SK, or
 * through an agency);
 * a 401 drops them for one fresh set. `longLived`: the secrets they were obtained with.
 * `projectId` undefined: calls to IAM (a global service).
 */
export function temporaryAuth(
  type: 'temporary' | 'agency',
  provider: TemporaryKeySource,
  longLived: readonly string[],
  projectId: string | undefined,
  now: () => Date,
): RequestAuth {
  const { secrets, remember } = issuedSecrets(longLived, 8);
  return {
    type,
    secrets,
    temporaryKeys: { type, provider, longLived },
    async headersFor(target, signal) {
      const key = await provider.getKey(signal);
      remember(key.secretKey, key.securityToken);
      return akskAuth(key, projectId, now).headersFor(target, signal);
    },
    renewAfterUnauthorized(sentHeaders) {
      const access = /Access=([^,\s]+)/.exec(sentHeaders.Authorization ?? '')?.[1];
      if (access) provider.invalidate(access);
      return true;
    },
  };
}
