/**
 * When to try a GET again, and how long to wait first: exponential backoff with full jitter (so many
 * clients throttled together do not retry together), or exactly what Retry-After asks, capped.
 */
import { EcsError } from './errors';

export const DEFAULT_MAX_ATTEMPTS = 3;
const BASE_DELAY_MS = 200;
const MAX_BACKOFF_MS = 4_000;
/** A Retry-After longer than this is shortened: a person is waiting on the other side. */
export const MAX_RETRY_AFTER_MS = 10_000;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Statuses worth another attempt of an idempotent request. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Statuses after which a write surely did not happen: throttled before it reached ECS, or refused
 * as unavailable. A 500, 502 or 504 may come after the write was done, so those are not repeated.
 */
const RETRYABLE_WRITE_STATUSES = new Set([429, 503]);

export function isRetryableWriteStatus(status: number): boolean {
  return RETRYABLE_WRITE_STATUSES.has(status);
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

/** Delay before attempt `failedAttempt + 1`. */
export function retryDelayMs(
  failedAttempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (failedAttempt - 1));
  return Math.floor(random() * ceiling);
}

/** Waits, unless `signal` aborts first (then rejects with a cancelled EcsError). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function cancelledError(): EcsError {
  return new EcsError('cancelled', 'The request was cancelled.');
}

const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);

/** Connection resets and refusals are worth another attempt; DNS and certificate failures are not. */
export function isRetryableNetworkError(error: EcsError): boolean {
  return error.kind === 'network' && error.code !== undefined && RETRYABLE_NETWORK_CODES.has(error.code);
}
