/** Delivery of RequestEvents to the caller's listener; a failing listener never fails a request. */
import type { RequestEvent } from './types';

export type RequestListener = ((event: RequestEvent) => void) | undefined;

export function emitRequestEvent(listener: RequestListener, event: RequestEvent): void {
  if (!listener) return;
  try {
    listener(event);
  } catch {
    // Logging must not change the outcome of a call.
  }
}
