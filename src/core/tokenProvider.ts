/**
 * IAM password tokens: `POST {iam}/v3/auth/tokens`, the token taken from `X-Subject-Token`.
 * A provider caches the token until shortly before `expires_at`, lets concurrent callers share one
 * token request (each may give up on it; it is aborted when all have), and forgets a token the API
 * rejected so the next call gets a fresh one. With a `TokenCache` the token outlives the client: a new
 * client (after a restart) reuses it until shortly before it expires.
 */
import { EcsError } from './errors';
import { errorFromResponse, requestIdFromHeaders, type ErrorContext } from './errorResponse';
import { sendHttp, type HttpLimits, type HttpResponse } from './httpTransport';
import { emitRequestEvent, type RequestListener } from './requestEvents';
import { cancelledError } from './retryPolicy';
import { SharedRenewal } from './sharedRenewal';
import { clearQuietly, loadQuietly, saveQuietly } from './keptSecret';
import { parseCachedToken, type CachedToken, type TokenCache } from './tokenCache';

/** Renew this long before expiry, so a token never expires between check and use. */
const RENEW_BEFORE_MS = 5 * 60_000;
/** When IAM gives no usable expiry, keep a token this long. */
const DEFAULT_LIFETIME_MS = 30 * 60_000;

export interface PasswordIdentity {
  iamUrl: URL;
  domain: string;
  /** The user's domain by id; when given, sent instead of the name. */
  domainId?: string;
  user: string;
  password: string;
}

/** Who signs in with a password at `iamUrl`: the user, their domain (by id when given) and the password. */
export function passwordIdentity(
  iamUrl: URL,
  signIn: { domain: string; domainId?: string; user: string; password: string },
): PasswordIdentity {
  return {
    iamUrl,
    domain: signIn.domain,
    ...(signIn.domainId ? { domainId: signIn.domainId } : {}),
    user: signIn.user,
    password: signIn.password,
  };
}

export type TokenScope = { projectId: string } | { projectName: string };

export interface IssuedToken {
  token: string;
  expiresAt?: Date;
  /** The project the token is scoped to, as IAM states it in the body. */
  projectId?: string;
  /** `token.catalog`, only when asked for with `withCatalog` (otherwise `?nocatalog=true` trims it). */
  catalog?: unknown;
  projectName?: string;
}

export interface TokenRequestSettings {
  limits: HttpLimits;
  userAgent: string;
  onRequest: RequestListener;
}

/** One token request, through the same transport as API calls; not retried with backoff. */
export async function requestPasswordToken(
  identity: PasswordIdentity,
  scope: TokenScope,
  settings: TokenRequestSettings,
  signal?: AbortSignal,
  withCatalog = false,
): Promise<IssuedToken> {
  const url = new URL(
    `${identity.iamUrl.href.replace(/\/$/, '')}/v3/auth/tokens${withCatalog ? '' : '?nocatalog=true'}`,
  );
  const domain = identity.domainId ? { id: identity.domainId } : { name: identity.domain };
  const project = 'projectId' in scope ? { id: scope.projectId } : { name: scope.projectName, domain };
  const body = JSON.stringify({
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: { name: identity.user, password: identity.password, domain },
        },
      },
      scope: { project },
    },
  });
  const { response, requestId } = await postToIam(url, body, {}, [identity.password], settings, signal);
  const token = response.headers.get('x-subject-token');
  if (!token) {
    throw new EcsError(
      'badResponse',
      'IAM answered without an X-Subject-Token header; check the IAM endpoint.',
      {
        status: response.status,
        requestId,
      },
    );
  }
  return { token, ...tokenFacts(response.body, withCatalog) };
}

/** Expiry, project id and name, and (when asked) catalog from a Keystone token body; tolerant of odd bodies. */
export function tokenFacts(body: string, withCatalog = false): Omit<IssuedToken, 'token'> {
  try {
    const parsed = JSON.parse(body) as {
      token?: { expires_at?: unknown; project?: { id?: unknown; name?: unknown }; catalog?: unknown };
    };
    const expires =
      typeof parsed.token?.expires_at === 'string' ? new Date(parsed.token.expires_at) : undefined;
    const project = parsed.token?.project;
    const projectId = typeof project?.id === 'string' ? project.id : undefined;
    const projectName = typeof project?.name === 'string' ? project.name : undefined;
    return {
      ...(expires && !Number.isNaN(expires.getTime()) ? { expiresAt: expires } : {}),
      ...(projectId ? { projectId } : {}),
      ...(withCatalog && parsed.token?.catalog !== undefined ? { catalog: parsed.token.catalog } : {}),
      ...(projectName ? { projectName } : {}),
    };
  } catch {
    return {};
  }
}

export class PasswordTokenProvider {
  private cached: { token: string; renewAt: number } | undefined;
  private readonly renewal = new SharedRenewal<string>((signal) => this.obtain(signal));
  /** The kept token is looked at once per client; afterwards memory is the truth. */
  private looked = false;

  constructor(
    private readonly identity: PasswordIdentity,
    private readonly scope: TokenScope,
    private readonly settings: TokenRequestSettings,
    private readonly now: () => Date,
    private readonly cache?: TokenCache,
  ) {}

  /**
   * A valid token, from memory, from the kept token, or from the one request in flight — which a
   * caller may give up waiting for (its signal); the request is aborted when every caller has.
   */
  async getToken(signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) throw cancelledError();
    if (this.cached && this.now().getTime() < this.cached.renewAt) return this.cached.token;
    return this.renewal.join(signal);
  }

  /** Forgets `token` if it is still the cached one (a later caller may already have replaced it). */
  invalidate(token: string): void {
    if (this.cached?.token === token) {
      this.cached = undefined;
      void clearQuietly(this.cache);
    }
  }

  private async obtain(signal: AbortSignal): Promise<string> {
    if (!this.looked) {
      this.looked = true;
      const kept = usableCachedToken(await loadQuietly(this.cache, parseCachedToken), this.scope, this.now());
      if (kept) {
        this.cached = kept;
        return kept.token;
      }
    }
    const issued = await requestPasswordToken(this.identity, this.scope, this.settings, signal);
    this.cached = { token: issued.token, renewAt: renewAtFor(issued.expiresAt, this.now()) };
    await saveQuietly(this.cache, cachedTokenOf(issued));
    return issued.token;
  }
}

/** Renew this long before expiry; short-lived tokens half-way through. */
function renewAtFor(expiresAt: Date | undefined, now: Date): number {
  const at = now.getTime();
  if (!expiresAt) return at + DEFAULT_LIFETIME_MS;
  const lifetime = expiresAt.getTime() - at;
  return at + Math.max(0, lifetime - Math.min(RENEW_BEFORE_MS, lifetime / 2));
}

export function cachedTokenOf(issued: IssuedToken): CachedToken {
  return {
    token: issued.token,
    ...(issued.expiresAt ? { expiresAt: issued.expiresAt.toISOString() } : {}),
    ...(issued.projectId ? { projectId: issued.projectId } : {}),
    ...(issued.projectName ? { projectName: issued.projectName } : {}),
  };
}

/**
 * A kept token that may still be used for `scope`: it names the project asked for and is more than
 * the renewal margin away from its expiry (one without a known expiry is never reused).
 */
export function usableCachedToken(
  kept: CachedToken | undefined,
  scope: TokenScope,
  now: Date,
): { token: string; renewAt: number; projectId: string } | undefined {
  if (!kept?.expiresAt || !kept.projectId) return undefined;
  const matches =
    'projectId' in scope ? kept.projectId === scope.projectId : kept.projectName === scope.projectName;
  if (!matches) return undefined;
  const expiresAt = new Date(kept.expiresAt).getTime();
  if (Number.isNaN(expiresAt)) return undefined;
  const renewAt = expiresAt - RENEW_BEFORE_MS;
  if (now.getTime() >= renewAt) return undefined;
  return { token: kept.token, renewAt, projectId: kept.projectId };
}

/**
 * One JSON POST to IAM (a token, temporary keys): sent once through the transport (safe to resend on
 * a new connection, since it changes nothing), reported to the listener, a non-2xx turned into an IAM
 * error with `secrets` kept out of its text.
 */
export async function postToIam(
  url: URL,
  body: string,
  headers: Record<string, string>,
  secrets: string[],
  settings: TokenRequestSettings,
  signal: AbortSignal | undefined,
  /** Who was refused on a 401: a password sign-in (default) or AK/SK (with a pasted security token). */
  refused: Pick<ErrorContext, 'authType' | 'securityToken'> = { authType: 'password' },
): Promise<{ response: HttpResponse; requestId: string | undefined }> {
  const started = performance.now();
  const event = { method: 'POST', path: url.pathname, attempt: 1 };
  let response: HttpResponse;
  try {
    response = await sendHttp(
      {
        method: 'POST',
        url,
        headers: {
          'Content-Type': 'application/json;charset=utf8',
          Accept: 'application/json',
          'User-Agent': settings.userAgent,
          ...headers,
        },
        body,
        resendable: true,
      },
      settings.limits,
      signal,
    );
  } catch (error) {
    const kind = error instanceof EcsError ? error.kind : 'network';
    emitRequestEvent(settings.onRequest, { ...event, durationMs: performance.now() - started, error: kind });
    throw error;
  }
  const requestId = requestIdFromHeaders(response.headers);
  const durationMs = performance.now() - started;
  if (response.status < 200 || response.status > 299) {
    const error = errorFromResponse(response.status, response.headers, response.body, {
      service: 'IAM',
      ...refused,
      permission: undefined,
      secrets,
    });
    emitRequestEvent(settings.onRequest, {
      ...event,
      status: response.status,
      durationMs,
      requestId: error.requestId,
      error: error.kind,
    });
    throw error;
  }
  emitRequestEvent(settings.onRequest, { ...event, status: response.status, durationMs, requestId });
  return { response, requestId };
}
