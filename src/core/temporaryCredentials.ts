/**
 * Temporary AK/SK from `POST {iam}/v3.0/OS-CREDENTIAL/securitytokens`: a caller (a token from the
 * stored password or a static one, or permanent AK/SK that sign the request) buys temporary AK/SK +
 * security token — for its own user (method `token`, `auth: "temporary"`) or for an agency of
 * another account (method `assume_role`, `auth: "agency"`) — and API calls are signed with those, so
 * the long-lived secret never travels with them. Renewed before they expire; concurrent callers
 * share one renewal, which is cancelled only when every caller waiting for it has given up. With a
 * `TemporaryKeyCache` the keys outlive the client: a new client (after a restart) reuses them until
 * shortly before they expire.
 */
import { EcsError } from './errors';
import type { RequestAuth } from './requestAuth';
import { cancelledError } from './retryPolicy';
import { SharedRenewal } from './sharedRenewal';
import { clearQuietly, loadQuietly, saveQuietly } from './keptSecret';
import {
  parseCachedTemporaryKey,
  type CachedTemporaryKey,
  type TemporaryKeyCache,
} from './temporaryKeyCache';
import { postToIam, type TokenRequestSettings } from './tokenProvider';

/** Renew this long before expiry (half-way for shorter lives). */
const RENEW_BEFORE_MS = 5 * 60_000;
export const DEFAULT_TEMPORARY_DURATION_SECONDS = 3600;

export interface TemporaryKey {
  accessKey: string;
  secretKey: string;
  securityToken: string;
  expiresAt: Date;
}

/**
 * Who asks IAM for the keys, and how the request proves it: a token in `X-Auth-Token` (`passwordAuth`,
 * whose 401 gets one fresh token; `tokenAuth`, which has none to give) or an AK/SK signature over the
 * request (`akskAuth(key, undefined, now)`: IAM is a global service, no `X-Project-Id`; a 401 means
 * wrong keys and is not retried). `secrets` are kept out of IAM's error text.
 */
export type SecurityTokenCaller = Pick<
  RequestAuth,
  'type' | 'secrets' | 'headersFor' | 'renewAfterUnauthorized' | 'pastedSecurityToken'
>;

/** The `auth.identity` of a securitytokens request: method `token` or `assume_role`. */
export type SecurityTokenIdentity =
  | { methods: ['token']; token: { duration_seconds: number } }
  | {
      methods: ['assume_role'];
      assume_role: {
        domain_name?: string;
        domain_id?: string;
        agency_name: string;
        duration_seconds: number;
        session_user?: { name: string };
      };
    };

export class TemporaryCredentialProvider {
  private cached: { key: TemporaryKey; renewAt: number } | undefined;
  private readonly renewal = new SharedRenewal<TemporaryKey>((signal) => this.keptOrObtained(signal));
  /** The kept keys are looked at once per provider; afterwards memory is the truth. */
  private looked = false;

  constructor(
    private readonly iamUrl: URL,
    private readonly caller: SecurityTokenCaller,
    private readonly identity: SecurityTokenIdentity,
    private readonly settings: TokenRequestSettings,
    private readonly now: () => Date,
    /** Turns IAM's refusal into the error to show (an agency names what is missing). */
    private readonly refused: (error: EcsError) => EcsError = (error) => error,
    /** Where the keys are kept between clients (and runs). */
    private readonly cache?: TemporaryKeyCache,
  ) {}

  async getKey(signal?: AbortSignal): Promise<TemporaryKey> {
    if (signal?.aborted) throw cancelledError();
    if (this.cached && this.now().getTime() < this.cached.renewAt) return this.cached.key;
    return this.renewal.join(signal);
  }

  /** Forgets `accessKey` if it is still the cached one (and the kept one: it was refused). */
  invalidate(accessKey: string): void {
    if (this.cached?.key.accessKey !== accessKey) return;
    this.cached = undefined;
    void clearQuietly(this.cache);
  }

  /** The kept keys the first time (when still good for a while), else new ones, kept for the next run. */
  private async keptOrObtained(signal: AbortSignal): Promise<TemporaryKey> {
    if (!this.looked) {
      this.looked = true;
      const kept = usableKeptKey(await loadQuietly(this.cache, parseCachedTemporaryKey), this.now());
      if (kept) {
        this.cached = kept;
        return kept.key;
      }
    }
    const key = await this.obtain(signal);
    await saveQuietly(this.cache, cachedKeyOf(key));
    return key;
  }

  private async obtain(signal: AbortSignal): Promise<TemporaryKey> {
    const key = await this.request(signal);
    const at = this.now().getTime();
    const lifetime = key.expiresAt.getTime() - at;
    this.cached = { key, renewAt: at + Math.max(0, lifetime - Math.min(RENEW_BEFORE_MS, lifetime / 2)) };
    return key;
  }

  private async request(signal: AbortSignal): Promise<TemporaryKey> {
    try {
      return await requestSecurityToken(this.iamUrl, this.caller, this.identity, this.settings, signal);
    } catch (error) {
      if (error instanceof EcsError && (error.status === 403 || error.status === 404)) {
        throw this.refused(error);
      }
      throw error;
    }
  }
}

/**
 * One `securitytokens` request, authenticated by `caller`; when IAM answers 401 and the caller can
 * renew what it sent (an IAM token revoked or expired early), once more with the fresh one.
 */
export async function requestSecurityToken(
  iamUrl: URL,
  caller: SecurityTokenCaller,
  identity: SecurityTokenIdentity,
  settings: TokenRequestSettings,
  signal?: AbortSignal,
): Promise<TemporaryKey> {
  const url = new URL(`${iamUrl.href.replace(/\/$/, '')}/v3.0/OS-CREDENTIAL/securitytokens`);
  const body = JSON.stringify({ auth: { identity } });
  const target = { method: 'POST', url, query: [], body };
  // How IAM's 401 is worded: keys are refused as keys, a token as a sign-in.
  const context = {
    authType: caller.type === 'aksk' ? ('aksk' as const) : ('password' as const),
    ...(caller.pastedSecurityToken ? { securityToken: true } : {}),
  };
  const post = (headers: Record<string, string>) =>
    postToIam(url, body, headers, [...caller.secrets], settings, signal, context);
  let headers = await caller.headersFor(target, signal);
  let answer: Awaited<ReturnType<typeof post>>;
  try {
    answer = await post(headers);
  } catch (error) {
    if (!(error instanceof EcsError) || error.status !== 401 || !caller.renewAfterUnauthorized(headers)) {
      throw error;
    }
    // The IAM token was revoked or expired early: one fresh token, once.
    headers = await caller.headersFor(target, signal);
    answer = await post(headers);
  }
  const { response, requestId } = answer;
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

/**
 * Kept keys that may still be used: more than the renewal margin away from their expiry (the time
 * they were issued is not kept, so the margin is the full one).
 */
export function usableKeptKey(
  kept: CachedTemporaryKey | undefined,
  now: Date,
): { key: TemporaryKey; renewAt: number } | undefined {
  if (!kept) return undefined;
  const expiresAt = new Date(kept.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) return undefined;
  const renewAt = expiresAt.getTime() - RENEW_BEFORE_MS;
  if (now.getTime() >= renewAt) return undefined;
  const { accessKey, secretKey, securityToken } = kept;
  return { key: { accessKey, secretKey, securityToken, expiresAt }, renewAt };
}

export function cachedKeyOf(key: TemporaryKey): CachedTemporaryKey {
  return {
    accessKey: key.accessKey,
    secretKey: key.secretKey,
    securityToken: key.securityToken,
    expiresAt: key.expiresAt.toISOString(),
  };
}
