/**
 * One renewal (a password token, temporary keys) shared by every caller that needs it while it is in
 * flight. Each caller waits with its own signal: one that gives up is released at once with a
 * `cancelled` error while the others keep waiting, and the request itself is aborted only when every
 * caller waiting for it has given up. A caller that comes after that starts a fresh renewal.
 */
import { cancelledError } from './retryPolicy';

interface PendingRenewal<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiting: number;
}

export class SharedRenewal<T> {
  private pending: PendingRenewal<T> | undefined;

  /** `run` does the renewal; it is cancelled through the signal it is given. */
  constructor(private readonly run: (signal: AbortSignal) => Promise<T>) {}

  /** Joins the renewal in flight, or starts one. */
  join(signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    // An abandoned renewal is still settling: whoever comes now must not inherit its cancellation.
    if (!this.pending || this.pending.controller.signal.aborted) {
      const controller = new AbortController();
      const promise = this.run(controller.signal).finally(() => {
        if (this.pending?.promise === promise) this.pending = undefined;
      });
      // Every caller may have given up; the rejection is theirs, not an unhandled one.
      promise.catch(() => undefined);
      this.pending = { promise, controller, waiting: 0 };
    }
    return waitFor(this.pending, signal);
  }
}

/**
 * One caller waiting for the shared renewal: it may give up (its signal) without failing the
 * others; the request itself is cancelled when the last one waiting gives up.
 */
function waitFor<T>(pending: PendingRenewal<T>, signal: AbortSignal | undefined): Promise<T> {
  pending.waiting++;
  return new Promise<T>((resolve, reject) => {
    let left = false;
    const leave = (): boolean => {
      if (left) return false;
      left = true;
      pending.waiting--;
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const onAbort = (): void => {
      if (!leave()) return;
      reject(cancelledError());
      if (pending.waiting === 0) pending.controller.abort();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    pending.promise.then(
      (value) => {
        if (leave()) resolve(value);
      },
      (error: unknown) => {
        if (leave()) reject(error);
      },
    );
  });
}
