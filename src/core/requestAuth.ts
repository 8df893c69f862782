/**
 * How each request proves who it is: AK/SK signature, a static token, or an IAM password token.
 * The request executor asks for headers per attempt (signatures carry the time, tokens may renew).
 */
import { formatSdkDate, signRequest } from './akskSigner';
import type { QueryParams } from './percentEncoding';
import type { TemporaryCredentialProvider } from './temporaryCredentials';
import type { PasswordTokenProvider } from './tokenProvider';
import type { EcsAuth } from './types';

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
  /** After a 401: drop the credential those headers used; true when a retry with a fresh one makes sense. */
  renewAfterUnauthorized(sentHeaders: Record<string, string>): boolean;
}

/** `projectId` undefined: a call to a global service (IAM), which takes no `X-Project-Id`. */
export function akskAuth(
  key: { accessKey: string; secretKey: string; securityToken?: string },
  projectId: string | undefined,
  now: () => Date,
): RequestAuth {
  return {
    type: 'aksk',
    secrets: [key.secretKey, ...(key.securityToken ? [key.securityToken] : [])],
    async headersFor(target) {
      // Exactly the headers the official SDK signs, so both sign the same canonical request.
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Host: target.url.host,
        ...(projectId !== undefined ? { 'X-Project-Id': projectId } : {}),
        'X-Sdk-Date': formatSdkDate(now()),
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

export function passwordAuth(provider: PasswordTokenProvider, password: string): RequestAuth {
  // Issued tokens are secrets too; remember them for redaction as they come.
  const secrets: string[] = [password];
  return {
    type: 'password',
    secrets,
    async headersFor(_target, signal) {
      const token = await provider.getToken(signal);
      if (!secrets.includes(token)) secrets.push(token);
      if (secrets.length > 8) secrets.splice(1, 1);
      return { 'X-Auth-Token': token };
    },
    renewAfterUnauthorized(sentHeaders) {
      const token = sentHeaders['X-Auth-Token'];
      if (token) provider.invalidate(token);
      return true;
    },
  };
}

/** Signs with temporary AK/SK obtained with the password; a 401 drops them for one fresh set. */
export function temporaryAuth(
  provider: TemporaryCredentialProvider,
  password: string,
  projectId: string,
  now: () => Date,
): RequestAuth {
  const secrets: string[] = [password];
  return {
    type: 'temporary',
    secrets,
    async headersFor(target, signal) {
      const key = await provider.getKey(signal);
      for (const secret of [key.secretKey, key.securityToken]) {
        if (!secrets.includes(secret)) secrets.push(secret);
      }
      if (secrets.length > 9) secrets.splice(1, 2);
      return akskAuth(key, projectId, now).headersFor(target, signal);
    },
    renewAfterUnauthorized(sentHeaders) {
      const access = /Access=([^,\s]+)/.exec(sentHeaders.Authorization ?? '')?.[1];
      if (access) provider.invalidate(access);
      return true;
    },
  };
}
