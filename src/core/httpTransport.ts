/**
 * One HTTP exchange through node-fetch (which goes through Node's http/https, so VS Code's proxy
 * support applies): pooled keep-alive agent, a timeout per attempt, the caller's signal,
 * a cap on the body size, no redirects followed (they would carry credentials elsewhere).
 * Failures become EcsErrors of kind network, timeout, cancelled or badResponse; nothing here retries.
 */
import fetch, { type Headers, type RequestInit } from 'node-fetch';
import { agentFor } from './agentPool';
import { EcsError } from './errors';
import { cancelledError } from './retryPolicy';

/** node-fetch's types describe their own AbortSignal; Node's global one is what it checks for at run time. */
type FetchSignal = RequestInit['signal'];

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_USER_AGENT = 'ecs-metadata-explorer-core';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Full URL with the path already encoded and the query already built. */
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpLimits {
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * What a caller that may resend a write needs to know about a failed attempt: did it go out on a
 * kept-alive connection (which the server may have closed meanwhile), and did any answer arrive.
 */
export interface AttemptFacts {
  reusedConnection: boolean;
  answered: boolean;
}

export async function sendHttp(
  request: HttpRequest,
  limits: HttpLimits,
  signal: AbortSignal | undefined,
  facts?: AttemptFacts,
): Promise<HttpResponse> {
  if (signal?.aborted) throw cancelledError();
  let sent: { reusedSocket?: boolean } | undefined;
  try {
    const pooled = agentFor(request.url);
    const response = await fetch(request.url.href, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      agent: facts ? watching(pooled, (req) => (sent = req)) : pooled,
      // The caller's signal goes straight through; node-fetch's own timer covers the wait for the
      // headers and the body separately, which saves an AbortController and listeners per request.
      signal: signal as FetchSignal,
      timeout: limits.timeoutMs,
      size: limits.maxResponseBytes,
      redirect: 'manual',
    });
    if (facts) facts.answered = true;
    const body = await response.text();
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (facts) facts.reusedConnection = sent?.reusedSocket === true;
    throw transportError(error, request, limits);
  }
}

/** The pooled agent, unchanged, except that it hands each request it is given to `onRequest`. */
function watching(
  agent: ReturnType<typeof agentFor>,
  onRequest: (req: { reusedSocket?: boolean }) => void,
): ReturnType<typeof agentFor> {
  return new Proxy(agent, {
    get(target, name) {
      if (name === 'addRequest') {
        return (req: { reusedSocket?: boolean }, options: unknown) => {
          onRequest(req);
          // Not in @types/node, but every http.Agent has it: it is how ClientRequest takes a socket.
          (target as unknown as { addRequest(req: unknown, options: unknown): void }).addRequest(
            req,
            options,
          );
        };
      }
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function transportError(error: unknown, request: HttpRequest, limits: HttpLimits): EcsError {
  const host = request.url.host;
  const failure = error as { name?: string; type?: string; code?: string };
  if (failure.name === 'AbortError') return cancelledError();
  if (failure.type === 'request-timeout' || failure.type === 'body-timeout') {
    return new EcsError(
      'timeout',
      `${host} did not answer within ${limits.timeoutMs / 1000} s. Check the network, proxy and endpoint, or raise the timeout.`,
      { cause: error },
    );
  }
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
