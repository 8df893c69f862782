/** The shape of `bench/results.json`: one pass per added latency, then what does not depend on it. */
import type { ActivationResult } from './activationInCodeServer';
import type { BulkEditResult } from './bulkEdit';
import type { OverheadResult } from './clientOverhead';
import type { ConcurrencyResult } from './concurrency';
import type { FootprintFigures } from './footprint';
import type { GlobMatchingResult } from './globMatching';
import type { MachineInfo } from './machine';
import type { PolicyCheckResult } from './policyCheck';
import type { ActionCount } from './requestCounts';
import type { RequireResult } from './requireInNode';
import type { ScaleResult } from './scale';
import type { TransportResult } from './transportRows';

/** A section that failed keeps its place in the results with the reason. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface PassResult {
  latencyMs: number;
  requestCounts: Outcome<ActionCount[]>;
  overhead: Outcome<OverheadResult>;
  concurrency: Outcome<ConcurrencyResult[]>;
  scale: Outcome<ScaleResult>;
}

export interface TargetCheck {
  target: string;
  actual: string;
  met: boolean;
}

export interface BenchResults {
  machine: MachineInfo;
  treePageSize: { pageSize: number; source: string };
  passes: PassResult[];
  footprint: Outcome<FootprintFigures>;
  requireInNode: Outcome<RequireResult>;
  activationInVsCode: Outcome<ActivationResult>;
  /** Issue 23: 10 reads and a find inside VS Code beside the plain-Node core (absent in older results). */
  transportInVsCode?: Outcome<TransportResult>;
  globMatching: Outcome<GlobMatchingResult>;
  /** `npm run bench:bulk`'s measurement: 1,000 servers at 20 ms, and the throttled run. */
  bulkEdit: Outcome<BulkEditResult>;
  /** Check Metadata Policy: 10,000 servers × a 10-rule policy (absent in results written before it). */
  policyCheck?: Outcome<PolicyCheckResult>;
  targets: TargetCheck[];
  durationSeconds: number;
}

export async function outcome<T>(name: string, work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    console.error(`bench: ${name} failed: ${error}`);
    return { ok: false, error };
  }
}
