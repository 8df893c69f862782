/**
 * One slow-down shared by every worker of a batch: when any write is throttled, new writes wait for
 * the same pause and fewer run at once; after a run of successes the batch speeds up again. So a
 * throttled cloud slows the batch instead of failing it.
 */
import { sleep } from '../core';

const FIRST_PAUSE_MS = 1_000;
const MAX_PAUSE_MS = 10_000;
/** Successes in a row that earn one more write in flight. */
const SUCCESSES_PER_STEP = 8;

export class ThrottleGate {
  private resumeAt = 0;
  private pauseMs: number;
  private successes = 0;
  private limit: number;
  private running = 0;
  /** Counts slow-downs; a throttle reported by a write started before the latest one adds nothing. */
  private slowDowns = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(
    private readonly maxInFlight: number,
    private readonly now: () => number = Date.now,
    /** The first pause after a throttle with no Retry-After; doubled on each one after it. */
    private readonly firstPauseMs = FIRST_PAUSE_MS,
  ) {
    this.limit = maxInFlight;
    this.pauseMs = firstPauseMs;
  }

  /** How many writes may run at once now. */
  get inFlightLimit(): number {
    return this.limit;
  }

  /** The slow-down count now: pass it back to `throttled` for a write started now. */
  get epoch(): number {
    return this.slowDowns;
  }

  /** Waits for a free slot and for any pause to end; call `release` after the write. */
  async acquire(signal?: AbortSignal): Promise<void> {
    while (this.running >= this.limit) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.running++;
    const wait = this.resumeAt - this.now();
    if (wait > 0) {
      try {
        await sleep(wait, signal);
      } catch (error) {
        this.release();
        throw error;
      }
    }
  }

  release(): void {
    this.running--;
    this.waiters.shift()?.();
  }

  /**
   * A write started at `epoch` was throttled. The first throttle of an episode pauses everyone (as
   * long as the cloud asked, or longer each time) and lets fewer run at once; writes that were already
   * in flight then and come back throttled too are part of the same episode and only wait it out.
   */
  throttled(epoch: number, retryAfterMs?: number): void {
    if (epoch !== this.slowDowns) return;
    this.slowDowns++;
    const pause = Math.min(MAX_PAUSE_MS, Math.max(retryAfterMs ?? 0, this.pauseMs));
    this.resumeAt = Math.max(this.resumeAt, this.now() + pause);
    this.pauseMs = Math.min(MAX_PAUSE_MS, this.pauseMs * 2);
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.successes = 0;
  }

  /** A write went through: after enough in a row, one more may run at once. */
  succeeded(): void {
    if (++this.successes < SUCCESSES_PER_STEP) return;
    this.successes = 0;
    this.pauseMs = this.firstPauseMs;
    if (this.limit < this.maxInFlight) {
      this.limit++;
      this.waiters.shift()?.();
    }
  }
}
