/**
 * One HTTP exchange through node-fetch (which goes through Node's http/https, so VS Code's proxy
 * support applies), wrapped so that node-fetch's known failure modes never reach a user:
 * - the origin's gate (originGate.ts) admits it, so it never waits in the agent's queue (#1767);
 * - one time limit covers the whole attempt — the wait at the gate, the headers, the body;
 * - an AbortController of its own, linked to the caller's signal, is aborted on every failure
 *   (timeout, size cap, unreadable body, cancel), so node-fetch never keeps a socket reading;
 * - a request safe to send twice that fails on a reused keep-alive connection before any byte of the
 *   answer arrived is sent again at once on a new connection, as browsers do;
 * - every request says `Connection: keep-alive`, so the socket is kept even when a wrapper agent
 *   without keep-alive stands in front of ours (see KEEP_ALIVE_HEADER).
 * No redirects are followed (they would carry credentials elsewhere). Failures become EcsErrors of
 * kind network, timeout, cancelled or badResponse; retries with backoff are the caller's business.
 */
import fetch, { type Headers, type RequestInit } from 'node-fetch';
import { returnAbortController, takeAbortController } from './abortControllerPool';
import {
  dropIdleSockets,
  freshConnectionAgent,
  pooledAgentWithProbe,
  type ConnectionProbe,
} from './agentPool';
import { EcsError } from './errors';
import { gateFor } from './originGate';
import { cancelledError } from './retryPolicy';

/** node-fetch's types describe their own AbortSignal; Node's global one is what it checks for at run time. */
type FetchSignal = RequestInit['signal'];

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_USER_AGENT = 'ecs-metadata-explorer-core';
/**
 * Whether to offer gzip. Kept: see bench/README.md ("Transport choices") for a 1,000-server listing
 * with and without it. The size cap applies to the decompressed body.
 */
let offerGzip = true;

/** Benchmarks only: offer gzip or not. */
export function setGzipForBenchmarks(on: boolean): void {
  offerGzip = on;
}

/**
 * Inside VS Code (default `http.proxySupport: "override"`) every request is handed to a new proxy
 * agent of VS Code's, created without keep-alive, which then gives it to our pooled agent (127.0.0.1)
 * or to Node's global agent (any other host). Node decides keep-alive from the agent it was given, so
 * it would send `Connection: close` and drop the socket after each answer; an explicit header makes
 * it keep the socket in whichever keep-alive agent opened it. Under plain Node it changes nothing.
 */
const KEEP_ALIVE_HEADER = { Connection: 'keep-alive' } as const;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Full URL with the path already encoded and the query already built. */
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /**
   * Safe to send twice: sent again at once on a new connection when a reused one fails before any
   * byte of the answer arrived. Default: true for GET, false otherwise.
   */
  resendable?: boolean;
}

export interface HttpLimits {
  /** Longest one attempt may take, from its start (gate wait included) to the last byte of the body. */
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  /**
   * This answer is to a resend after a reused connection failed: the first send may have reached
   * the server, so a write's outcome before this answer is unknown.
   */
  resent?: boolean;
}

/**
 * One attempt. `deadline` (a `performance.now()` time) is the caller's overall limit: the attempt's
 * own limit is cut short to end by then.
 */
export async function sendHttp(
  request: HttpRequest,
  limits: HttpLimits,
  signal: AbortSignal | undefined,
  deadline?: number,
): Promise<HttpResponse> {
  if (signal?.aborted) throw cancelledError();
  const limitMs = Math.max(0, Math.min(limits.timeoutMs, (deadline ?? Infinity) - performance.now()));
  const attempt = new AttemptControl(limitMs, signal);
  let leave: (() => void) | undefined;
  try {
    leave = await gateFor(request.url).enter(attempt.signal);
    const probe: ConnectionProbe = {};
    try {
      return await exchange(request, limits, attempt, pooledAgentWithProbe(request.url, probe));
    } catch (error) {
      if (attempt.stopped || !worthResending(request, error, probe)) throw error;
      dropIdleSockets(request.url);
      attempt.renew();
      const again = await exchange(request, limits, attempt, () => freshConnectionAgent(request.url));
      return { ...again, resent: true };
    }
  } catch (error) {
    throw transportError(error, request, limits, attempt, limitMs < limits.timeoutMs);
  } finally {
    attempt.end();
    leave?.();
  }
}

/** One request and its whole body. The attempt's controller is aborted on any failure, destroying the socket. */
async function exchange(
  request: HttpRequest,
  limits: HttpLimits,
  attempt: AttemptControl,
  agent: NonNullable<RequestInit['agent']>,
): Promise<HttpResponse> {
  try {
    const response = await fetch(request.url.href, {
      method: request.method,
      headers: { ...request.headers, ...KEEP_ALIVE_HEADER },
      body: request.body,
      agent,
      signal: attempt.signal as FetchSignal,
      size: limits.maxResponseBytes,
      compress: offerGzip,
      redirect: 'manual',
    });
    const body = await response.text();
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    // node-fetch leaves the socket reading after a size-cap or body error; aborting destroys it.
    attempt.abortExchange();
    throw error;
  }
}

/**
 * A failure worth one immediate resend on a new connection, for a request safe to send twice: the
 * reused connection was closed by the server before any byte of this answer came back (the request
 * crossed the close), or node-fetch misread a whole chunked answer as cut off (#1767).
 */
function worthResending(request: HttpRequest, error: unknown, probe: ConnectionProbe): boolean {
  if (!(request.resendable ?? request.method === 'GET')) return false;
  const failure = error as { type?: string; code?: string };
  if (failure.code === 'ERR_STREAM_PREMATURE_CLOSE') return true;
  if (failure.type !== 'system' || !probe.reused || !probe.socket) return false;
  return probe.socket.bytesRead === probe.bytesReadBefore;
}

/**
 * The attempt's own AbortController (one per exchange: a resend gets a new one), aborted by the
 * attempt's timer, by the caller's signal, or by a failed exchange. Controllers come from a pool
 * (abortControllerPool.ts) and go back to it when the attempt ends unaborted.
 */
class AttemptControl {
  private controller = takeAbortController();
  private readonly timer: NodeJS.Timeout;
  timedOut = false;

  constructor(
    limitMs: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, limitMs);
    caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get cancelled(): boolean {
    return this.caller?.aborted === true;
  }

  /** Timed out or cancelled: nothing more may be sent. */
  get stopped(): boolean {
    return this.timedOut || this.cancelled;
  }

  abortExchange(): void {
    this.controller.abort();
  }

  /** A new controller for a resend, the failed exchange's one being spent. */
  renew(): void {
    this.controller = takeAbortController();
  }

  end(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
    returnAbortController(this.controller);
  }

  private readonly onCallerAbort = (): void => this.controller.abort();
}

function transportError(
  error: unknown,
  request: HttpRequest,
  limits: HttpLimits,
  attempt: AttemptControl,
  cutByDeadline: boolean,
): EcsError {
  if (error instanceof EcsError) return error;
  const host = request.url.host;
  if (attempt.cancelled) return cancelledError();
  if (attempt.timedOut) {
    return new EcsError(
      'timeout',
      cutByDeadline
        ? `${host} did not answer before the call ran out of time (retries included). Check the network, proxy and endpoint, or raise the timeout.`
        : `${host} did not answer within ${limits.timeoutMs / 1000} s. Check the network, proxy and endpoint, or raise the timeout.`,
      { cause: error },
    );
  }
  const failure = error as { name?: string; type?: string; code?: string };
  if (failure.name === 'AbortError') return cancelledError();
  if (failure.type === 'max-size') {
    return new EcsError(
      'badResponse',
      `The answer from ${host} was larger than ${limits.maxResponseBytes} bytes and was not read.`,
      { cause: error },
    );
  }
  const code = failure.code;
  const hint =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'Check the endpoint host name and DNS.'
      : code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)
        ? 'The TLS certificate could not be verified. If a proxy inspects TLS, add its CA with NODE_EXTRA_CA_CERTS.'
        : 'Check the network, the proxy settings (http.proxy) and the endpoint.';
  return new EcsError('network', `Could not reach ${host}${code ? ` (${code})` : ''}. ${hint}`, {
    code,
    cause: error,
  });
}
