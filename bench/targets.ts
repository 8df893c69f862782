/** The aims of issue 5, checked against a run's figures. Missing figures count as not met. */
import type { BenchResults, PassResult, TargetCheck } from './results';
import { formatNumber } from './table';

function variantMedian(pass: PassResult | undefined, name: string): number | undefined {
  if (!pass?.overhead.ok) return undefined;
  return pass.overhead.value.variants.find((v) => v.name === name)?.latency.median;
}

export const CORE = 'core getMetadataItem (AK/SK)';
export const BARE = 'bare http loop, same signed GET';
export const SDK = 'official SDK novaShowServer (AK/SK)';

export function checkTargets(results: Omit<BenchResults, 'targets' | 'durationSeconds'>): TargetCheck[] {
  const loopback = results.passes.find((p) => p.latencyMs === 0);
  const checks: TargetCheck[] = [];
  const core = variantMedian(loopback, CORE);
  const bare = variantMedian(loopback, BARE);
  const sdk = variantMedian(loopback, SDK);
  const overhead = core !== undefined && bare !== undefined ? core / bare : undefined;
  checks.push({
    target: 'client overhead within 10% of the bare loop (median, loopback)',
    actual: overhead === undefined ? 'not measured' : `${formatNumber((overhead - 1) * 100, 1)}% slower`,
    met: overhead !== undefined && overhead <= 1.1,
  });
  const speedup = core !== undefined && sdk !== undefined ? sdk / core : undefined;
  checks.push({
    target: '≥ 2× faster than the official SDK (median, loopback)',
    actual: speedup === undefined ? 'not measured' : `${formatNumber(speedup, 2)}×`,
    met: speedup !== undefined && speedup >= 2,
  });
  const counts = loopback?.requestCounts.ok ? loopback.requestCounts.value : undefined;
  const extra = counts?.filter((c) => c.requests > c.minimum) ?? [];
  checks.push({
    target: 'one request per action (+1 token request for a fresh password client)',
    actual: !counts
      ? 'not measured'
      : extra.length === 0
        ? 'every action at its minimum'
        : extra.map((c) => `${c.action}: ${c.requests} (min ${c.minimum})`).join('; '),
    met: counts !== undefined && extra.length === 0,
  });
  const first = loopback?.scale.ok ? loopback.scale.value.firstPageCold.median : undefined;
  checks.push({
    target: 'first page of a 10,000-server tree < 100 ms (loopback, cold client)',
    actual: first === undefined ? 'not measured' : `${formatNumber(first)} ms`,
    met: first !== undefined && first < 100,
  });
  const policy = results.policyCheck?.ok ? results.policyCheck.value : undefined;
  checks.push({
    target: 'policy check: 10,000 servers × 10 rules in ⌈N/1000⌉ listing requests and ≤ 50 ms of evaluation',
    actual: policy
      ? `${policy.listingRequests} requests (min ${policy.minimumRequests}), ${formatNumber(policy.evaluationCpuMs.median)} ms CPU`
      : 'not measured',
    met:
      policy !== undefined &&
      policy.listingRequests === policy.minimumRequests &&
      policy.evaluationCpuMs.median <= 50,
  });
  return checks;
}
