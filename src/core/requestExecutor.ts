/**
 * Runs one API call to completion: authenticates each attempt, retries what is safe to retry, renews
 * a password token once after a 401, reports every attempt to the listener, and parses the JSON answer.
 * GETs retry freely; writes only where the write surely did not happen or repeating it is harmless.
 * The whole call, retries and their waits included, ends by its deadline.
 */
import { EcsError } from './errors';
import { errorFromResponse, requestIdFromHeaders, type ErrorContext } from './errorResponse';
import { sendHttp, type HttpLimits, type HttpMethod, type HttpResponse } from './httpTransport';
import { canonicalQuery, encodePathSegment, type QueryParams } from './percentEncoding';
import type { RequestAuth } from './requestAuth';
import { emitRequestEvent, type RequestListener } from './requestEvents';
import { serverText } from './serverText';
import {
  cancelledError,
  isRetryableNetworkError,
  isRetryableStatus,
  isRetryableWriteStatus,
  parseRetryAfter,
  retryDelayMs,
  sleep,
} from './retryPolicy';

export interface ExecutorSettings {
  /** Which service answers at `baseUrl`; messages name it (an IAM lookup that fails is not an ECS error). */
  service: ErrorContext['service'];
  /** Endpoint with its own path (if any) and no trailing slash. */
  baseUrl: URL;
  limits: HttpLimits;
  maxAttempts: number;
  /** Longest one call may take, every attempt and wait included; default timeout × maxAttempts. */
  deadlineMs?: number;
  userAgent: string;
  onRequest: RequestListener;
  now: () => Date;
}

export interface ApiCall {
  /** Raw path segments after the endpoint's own path; each is encoded exactly once here. */
  segments: readonly string[];
  query?: QueryParams;
  context: Omit<ErrorContext, 'authType' | 'secrets' | 'service'>;
  signal?: AbortSignal;
  /** Default GET. */
  method?: HttpMethod;
  /** JSON text, sent and signed as these exact bytes. */
  body?: string;
  /**
   * For writes: may a failed attempt be sent again? Only when the write surely did not happen (429,
   * 503, connection refused) or failed on a reused connection before any answer — then only if
   * repeating the write is harmless (`resendSafe`, true for every metadata write: each sets or
   * removes the same keys to the same values). GETs ignore this and retry every transient failure.
   */
  resendSafe?: boolean;
  /**
   * For a DELETE: after an attempt whose outcome is unknown, a 404 of this kind means that attempt
   * did the work, and the call succeeds.
   */
  doneWhenMissing?: 'keyNotFound';
}

export interface ApiAnswer {
  /** The parsed body; undefined when the answer had none (204). */
  json: unknown;
  requestId?: string;
  status?: number;
  /** True when an earlier attempt of unknown outcome did the work (a DELETE answered 404 after it). */
  doneEarlier?: boolean;
}

export class RequestExecutor {
  private readonly basePath: string;

  constructor(
    private readonly settings: ExecutorSettings,
    private readonly auth: RequestAuth,
  ) {
    this.basePath = settings.baseUrl.pathname.replace(/\/+$/, '');
  }

  get(call: ApiCall): Promise<ApiAnswer> {
    return this.send({ ...call, method: 'GET' });
  }

  async send(call: ApiCall): Promise<ApiAnswer> {
    const method = call.method ?? 'GET';
    const isWrite = method !== 'GET';
    const path = `${this.basePath}/${call.segments.map(encodePathSegment).join('/')}`;
    const query = call.query ?? [];
    const url = new URL(this.settings.baseUrl.origin);
    url.pathname = path;
    // Built by the signing rule so the query sent and the query signed are the same bytes.
    if (query.length > 0) url.search = `?${canonicalQuery(query)}`;
    let attempt = 0;
    let failedAttempts = 0;
    let renewed = false;
    // Set once an attempt may have reached the server without its answer reaching us.
    let outcomeUnknown = false;
    const { limits, maxAttempts } = this.settings;
    const deadline = performance.now() + (this.settings.deadlineMs ?? limits.timeoutMs * maxAttempts);
    /** A retry only when it can start before the deadline. */
    const inTime = (delayMs: number | undefined): number | undefined =>
      delayMs !== undefined && performance.now() + delayMs < deadline ? delayMs : undefined;
    for (;;) {
      attempt++;
      if (call.signal?.aborted) throw cancelledError();
      const started = performance.now();
      const event = { method, path, attempt };
      let headers: Record<string, string>;
      let response: HttpResponse;
      try {
        headers = {
          Accept: 'application/json',
          'User-Agent': this.settings.userAgent,
          ...(call.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(await this.auth.headersFor({ method, url, query, body: call.body }, call.signal)),
        };
        response = await sendHttp(
          {
            method,
            url,
            headers,
            ...(call.body !== undefined ? { body: call.body } : {}),
            // The transport resends once on a new connection when a reused one failed before any
            // answer: always for a GET, for a write only when repeating it is harmless.
            resendable: !isWrite || call.resendSafe === true,
          },
          limits,
          call.signal,
          deadline,
        );
      } catch (error) {
        const failure = asEcsError(error);
        failedAttempts++;
        let retryInMs: number | undefined;
        if (failedAttempts < maxAttempts) {
          if (!isWrite) {
            if (isRetryableNetworkError(failure)) retryInMs = retryDelayMs(failedAttempts, undefined);
          } else if (failure.kind === 'network' && failure.code === 'ECONNREFUSED') {
            // No connection, so no request: the write surely did not happen.
            retryInMs = retryDelayMs(failedAttempts, undefined);
          }
        }
        retryInMs = inTime(retryInMs);
        emitRequestEvent(this.settings.onRequest, {
          ...event,
          durationMs: performance.now() - started,
          error: failure.kind,
          ...(retryInMs !== undefined ? { retryInMs } : {}),
        });
        if (retryInMs === undefined) throw failure;
        if (retryInMs > 0) await sleep(retryInMs, call.signal);
        continue;
      }

      const durationMs = performance.now() - started;
      const status = response.status;
      if (response.resent) outcomeUnknown = true;
      if (status >= 200 && status <= 299) {
        const requestId = requestIdFromHeaders(response.headers);
        const parsed =
          isWrite && response.body.trim() === ''
            ? ({ ok: true, json: undefined } as const)
            : parseJson(this.settings.service, response.body, requestId, status);
        emitRequestEvent(this.settings.onRequest, {
          ...event,
          status,
          durationMs,
          ...(requestId ? { requestId } : {}),
          ...(parsed.ok ? {} : { error: 'badResponse' as const }),
        });
        if (!parsed.ok) throw parsed.error;
        return requestId ? { json: parsed.json, requestId, status } : { json: parsed.json, status };
      }

      const failure =
        status >= 300 && status <= 399
          ? redirectError(status, response, url)
          : errorFromResponse(status, response.headers, response.body, this.errorContext(call));
      if (outcomeUnknown && call.doneWhenMissing !== undefined && failure.kind === call.doneWhenMissing) {
        emitRequestEvent(this.settings.onRequest, {
          ...event,
          status,
          durationMs,
          ...(failure.requestId ? { requestId: failure.requestId } : {}),
        });
        return {
          json: undefined,
          status,
          doneEarlier: true,
          ...(failure.requestId ? { requestId: failure.requestId } : {}),
        };
      }
      let retryInMs: number | undefined;
      if (status === 401 && !renewed && this.auth.renewAfterUnauthorized(headers)) {
        // A revoked or expired token: one fresh token, one more try, not counted against maxAttempts.
        renewed = true;
        retryInMs = inTime(0);
      } else if (
        (isWrite ? isRetryableWriteStatus(status) : isRetryableStatus(status)) &&
        failedAttempts + 1 < maxAttempts
      ) {
        failedAttempts++;
        const retryAfter = parseRetryAfter(
          response.headers.get('retry-after') ?? undefined,
          this.settings.now(),
        );
        retryInMs = inTime(retryDelayMs(failedAttempts, retryAfter));
      }
      emitRequestEvent(this.settings.onRequest, {
        ...event,
        status,
        durationMs,
        ...(failure.requestId ? { requestId: failure.requestId } : {}),
        error: failure.kind,
        ...(retryInMs !== undefined ? { retryInMs } : {}),
      });
      if (retryInMs === undefined) throw failure;
      if (retryInMs > 0) await sleep(retryInMs, call.signal);
    }
  }

  /** Only failed answers need it, so the success path does not build it. */
  private errorContext(call: ApiCall): ErrorContext {
    return {
      ...call.context,
      service: this.settings.service,
      // Temporary AK/SK sign like AK/SK: the same hints apply.
      authType: this.auth.type === 'temporary' || this.auth.type === 'agency' ? 'aksk' : this.auth.type,
      ...(this.auth.pastedSecurityToken ? { securityToken: true } : {}),
      secrets: this.auth.secrets,
    };
  }
}

function asEcsError(error: unknown): EcsError {
  if (error instanceof EcsError) return error;
  return new EcsError('network', 'The request failed before an answer arrived.', { cause: error });
}

function parseJson(
  service: ErrorContext['service'],
  body: string,
  requestId: string | undefined,
  status: number,
): { ok: true; json: unknown } | { ok: false; error: EcsError } {
  try {
    return { ok: true, json: JSON.parse(body) };
  } catch (cause) {
    const where = requestId ? ` (HTTP ${status}, request id ${requestId})` : ` (HTTP ${status})`;
    return {
      ok: false,
      error: new EcsError(
        'badResponse',
        `${service} answered with a body that is not valid JSON${body.length === 0 ? ' (it was empty)' : ''}; it may have been cut off. Try again.${where}`,
        { status, ...(requestId ? { requestId } : {}), cause },
      ),
    };
  }
}

function redirectError(status: number, response: HttpResponse, url: URL): EcsError {
  const origin = redirectOrigin(response.headers.get('location'), url);
  const to = origin ? ` to ${origin}` : '';
  return new EcsError(
    'badResponse',
    `The endpoint redirected${to} (HTTP ${status}); credentials are not sent on. Set the endpoint to the final URL.`,
    { status },
  );
}

/** Where a redirect points, for the message; a Location that is not a URL is left out, never thrown. */
function redirectOrigin(location: string | null, url: URL): string | undefined {
  if (!location) return undefined;
  try {
    const origin = new URL(location, url).origin;
    return origin === 'null' ? undefined : serverText(origin, 200);
  } catch {
    return undefined;
  }
}
