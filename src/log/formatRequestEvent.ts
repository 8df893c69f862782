import type { RequestEvent } from '../core';

/**
 * One log line per HTTP attempt: method, path, status, duration, request id. The event carries no
 * header values, bodies or queries; the path holds ids and a key name but never a value.
 */
export function formatRequestEvent(event: RequestEvent): string {
  const outcome = event.status !== undefined ? String(event.status) : (event.error ?? 'failed');
  const parts = [`${event.method} ${event.path}`, outcome, `${Math.round(event.durationMs)} ms`];
  if (event.requestId) parts.push(`request id ${event.requestId}`);
  if (event.attempt > 1) parts.push(`attempt ${event.attempt}`);
  if (event.retryInMs !== undefined) parts.push(`retry in ${Math.round(event.retryInMs)} ms`);
  return parts.join(' · ');
}
