/**
 * AbortControllers handed out again once their exchange is over. Node 20 makes a fresh AbortSignal
 * expensive: creating one and giving it its first listener (node-fetch adds one per request) costs
 * about 20–30 µs, which was most of the gap between the gated transport and the ungated one before
 * it (bench/README.md, "Transport choices"). A signal that never aborted and has no listener left is
 * as good as new, so it is reused; an aborted one, or one some listener still holds, never is.
 */
import { getEventListeners } from 'node:events';

/** Enough for every exchange the gates let through at once, several origins over. */
const MAX_POOLED = 64;

const idle: AbortController[] = [];

/** A controller whose signal has not aborted and has no listener. */
export function takeAbortController(): AbortController {
  return idle.pop() ?? new AbortController();
}

/** Gives a controller back when its exchange is over; kept only if it is as good as new. */
export function returnAbortController(controller: AbortController): void {
  if (idle.length >= MAX_POOLED || controller.signal.aborted) return;
  if (getEventListeners(controller.signal, 'abort').length > 0) return;
  idle.push(controller);
}

/** Controllers waiting to be reused, for tests. */
export function pooledAbortControllers(): number {
  return idle.length;
}
