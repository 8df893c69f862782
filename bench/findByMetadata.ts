/**
 * `npm run bench:find`: Find Servers by Metadata over 10,000 servers with metadata on the local
 * ECS-compatible server (in a child process). Measures the time to the first match and to all
 * matches, the requests made, and the heap the result holds; compares with listing every page alone
 * (the same detail pages at 1,000, metadata inline, nothing matched). Goal: all matches within 2× of
 * that listing, in at most 11 requests. Runs with no added latency and with 20 ms per request.
 */
import { destroyAgents, serverPages, type EcsClient } from '../src/core';
import { findServers } from '../src/find/query/findServers';
import { parseQuery } from '../src/find/query/parseQuery';
import { nowMs } from './clock';
import { freshCoreClient } from './coreClients';
import { startRemoteEcsServer, type RemoteEcsServer } from './remoteEcsServer';
import { collectGarbage } from './scale';
import { median } from './stats';

const SERVERS = 10_000;
/** One server in this many is production: 100 matches spread over every page. */
const EVERY = 100;
const quick = process.env.ECS_BENCH_QUICK === '1';
const REPETITIONS = quick ? 2 : 7;

interface FindFigures {
  latencyMs: number;
  listAllMs: number;
  firstMatchMs: number;
  allMatchesMs: number;
  matches: number;
  requests: number;
  heapHeldBytes: number | undefined;
  ratio: number;
}

async function prepare(server: RemoteEcsServer): Promise<number> {
  await server.addServers(SERVERS, 'find');
  const ids: string[] = [];
  for await (const page of serverPages(freshCoreClient(server))) ids.push(...page.servers.map((s) => s.id));
  const production = ids.filter((_, i) => i % EVERY === EVERY - 1);
  await server.setMetadata(production.map((id): [string, string, string] => [id, 'env', 'production']));
  return production.length + 3; // the sample seed's own production servers
}

async function listEveryPage(client: EcsClient): Promise<number> {
  let servers = 0;
  for await (const page of serverPages(client, { withMetadata: true })) servers += page.servers.length;
  return servers;
}

async function measure(server: RemoteEcsServer, latencyMs: number, expected: number): Promise<FindFigures> {
  await server.setFaults({ latencyMs });
  const query = parseQuery('env=production');
  const client = (): EcsClient => {
    destroyAgents();
    return freshCoreClient(server, 'token');
  };
  // Warm-up of both paths (JIT, sockets).
  await listEveryPage(client());
  await findServers(client(), query);
  const listAll: number[] = [];
  const first: number[] = [];
  const all: number[] = [];
  let requests = 0;
  for (let i = 0; i < REPETITIONS; i++) {
    // Alternate the order so drift hits both alike.
    const order = i % 2 === 0 ? ['list', 'find'] : ['find', 'list'];
    for (const step of order) {
      const c = client();
      if (step === 'list') {
        const start = nowMs();
        await listEveryPage(c);
        listAll.push(nowMs() - start);
        continue;
      }
      await server.clearRequests();
      const start = nowMs();
      let firstAt: number | undefined;
      const result = await findServers(c, query, {
        onPage: (found) => {
          if (firstAt === undefined && found.length > 0) firstAt = nowMs() - start;
        },
      });
      all.push(nowMs() - start);
      first.push(firstAt ?? Number.NaN);
      if (result.matches.length !== expected)
        throw new Error(`find: ${result.matches.length} matches, expected ${expected}`);
      requests = (await server.requests()).filter((r) => r.path.endsWith('/servers/detail')).length;
    }
  }
  const heapHeldBytes = await heapHeldByResult(client(), query);
  const listAllMs = median(listAll);
  const allMatchesMs = median(all);
  return {
    latencyMs,
    listAllMs,
    firstMatchMs: median(first),
    allMatchesMs,
    matches: expected,
    requests,
    heapHeldBytes,
    ratio: allMatchesMs / listAllMs,
  };
}

/** heapUsed with the result held, less heapUsed before the find, across full GCs; median of 3. */
async function heapHeldByResult(
  client: EcsClient,
  query: ReturnType<typeof parseQuery>,
): Promise<number | undefined> {
  const deltas: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (!(await collectGarbage())) return undefined;
    const before = process.memoryUsage().heapUsed;
    const result = await findServers(client, query);
    await collectGarbage();
    deltas.push(process.memoryUsage().heapUsed - before);
    if (result.matches.length === 0) throw new Error('find: no matches');
  }
  return median(deltas);
}

function report(rows: FindFigures[]): string {
  // A delta below zero is the collector's noise around a result of a few tens of KiB.
  const kib = (b: number | undefined): string =>
    b === undefined ? 'n/a' : b <= 0 ? '≈ 0 (below GC noise)' : `${Math.round(b / 1024)} KiB`;
  const lines = [
    `Find Servers by Metadata: ${SERVERS.toLocaleString('en')} servers with metadata, query env=production`,
    '',
    '| added latency | list every page | first match | all matches | all ÷ list | requests | matches | heap held |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.latencyMs} ms | ${r.listAllMs.toFixed(1)} ms | ${r.firstMatchMs.toFixed(1)} ms | ${r.allMatchesMs.toFixed(1)} ms | ${r.ratio.toFixed(2)}× | ${r.requests} | ${r.matches} | ${kib(r.heapHeldBytes)} |`,
    ),
  ];
  return lines.join('\n');
}

async function main(): Promise<number> {
  const server = await startRemoteEcsServer();
  try {
    const expected = await prepare(server);
    const rows = [];
    for (const latency of [0, 20]) rows.push(await measure(server, latency, expected));
    console.log(report(rows));
    const failed = rows.filter((r) => r.ratio > 2 || r.requests > 11);
    for (const r of failed) {
      console.error(
        `goal missed at ${r.latencyMs} ms: ${r.ratio.toFixed(2)}× the listing, ${r.requests} requests`,
      );
    }
    return failed.length === 0 ? 0 : 1;
  } finally {
    destroyAgents();
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
