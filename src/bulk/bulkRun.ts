/**
 * Carries out a bulk plan at the request floor: one merge `POST` per server with keys to set, one
 * `DELETE` per removed key it holds, never the replace-all `PUT`. Several servers at once (bounded by a
 * shared gate that slows down on throttling); one server failing never stops the others. Each server
 * ends in exactly one outcome; when an answer was lost after the request was sent, the server is read
 * back before reporting, so `unknown` remains only when that read fails too. Cancel stops servers not
 * yet started (`notStarted`); the ones in flight finish. Pure: no `vscode`.
 */
import { EcsError, type EcsErrorKind } from '../core';
import { holdsPlan, type ServerPlan } from './bulkPlan';
import { ThrottleGate } from './throttleGate';

export type BulkOutcome = 'changed' | 'unchanged' | 'failed' | 'unknown' | 'notStarted';

/** The calls a batch makes on one server's client: a subset of `EcsClient`. */
export interface BulkWriter {
  updateMetadata(
    serverId: string,
    metadata: Record<string, string>,
    opts?: { signal?: AbortSignal },
  ): Promise<Record<string, string>>;
  deleteMetadataItem(serverId: string, key: string, opts?: { signal?: AbortSignal }): Promise<unknown>;
  listMetadata(serverId: string, opts?: { signal?: AbortSignal }): Promise<Record<string, string>>;
}

export interface ServerResult {
  plan: ServerPlan;
  outcome: BulkOutcome;
  /** For `failed` and `unknown`: what went wrong, and the error itself (for words in the person's language). */
  kind?: EcsErrorKind;
  error?: EcsError;
  message?: string;
  /** For `failed`: the server's task state when the cloud named it (a 409). */
  taskState?: string;
  /** Whether the outcome was settled by reading the server back after a lost answer. */
  verified?: boolean;
}

export interface BulkRunOptions {
  /** Most servers written at once (the transport's per-origin limit); default 6. */
  concurrency?: number;
  /** Stops starting servers; those in flight finish. */
  signal?: AbortSignal;
  /** After each server's outcome, in the order they end. */
  onResult?: (result: ServerResult, done: number, total: number) => void;
  /** Throttled rounds one server may take before it is `failed` as throttled; default 10. */
  maxThrottledRounds?: number;
  /** Tests only. */
  gate?: ThrottleGate;
}

export interface BulkRunResult {
  results: ServerResult[];
  /** True when Cancel left servers not started. */
  cancelled: boolean;
}

/** Kinds after which the request may have reached the server and been carried out. */
const ANSWER_MAY_BE_LOST: ReadonlySet<EcsErrorKind> = new Set([
  'network',
  'timeout',
  'server',
  'badResponse',
]);

export async function runBulk(
  plans: readonly ServerPlan[],
  writerFor: (plan: ServerPlan) => BulkWriter | Promise<BulkWriter>,
  options: BulkRunOptions = {},
): Promise<BulkRunResult> {
  const concurrency = Math.max(1, options.concurrency ?? 6);
  const gate = options.gate ?? new ThrottleGate(concurrency);
  const maxRounds = options.maxThrottledRounds ?? 10;
  const results: ServerResult[] = new Array<ServerResult>(plans.length);
  let next = 0;
  let done = 0;
  let cancelled = false;

  const finish = (index: number, result: ServerResult): void => {
    results[index] = result;
    done++;
    options.onResult?.(result, done, plans.length);
  };

  async function one(plan: ServerPlan): Promise<ServerResult> {
    let writer: BulkWriter;
    try {
      writer = await writerFor(plan);
    } catch (error) {
      return failed(plan, error);
    }
    for (let round = 1; ; round++) {
      try {
        await gate.acquire(options.signal);
      } catch {
        // Cancelled while the batch was paused: this server's write was never sent.
        return { plan, outcome: 'notStarted' };
      }
      const epoch = gate.epoch;
      try {
        await write(writer, plan);
        gate.succeeded();
        return { plan, outcome: 'changed' };
      } catch (error) {
        const e = asEcsError(error);
        // A 429 means the write did not happen: pause everyone, then this server again.
        if (e.kind === 'throttled') gate.throttled(epoch);
        if (e.kind === 'throttled' && round < maxRounds) continue;
        if (!ANSWER_MAY_BE_LOST.has(e.kind)) return failed(plan, e);
        return verify(writer, plan, e);
      } finally {
        gate.release();
      }
    }
  }

  async function worker(): Promise<void> {
    for (;;) {
      if (options.signal?.aborted) {
        cancelled = cancelled || next < plans.length;
        return;
      }
      const index = next++;
      const plan = plans[index];
      if (plan === undefined) return;
      const result = await one(plan);
      if (result.outcome === 'notStarted') cancelled = true;
      finish(index, result);
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, plans.length) }, () => worker()));
  for (let i = 0; i < plans.length; i++) {
    if (results[i] === undefined) {
      results[i] = { plan: plans[i] as ServerPlan, outcome: 'notStarted' };
    }
  }
  return { results, cancelled };
}

/** One server's requests: the merge, then each delete. A key already gone counts as removed. */
async function write(writer: BulkWriter, plan: ServerPlan): Promise<void> {
  if (Object.keys(plan.set).length > 0) await writer.updateMetadata(plan.serverId, plan.set);
  for (const key of plan.remove) {
    try {
      await writer.deleteMetadataItem(plan.serverId, key);
    } catch (error) {
      if (!(error instanceof EcsError && error.kind === 'keyNotFound')) throw error;
    }
  }
}

/** After a lost answer: read the server back; it holds the plan (changed) or not (failed), or the read fails (unknown). */
async function verify(writer: BulkWriter, plan: ServerPlan, lost: EcsError): Promise<ServerResult> {
  let metadata: Record<string, string>;
  try {
    metadata = await writer.listMetadata(plan.serverId);
  } catch {
    return { plan, outcome: 'unknown', kind: lost.kind, message: lost.message, error: lost };
  }
  if (holdsPlan(metadata, plan)) return { plan, outcome: 'changed', verified: true };
  return { ...failed(plan, lost), verified: true };
}

function failed(plan: ServerPlan, error: unknown): ServerResult {
  const e = asEcsError(error);
  return {
    plan,
    outcome: 'failed',
    kind: e.kind,
    message: e.message,
    error: e,
    ...(e.kind === 'conflict' && e.taskState !== undefined ? { taskState: e.taskState } : {}),
  };
}

function asEcsError(error: unknown): EcsError {
  if (error instanceof EcsError) return error;
  return new EcsError('badResponse', error instanceof Error ? error.message : String(error));
}

/** "changed 997 · unchanged 2 · failed 1" counts, for summaries. */
export function countOutcomes(
  results: readonly Pick<ServerResult, 'outcome'>[],
): Record<BulkOutcome, number> {
  const counts: Record<BulkOutcome, number> = {
    changed: 0,
    unchanged: 0,
    failed: 0,
    unknown: 0,
    notStarted: 0,
  };
  for (const r of results) counts[r.outcome]++;
  return counts;
}
