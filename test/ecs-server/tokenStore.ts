/** IAM tokens the server issued: valid for 24 hours unless `expireTokens()` revoked them early. */
import { randomBytes } from 'node:crypto';

const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface TokenRecord {
  /** Project the token is scoped to; undefined for an unscoped token. */
  projectId?: string;
  expiresAt: Date;
  issuedAt: Date;
}

export class TokenStore {
  private readonly issued = new Map<string, TokenRecord>();

  /** @param staticToken always valid and scoped to `staticProjectId`, for manual use and tests. */
  constructor(
    private readonly staticToken: string,
    private readonly staticProjectId: string,
  ) {}

  issue(projectId: string | undefined): { token: string; record: TokenRecord } {
    // Real IAM tokens are long opaque strings starting with "MII"; mimic the look, not the content.
    const token = `MIIT${randomBytes(96).toString('base64url')}`;
    const issuedAt = new Date();
    const record: TokenRecord = {
      projectId,
      issuedAt,
      expiresAt: new Date(issuedAt.getTime() + TOKEN_LIFETIME_MS),
    };
    this.issued.set(token, record);
    return { token, record };
  }

  /** The token's record while it is valid, else undefined. */
  check(token: string): TokenRecord | undefined {
    if (token === this.staticToken) {
      const now = new Date();
      return {
        projectId: this.staticProjectId,
        issuedAt: now,
        expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS),
      };
    }
    const record = this.issued.get(token);
    if (!record || record.expiresAt.getTime() <= Date.now()) return undefined;
    return record;
  }

  /** Revokes every token issued so far; logins after this get fresh, valid tokens. */
  expireAll(): void {
    this.issued.clear();
  }
}
