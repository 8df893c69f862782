/** The terminal report of a run: one table per measurement and pass, then footprint and targets. */
import { renderTransportTable } from './transportRows';
import type { BenchResults, Outcome, PassResult } from './results';
import { BARE, CORE, SDK } from './targets';
import { formatNumber, renderTable } from './table';

function failed<T>(title: string, outcome: Outcome<T>): string | undefined {
  return outcome.ok ? undefined : `\n${title}\n  FAILED: ${outcome.error}`;
}

/** First line of an error, shortened so a table stays readable; results.json keeps the whole text. */
function brief(error: string): string {
  const line = error.trim().split('\n')[0];
  return line.length > 110 ? `${line.slice(0, 107)}…` : line;
}

function kib(bytes: number | undefined): string {
  return bytes === undefined ? '–' : `${formatNumber(bytes / 1024, 1)} KiB`;
}

function passTables(pass: PassResult): string[] {
  const tag = `[+${pass.latencyMs} ms per request]`;
  const out: string[] = [];
  const counts = pass.requestCounts;
  out.push(
    failed(`Requests per action ${tag}`, counts) ??
      renderTable(
        `Requests per action, counted at the server ${tag}`,
        ['action', 'requests', 'minimum', 'new conns', 'what the server saw'],
        (counts.ok ? counts.value : []).map((c) => [
          c.action,
          String(c.requests),
          String(c.minimum),
          String(c.connectionsOpened),
          c.breakdown,
        ]),
      ),
  );
  const overhead = pass.overhead;
  if (overhead.ok) {
    const o = overhead.value;
    const core = o.variants.find((v) => v.name === CORE)?.latency.median;
    out.push(
      renderTable(
        `Client overhead: ${o.rounds} rounds × ${o.callsPerRound} sequential reads per variant, interleaved ${tag}`,
        [
          'variant',
          'median ms',
          'p95 ms',
          'mean ms',
          'calls/s',
          'CPU µs/call',
          '÷ core median',
          'round medians ms',
        ],
        o.variants.map((v) => [
          v.name,
          v.latency.median,
          v.latency.p95,
          v.latency.mean,
          v.callsPerSecond,
          formatNumber(v.cpuMicrosPerCall, 0),
          core === undefined ? undefined : formatNumber(v.latency.median / core, 2),
          v.roundMedians.map((m) => formatNumber(m, 3)).join(' '),
        ]),
      ),
    );
    const bare = o.variants.find((v) => v.name === BARE)?.latency.median;
    const sdk = o.variants.find((v) => v.name === SDK)?.latency.median;
    const cpu = (name: string): number | undefined =>
      o.variants.find((v) => v.name === name)?.cpuMicrosPerCall;
    const [coreCpu, bareCpu, sdkCpu] = [cpu(CORE), cpu(BARE), cpu(SDK)];
    if (core !== undefined && bare !== undefined && sdk !== undefined) {
      out.push(
        `  latency: core vs bare loop ${formatNumber(core / bare, 3)}× (${formatNumber((core - bare) * 1000, 0)} µs per call); ` +
          `official SDK vs core ${formatNumber(sdk / core, 2)}×`,
      );
    }
    if (coreCpu !== undefined && bareCpu !== undefined && sdkCpu !== undefined) {
      out.push(
        `  client CPU: core vs bare loop ${formatNumber(coreCpu / bareCpu, 2)}× (${formatNumber(coreCpu - bareCpu, 0)} µs per call); ` +
          `official SDK vs core ${formatNumber(sdkCpu / coreCpu, 2)}×`,
      );
    }
  } else {
    out.push(failed(`Client overhead ${tag}`, overhead) ?? '');
  }
  const concurrency = pass.concurrency;
  out.push(
    failed(`Concurrency ${tag}`, concurrency) ??
      renderTable(
        `Concurrency: 200 reads (4 keys × 50 servers) started at once, fresh client each repetition ${tag}`,
        ['client', 'reads/s', 'median ms', 'p95 ms', 'new conns', 'requests', 'reps'],
        (concurrency.ok ? concurrency.value : []).map((c) => [
          c.name,
          c.readsPerSecond,
          c.latency.median,
          c.latency.p95,
          String(c.connectionsOpened),
          String(c.requests),
          String(c.repetitions),
        ]),
      ),
  );
  const scale = pass.scale;
  if (scale.ok) {
    const s = scale.value;
    out.push(
      renderTable(
        `Scale: ${s.servers.toLocaleString('en-US')} servers, tree page size ${s.pageSize} ${tag}`,
        ['measure', 'value'],
        [
          ['first page, cold client (median ms)', s.firstPageCold.median],
          ['first page, cold client (p95 ms)', s.firstPageCold.p95],
          ['first page, warm client (median ms)', s.firstPageWarm.median],
          [`all ${s.pages} pages of ${s.pageSize} (ms)`, s.allPagesMs],
          ['all pages at limit 1000 (ms)', s.allPagesAtMaxLimitMs],
          [
            'heap held by the loaded list',
            s.heldBytes === undefined ? 'not measured in this pass' : kib(s.heldBytes),
          ],
          ['… per server (bytes)', s.heldBytesPerServer],
        ],
      ),
    );
  } else {
    out.push(failed(`Scale ${tag}`, scale) ?? '');
  }
  return out;
}

export function renderReport(results: BenchResults): string {
  const out: string[] = [];
  const m = results.machine;
  out.push(`Machine: ${m.cpus} CPUs, ${m.cpuModel}, ${m.memory}, Node ${m.node}, ${m.platform}`);
  out.push(
    `Load average (1/5/15 min) at start ${m.loadAverageAtStart.join(' ')}, at end ${m.loadAverageAtEnd?.join(' ') ?? '?'}`,
  );
  for (const pass of results.passes) out.push(...passTables(pass));
  const f = results.footprint;
  const rows: [string, string][] = [];
  if (f.ok) {
    rows.push(['dist/extension.js (development build)', kib(f.value.devBundleBytes)]);
    rows.push([
      'production bundle loaded on activation (bundle:prod)',
      f.value.prodBundleError ? `FAILED: ${brief(f.value.prodBundleError)}` : kib(f.value.prodBundleBytes),
    ]);
    rows.push(['… gzip-compressed', kib(f.value.prodBundleGzipBytes)]);
    for (const [file, bytes] of Object.entries(f.value.lazyBundleBytes ?? {}))
      rows.push([`… not loaded on activation: dist/${file}`, kib(bytes)]);
    rows.push([
      '.vsix',
      f.value.vsixError
        ? `FAILED: ${brief(f.value.vsixError)}`
        : `${kib(f.value.vsixBytes)} (${f.value.vsixFiles?.length ?? '?'} files)`,
    ]);
  } else rows.push(['footprint', `FAILED: ${brief(f.error)}`]);
  const r = results.requireInNode;
  rows.push([
    'require(bundle) under plain Node, vscode stand-in (median ms)',
    r.ok
      ? `${formatNumber(r.value.requireMs.median)} (n=${r.value.requireMs.n})`
      : `FAILED: ${brief(r.error)}`,
  ]);
  if (r.ok && r.value.cpuMs) rows.push(['… its CPU time (median ms)', formatNumber(r.value.cpuMs.median)]);
  const a = results.activationInVsCode;
  const activation = a.ok ? a.value : undefined;
  const warm = activation?.samples?.some((f) => f.wasActiveBefore)
    ? ' (already active before: not cold!)'
    : '';
  rows.push([
    'activate() in code-server (VS Code 1.100), cold host (median ms)',
    activation?.activateMs
      ? `${formatNumber(activation.activateMs.median)} (n=${activation.activateMs.n})${warm}`
      : `not measured: ${brief(activation?.error ?? (a.ok ? '?' : a.error))}`,
  ]);
  rows.push([
    'fresh require(bundle) in the extension host (median ms)',
    activation?.requireMs ? formatNumber(activation.requireMs.median) : '–',
  ]);
  out.push(renderTable('Footprint', ['measure', 'value'], rows));
  out.push(renderTransportTable(results.transportInVsCode));
  const g = results.globMatching;
  out.push(
    failed('Find glob matching', g) ??
      renderTable(
        `Find glob matching: ${g.ok ? `${g.value.rounds} rounds × ${g.value.matchesPerRound}` : ''} matches per pattern (medians)`,
        ['pattern', 'value', 'matches', 'steps', 'µs per match', 'backtracking regex (before), ms'],
        (g.ok ? g.value.cases : []).map((c) => [
          c.pattern.length > 40 ? `${c.pattern.slice(0, 37)}… (${c.pattern.length})` : c.pattern,
          c.value.length > 24 ? `${c.value.slice(0, 12)}… (${c.value.length})` : c.value,
          c.matched ? 'yes' : 'no',
          formatNumber(c.steps, 0),
          c.microsPerMatch,
          c.regexMs === undefined ? '' : formatNumber(c.regexMs, 0),
        ]),
      ),
  );
  const b = results.bulkEdit;
  out.push(
    failed('Bulk metadata change', b) ??
      renderTable(
        `Bulk metadata change: ${b.ok ? `${formatNumber(b.value.servers)} servers, ${b.value.latencyMs} ms added, ${b.value.concurrency} at once` : ''}`,
        ['measure', 'value'],
        b.ok
          ? [
              ['servers planned (100 already hold the key)', String(b.value.planned)],
              [
                'requests: listing + merges + deletes',
                `${b.value.listing} + ${b.value.merges} + ${b.value.deletes}`,
              ],
              ['batch wall time (median ms)', formatNumber(b.value.batchMs, 0)],
              ['bare concurrent loop, same requests (median ms)', formatNumber(b.value.bareMs, 0)],
              ['batch ÷ bare loop (goal ≤ 1.2)', `${formatNumber(b.value.ratio)}×`],
              [
                '429 on 10% of writes: changed / 429s / answered twice',
                `${b.value.throttled.changed} / ${b.value.throttled.answers429} / ${b.value.throttled.duplicates}`,
              ],
              ['throttled run wall time (ms)', formatNumber(b.value.throttled.ms, 0)],
              ...b.value.goalsMissed.map((goal) => ['goal missed', goal]),
            ]
          : [],
      ),
  );
  const p = results.policyCheck;
  if (p) {
    out.push(
      failed('Check Metadata Policy', p) ??
        renderTable(
          'Check Metadata Policy (the find listing, then the policy evaluated)',
          [
            'servers',
            'rules',
            'listing requests',
            'breaking',
            'violations',
            'evaluation CPU ms (median)',
            'wall ms (median)',
          ],
          p.ok
            ? [
                [
                  formatNumber(p.value.servers, 0),
                  String(p.value.rules),
                  `${p.value.listingRequests} (min ${p.value.minimumRequests})`,
                  formatNumber(p.value.serversBreaking, 0),
                  formatNumber(p.value.violations, 0),
                  formatNumber(p.value.evaluationCpuMs.median),
                  formatNumber(p.value.evaluationMs.median),
                ],
              ]
            : [],
        ),
    );
  }
  out.push(
    renderTable(
      'Targets (issue 5)',
      ['target', 'actual', 'met'],
      results.targets.map((t) => [t.target, t.actual, t.met ? 'yes' : 'NO']),
    ),
  );
  out.push(`\nTotal bench time: ${formatNumber(results.durationSeconds, 0)} s`);
  return out.join('\n');
}
