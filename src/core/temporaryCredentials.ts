/**
 * Temporary AK/SK for `auth: "temporary"`: the stored password gets an IAM token, the token gets
 * temporary AK/SK + security token from `POST {iam}/v3.0/OS-CREDENTIAL/securitytokens`, and API
 * calls are signed with those, so the password never travels with them. Renewed before they expire;
 * concurrent callers share one renewal.
 */
import { EcsError } from './errors';
import { cancelledError } from './retryPolicy';
import { postToIam, type PasswordTokenProvider, type TokenRequestSettings } from './tokenProvider';

/** Renew this long before expiry (half-way for shorter lives). */
const RENEW_BEFORE_MS = 5 * 60_000;
export const DEFAULT_TEMPORARY_DURATION_SECONDS = 3600;

export interface TemporaryKey {
  accessKey: string;
  secretKey: string;
  securityToken: string;
  expiresAt: Date;
}

export class TemporaryCredentialProvider {
  private cached: { key: TemporaryKey; renewAt: number } | undefined;
  private pending: Promise<TemporaryKey> | undefined;

  constructor(
    private readonly iamUrl: URL,
    private readonly tokens: PasswordTokenProvider,
    private readonly durationSeconds: number,
    private readonly settings: TokenRequestSettings,
    private readonly now: () => Date,
  ) {}

  async getKey(signal?: AbortSignal): Promise<TemporaryKey> {
    if (signal?.aborted) throw cancelledError();
    if (this.cached && this.now().getTime() < this.cached.renewAt) return this.cached.key;
    this.pending ??= this.obtain().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets `accessKey` if it is still the cached one. */
  invalidate(accessKey: string): void {
    if (this.cached?.key.accessKey === accessKey) this.cached = undefined;
  }

  private async obtain(): Promise<TemporaryKey> {
    let key: TemporaryKey;
    const token = await this.tokens.getToken();
    try {
      key = await requestSecurityToken(this.iamUrl, token, this.durationSeconds, this.settings);
    } catch (error) {
      if (!(error instanceof EcsError) || error.status !== 401) throw error;
      // The IAM token was revoked or expired early: one fresh token, once.
      this.tokens.invalidate(token);
      key = await requestSecurityToken(
        this.iamUrl,
        await this.tokens.getToken(),
        this.durationSeconds,
        this.settings,
      );
    }
    const at = this.now().getTime();
    const lifetime = key.expiresAt.getTime() - at;
    this.cached = { key, renewAt: at + Math.max(0, lifetime - Math.min(RENEW_BEFORE_MS, lifetime / 2)) };
    return key;
  }
}

/** One `securitytokens` request (method `token`). */
export async function requestSecurityToken(
  iamUrl: URL,
  token: string,
  durationSeconds: number,
  settings: TokenRequestSettings,
): Promise<TemporaryKey> {
  const url = new URL(`${iamUrl.href.replace(/\/$/, '')}/v3.0/OS-CREDENTIAL/securitytokens`);
  const body = JSON.stringify({
    auth: { identity: { methods: ['token'], token: { duration_seconds: durationSeconds } } },
  });
  const { response, requestId } = await postToIam(
    url,
    body,
    { 'X-Auth-Token': token },
    [token],
    settings,
    undefined,
  );
  const key = parseCredential(response.body);
  if (!key) {
    throw new EcsError('badResponse', 'IAM answered securitytokens without a usable credential.', {
      status: response.status,
      ...(requestId ? { requestId } : {}),
    });
  }
  return key;
}

function parseCredential(body: string): TemporaryKey | undefined {
  try {
    const c = (JSON.parse(body) as { credential?: Record<string, unknown> }).credential;
    if (!c) return undefined;
    const { access, secret, securitytoken, expires_at } = c;
    if (typeof access !== 'string' || typeof secret !== 'string' || typeof securitytoken !== 'string')
      return undefined;
    const expiresAt = typeof expires_at === 'string' ? new Date(expires_at) : undefined;
    if (!expiresAt || Number.isNaN(expiresAt.getTime())) return undefined;
    return { accessKey: access, secretKey: secret, securityToken: securitytoken, expiresAt };
  } catch {
    return undefined;
  }
}
