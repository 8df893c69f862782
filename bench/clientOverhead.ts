/**
 * What the client itself costs per call: sequential reads of one key through the core, through a bare
 * keep-alive loop doing the same signed GET, and through the official SDK doing its closest GET.
 * Every variant is warmed up first, then runs in rounds whose order rotates, so drift over time
 * (JIT, GC, CPU frequency, the server's growing request log) is spread evenly over all of them.
 */
import { nowMs } from './clock';
import { median, summarize, type Summary } from './stats';

export interface Variant {
  name: string;
  /** One complete read; must throw on a wrong answer so a broken variant cannot look fast. */
  call: () => Promise<unknown>;
}

export interface VariantResult {
  name: string;
  /** Per-call latency in ms over all rounds. */
  latency: Summary;
  /** Median per-call latency of each round, in run order, to show how stable the figure is. */
  roundMedians: number[];
  callsPerSecond: number;
  /**
   * CPU time of this process per call, µs. The server runs in another process, so this is the client's
   * own work alone — the figure latency on loopback hides behind the server's time.
   */
  cpuMicrosPerCall: number;
}

export interface OverheadPlan {
  warmupCalls: number;
  callsPerRound: number;
  rounds: number;
}

export interface OverheadResult extends OverheadPlan {
  variants: VariantResult[];
}

async function runSequential(variant: Variant, calls: number, into: number[]): Promise<void> {
  for (let i = 0; i < calls; i++) {
    const start = nowMs();
    await variant.call();
    into.push(nowMs() - start);
  }
}

export async function measureClientOverhead(
  variants: readonly Variant[],
  plan: OverheadPlan,
): Promise<OverheadResult> {
  for (const variant of variants) await runSequential(variant, plan.warmupCalls, []);
  const samples = variants.map(() => [] as number[]);
  const roundMedians = variants.map(() => [] as number[]);
  const busyMs = variants.map(() => 0);
  const cpuMicros = variants.map(() => 0);
  for (let round = 0; round < plan.rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const index = (round + k) % variants.length;
      const roundSamples: number[] = [];
      const start = nowMs();
      const cpuStart = process.cpuUsage();
      await runSequential(variants[index], plan.callsPerRound, roundSamples);
      const cpu = process.cpuUsage(cpuStart);
      cpuMicros[index] += cpu.user + cpu.system;
      busyMs[index] += nowMs() - start;
      samples[index].push(...roundSamples);
      roundMedians[index].push(median(roundSamples));
    }
  }
  return {
    ...plan,
    variants: variants.map((variant, i) => ({
      name: variant.name,
      latency: summarize(samples[i]),
      roundMedians: roundMedians[i],
      callsPerSecond: (samples[i].length / busyMs[i]) * 1000,
      cpuMicrosPerCall: cpuMicros[i] / samples[i].length,
    })),
  };
}
