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

export interface HttpRequest {
  method: 'GET' | 'POST';
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

export async function sendHttp(
  request: HttpRequest,
  limits: HttpLimits,
  signal: AbortSignal | undefined,
): Promise<HttpResponse> {
  if (signal?.aborted) throw cancelledError();
  try {
    const response = await fetch(request.url.href, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      agent: agentFor(request.url),
      // The caller's signal goes straight through; node-fetch's own timer covers the wait for the
      // headers and the body separately, which saves an AbortController and listeners per request.
      signal: signal as FetchSignal,
      timeout: limits.timeoutMs,
      size: limits.maxResponseBytes,
      redirect: 'manual',
    });
    const body = await response.text();
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    throw transportError(error, request, limits);
  }
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
