/**
 * `npm run bench:bulk`: a bulk metadata change over 1,000 servers on the local ECS-compatible server
 * (in a child process, 20 ms added before every answer). One key set on 900 of them (100 already hold
 * it) and one key removed from the 250 that have it. Measures the requests (the find listing, one merge
 * per server to set, one DELETE per removed key held) and the wall time of the writes next to a bare
 * concurrent loop of the same requests at the same concurrency (goal ≤ 1.2×); then the same change with
 * 429 + Retry-After on 10% of the writes: every server must end `changed`, no write answered twice.
 * `npm run bench` runs the same measurement (measureBulkEdit) and keeps its rows in results.json.
 */
import { destroyAgents, type EcsClient } from '../src/core';
import { planBulk, type BulkTarget, type ServerPlan } from '../src/bulk/bulkPlan';
import { countOutcomes, runBulk } from '../src/bulk/bulkRun';
import { BULK_CONCURRENCY } from '../src/bulk/bulkConcurrency';
import { findServers } from '../src/find/query/findServers';
import { parseQuery } from '../src/find/query/parseQuery';
import { nowMs } from './clock';
import { freshCoreClient } from './coreClients';
import { startRemoteEcsServer, type RemoteEcsServer } from './remoteEcsServer';
import { median } from './stats';

const SERVERS = 1_000;
const ALREADY = 100;
/** Every fourth server holds the key to remove. */
const REMOVE_EVERY = 4;
const LATENCY_MS = 20;
const quick = process.env.ECS_BENCH_QUICK === '1';
const REPETITIONS = quick ? 1 : 3;
const QUERY = parseQuery('@name=bulk-*');

/** The bulk servers' ids, in listing order. */
async function bulkServerIds(server: RemoteEcsServer): Promise<string[]> {
  const client = freshCoreClient(server, 'token');
  const { matches } = await findServers(client, QUERY);
  return matches.map((m) => m.id);
}

/** Fresh keys for one repetition: `owner.rN` on the first 100, `scratch.rN` on every fourth. */
async function prepareRound(
  server: RemoteEcsServer,
  ids: string[],
  round: number,
): Promise<{ set: string; remove: string }> {
  const set = `owner.r${round}`;
  const remove = `scratch.r${round}`;
  await server.setMetadata([
    ...ids.slice(0, ALREADY).map((id): [string, string, string] => [id, set, 'team-bulk']),
    ...ids.filter((_, i) => i % REMOVE_EVERY === 0).map((id): [string, string, string] => [id, remove, '1']),
  ]);
  return { set, remove };
}

async function plan(client: EcsClient, keys: { set: string; remove: string }): Promise<ServerPlan[]> {
  const { matches } = await findServers(client, QUERY);
  const targets: BulkTarget[] = matches.map((m) => ({
    profile: 'bench',
    serverId: m.id,
    name: m.name,
    metadata: m.metadata,
  }));
  return planBulk(targets, { set: { [keys.set]: 'team-bulk' }, remove: [keys.remove] }).changes;
}

/** The floor: the same requests from a plain pool of workers, no plan, gate or outcomes. */
async function bareLoop(client: EcsClient, plans: readonly ServerPlan[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let p = plans[next++]; p !== undefined; p = plans[next++]) {
      if (Object.keys(p.set).length > 0) await client.updateMetadata(p.serverId, p.set);
      for (const key of p.remove) await client.deleteMetadataItem(p.serverId, key);
    }
  };
  await Promise.all(Array.from({ length: BULK_CONCURRENCY }, worker));
}

interface Figures {
  batchMs: number;
  bareMs: number;
  listing: number;
  merges: number;
  deletes: number;
  planned: number;
}

async function measure(server: RemoteEcsServer, ids: string[]): Promise<Figures> {
  const batch: number[] = [];
  const bare: number[] = [];
  let counts = { listing: 0, merges: 0, deletes: 0, planned: 0 };
  let round = 0;
  for (let i = 0; i < REPETITIONS; i++) {
    for (const variant of i % 2 === 0 ? ['batch', 'bare'] : ['bare', 'batch']) {
      const keys = await prepareRound(server, ids, ++round);
      destroyAgents();
      const client = freshCoreClient(server, 'token');
      await server.clearRequests();
      const plans = await plan(client, keys);
      const start = nowMs();
      if (variant === 'bare') {
        await bareLoop(client, plans);
        bare.push(nowMs() - start);
        continue;
      }
      const run = await runBulk(plans, () => client, { concurrency: BULK_CONCURRENCY });
      batch.push(nowMs() - start);
      const c = countOutcomes(run.results);
      if (c.changed !== plans.length) throw new Error(`bulk: ${JSON.stringify(c)}`);
      const requests = await server.requests();
      counts = {
        listing: requests.filter((r) => r.path.endsWith('/servers/detail')).length,
        merges: requests.filter((r) => r.method === 'POST').length,
        deletes: requests.filter((r) => r.method === 'DELETE').length,
        planned: plans.length,
      };
    }
  }
  return { batchMs: median(batch), bareMs: median(bare), ...counts };
}

/** 429 with Retry-After on 10% of the writes: all end changed; no server's write answered 200 twice. */
async function throttled(
  server: RemoteEcsServer,
  ids: string[],
): Promise<{ changed: number; duplicates: number; throttled: number; ms: number }> {
  const keys = await prepareRound(server, ids, 1_000);
  destroyAgents();
  const client = freshCoreClient(server, 'token');
  const plans = await plan(client, keys);
  await server.clearRequests();
  const writes = plans.length + plans.filter((p) => p.remove.length > 0).length;
  await server.setFaults({ throttle: { count: Math.round(writes / 10), every: 10, retryAfterSeconds: 1 } });
  const start = nowMs();
  const run = await runBulk(plans, () => client, { concurrency: BULK_CONCURRENCY });
  const ms = nowMs() - start;
  const requests = await server.requests();
  const answered = new Map<string, number>();
  for (const r of requests.filter((x) => x.method !== 'GET' && x.status < 300)) {
    const k = `${r.method} ${r.path}`;
    answered.set(k, (answered.get(k) ?? 0) + 1);
  }
  await server.resetFaults();
  await server.setFaults({ latencyMs: LATENCY_MS });
  return {
    changed: countOutcomes(run.results).changed,
    duplicates: [...answered.values()].filter((n) => n > 1).length,
    throttled: requests.filter((r) => r.status === 429).length,
    ms,
  };
}

/** What results.json keeps of a bulk change, with the goals it missed (none when all were met). */
export interface BulkEditResult {
  servers: number;
  latencyMs: number;
  concurrency: number;
  planned: number;
  listing: number;
  merges: number;
  deletes: number;
  batchMs: number;
  bareMs: number;
  /** Batch wall time ÷ the bare loop's (goal ≤ 1.2). */
  ratio: number;
  throttled: { answers429: number; changed: number; duplicates: number; ms: number };
  goalsMissed: string[];
}

/** The whole measurement on a fresh local server in its child process. */
export async function measureBulkEdit(): Promise<BulkEditResult> {
  const server = await startRemoteEcsServer();
  try {
    await server.addServers(SERVERS, 'bulk');
    const ids = await bulkServerIds(server);
    if (ids.length !== SERVERS) throw new Error(`bulk: ${ids.length} servers listed`);
    await server.setFaults({ latencyMs: LATENCY_MS });
    const f = await measure(server, ids);
    const t = await throttled(server, ids);
    const ratio = f.batchMs / f.bareMs;
    const expectedMerges = SERVERS - ALREADY;
    const expectedDeletes = SERVERS / REMOVE_EVERY;
    const goalsMissed = [
      ...(f.merges !== expectedMerges ? [`${f.merges} merges, expected ${expectedMerges}`] : []),
      ...(f.deletes !== expectedDeletes ? [`${f.deletes} deletes, expected ${expectedDeletes}`] : []),
      ...(ratio > 1.2 ? [`batch ${ratio.toFixed(2)}× the bare loop (goal ≤ 1.2×)`] : []),
      ...(t.changed !== f.planned || t.duplicates > 0
        ? ['throttled run: not every server changed once']
        : []),
    ];
    return {
      servers: SERVERS,
      latencyMs: LATENCY_MS,
      concurrency: BULK_CONCURRENCY,
      ...f,
      ratio,
      throttled: { answers429: t.throttled, changed: t.changed, duplicates: t.duplicates, ms: t.ms },
      goalsMissed,
    };
  } finally {
    destroyAgents();
    await server.close();
  }
}

/** The table `npm run bench:bulk` prints and `npm run bench` adds to its report. */
export function renderBulkEdit(r: BulkEditResult): string {
  return [
    `Bulk metadata change: ${r.servers.toLocaleString('en')} servers, ${r.latencyMs} ms added latency, ${r.concurrency} at once`,
    '',
    '| servers planned | listing | merges | deletes | batch | bare loop | batch ÷ bare |',
    '|---|---|---|---|---|---|---|',
    `| ${r.planned} | ${r.listing} | ${r.merges} | ${r.deletes} | ${r.batchMs.toFixed(0)} ms | ${r.bareMs.toFixed(0)} ms | ${r.ratio.toFixed(2)}× |`,
    '',
    `With 429 + Retry-After on 10% of writes: ${r.throttled.answers429} throttled answers, ${r.throttled.changed} of ${r.planned} changed, ${r.throttled.duplicates} writes answered twice, ${r.throttled.ms.toFixed(0)} ms.`,
    ...r.goalsMissed.map((p) => `goal missed: ${p}`),
  ].join('\n');
}

async function main(): Promise<number> {
  const result = await measureBulkEdit();
  console.log(renderBulkEdit(result));
  return result.goalsMissed.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
