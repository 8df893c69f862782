/**
 * Temporary AK/SK issued by `POST /v3.0/OS-CREDENTIAL/securitytokens`: each with a secret key, a
 * security token and an expiry; requests signed with them must sign `X-Security-Token`.
 */
import { randomBytes } from 'node:crypto';

export interface TemporaryCredential {
  accessKey: string;
  secretKey: string;
  securityToken: string;
  expiresAt: Date;
}

export class TemporaryCredentialStore {
  private readonly issued = new Map<string, TemporaryCredential>();
  private revokedAll = new Set<string>();

  issue(durationSeconds: number): TemporaryCredential {
    const credential: TemporaryCredential = {
      accessKey: `TMP${randomBytes(9).toString('hex').toUpperCase()}`,
      secretKey: randomBytes(30).toString('base64url'),
      securityToken: `gQ${randomBytes(120).toString('base64url')}`,
      expiresAt: new Date(Date.now() + durationSeconds * 1000),
    };
    this.issued.set(credential.accessKey, credential);
    return credential;
  }

  /** `unknown` for an access key never issued, `expired` for one past its expiry or revoked. */
  check(accessKey: string): TemporaryCredential | 'unknown' | 'expired' {
    const credential = this.issued.get(accessKey);
    if (!credential) return this.revokedAll.has(accessKey) ? 'expired' : 'unknown';
    return credential.expiresAt.getTime() <= Date.now() ? 'expired' : credential;
  }

  /** Makes every credential issued so far expired (`expireTokens()`). */
  expireAll(): void {
    for (const key of this.issued.keys()) this.revokedAll.add(key);
    this.issued.clear();
  }
}
