import type { AuthType } from '../profiles/profile';

/** A profile's secrets, shaped like the core's `auth` option without `type`. Lives in SecretStorage only. */
export type AkSkCredentials = {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
  /** When pasted temporary credentials expire (ISO 8601, their `expires_at`), when the user knows it. */
  securityTokenExpiresAt?: string;
};
export type PasswordCredentials = { password: string };
export type TokenCredentials = { token: string };
export type Credentials = AkSkCredentials | PasswordCredentials | TokenCredentials;

/** Checks an untrusted value (command argument, stored JSON) and keeps only the known fields. */
export function parseCredentials(value: unknown): Credentials | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (nonEmpty(v.accessKey) && nonEmpty(v.secretKey)) {
    const aksk: AkSkCredentials = { accessKey: v.accessKey, secretKey: v.secretKey };
    if (nonEmpty(v.securityToken)) {
      aksk.securityToken = v.securityToken;
      if (nonEmpty(v.securityTokenExpiresAt) && isDate(v.securityTokenExpiresAt)) {
        aksk.securityTokenExpiresAt = v.securityTokenExpiresAt;
      }
    }
    return aksk;
  }
  if (nonEmpty(v.password)) return { password: v.password };
  if (nonEmpty(v.token)) return { token: v.token };
  return undefined;
}

export function credentialsMatch(auth: AuthType, credentials: Credentials): boolean {
  switch (auth) {
    case 'aksk':
      return 'accessKey' in credentials;
    case 'password':
      return 'password' in credentials;
    case 'temporary':
      // Temporary AK/SK are bought with a password, or with permanent AK/SK (no security token).
      return 'password' in credentials || ('accessKey' in credentials && !credentials.securityToken);
    case 'token':
      return 'token' in credentials;
    case 'agency':
      // An agency profile acts with its source profile's credentials and stores none of its own.
      return false;
  }
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** An `expires_at` as IAM writes it (ISO 8601), or any date `Date` reads. */
export function isDate(text: string): boolean {
  return !Number.isNaN(new Date(text).getTime());
}
