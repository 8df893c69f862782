/**
 * A gate per origin in front of its keep-alive agent: at most MAX_SOCKETS_PER_ORIGIN exchanges with
 * one origin at a time; the others wait here, first come first served, where their wait can be
 * aborted and counts against their time limit. So no request ever waits in the agent's own queue,
 * where node-fetch misreads the chunked answer of a handed-over socket as cut off (node-fetch #1767)
 * and where node-fetch's timer would not have started yet.
 */
import { MAX_SOCKETS_PER_ORIGIN } from './agentPool';

interface Waiter {
  admit(): void;
}

export class OriginGate {
  private active = 0;
  private readonly waiting = new Set<Waiter>();

  constructor(private readonly limit: number) {}

  /** Exchanges under way, for tests. */
  get inside(): number {
    return this.active;
  }

  /** Resolves to the function that lets the next one in; rejects with `signal.reason` if it aborts first. */
  enter(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.exit());
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.waiting.delete(waiter);
        reject(signal.reason);
      };
      const waiter: Waiter = {
        admit: () => {
          signal.removeEventListener('abort', onAbort);
          resolve(this.exit());
        },
      };
      this.waiting.add(waiter);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private exit(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      // A Set iterates in insertion order: the longest waiter goes next, and keeps the slot.
      const next = this.waiting.values().next();
      if (next.done) {
        this.active--;
        return;
      }
      this.waiting.delete(next.value);
      next.value.admit();
    };
  }
}

const gates = new Map<string, OriginGate>();

export function gateFor(url: URL): OriginGate {
  let gate = gates.get(url.origin);
  if (!gate) {
    gate = new OriginGate(MAX_SOCKETS_PER_ORIGIN);
    gates.set(url.origin, gate);
  }
  return gate;
}
