/**
 * `node out/bench/transportChoices.js` (after `npm run build`): the measurements behind the
 * transport's settings (issue 8), against the local ECS server in a child process, interleaved:
 * - the gate's cost: 200 concurrent reads through the core, on plain and on chunked + gzip answers;
 *   with `ECS_BENCH_BASE_CORE=<folder of an older core's compiled index.js>` the older core runs in
 *   the same bursts, so the two are compared in one run;
 * - `fifo` vs `lifo`: the same burst, plain and over connections the server drops after each answer
 *   (requests beyond 200 are resends of requests that crossed a close);
 * - gzip: `servers/detail` at limit 1000 with and without gzip offered: time and bytes on the wire.
 * Prints tables; the numbers go into bench/README.md by hand.
 */
import * as http from 'node:http';
import * as path from 'node:path';
import * as core from '../src/core';
import { setSchedulingForBenchmarks, type Scheduling } from '../src/core/agentPool';
import { setGzipForBenchmarks } from '../src/core/httpTransport';
import { nowMs } from './clock';
import { authFor } from './coreClients';
import { prepareFixture, type BenchFixture } from './fixture';
import { startRemoteEcsServer, type RemoteEcsServer } from './remoteEcsServer';
import { median } from './stats';
import { renderTable, type Cell } from './table';

const REPS = Number(process.env.ECS_BENCH_REPS ?? 7);

type CoreModule = Pick<typeof core, 'createEcsClient' | 'destroyAgents'>;

interface Burst {
  readsPerSecond: number;
  failed: number;
  requests: number;
}

async function burst(server: RemoteEcsServer, fixture: BenchFixture, module: CoreModule): Promise<Burst> {
  module.destroyAgents();
  const client = module.createEcsClient({
    endpoint: server.url,
    projectId: server.projectId,
    auth: authFor(server, 'aksk'),
  });
  await server.clearRequests();
  const pairs = fixture.serverIds.flatMap((id) => fixture.keys.map((key) => [id, key] as const));
  const start = nowMs();
  const outcomes = await Promise.allSettled(pairs.map(([id, key]) => client.getMetadataItem(id, key)));
  const elapsed = nowMs() - start;
  const requests = (await server.requests()).length;
  module.destroyAgents();
  return {
    readsPerSecond: (pairs.length / elapsed) * 1000,
    failed: outcomes.filter((o) => o.status === 'rejected').length,
    requests,
  };
}

/** Median of each figure over the repetitions of one row. */
function row(name: string, bursts: Burst[]): Cell[] {
  return [
    name,
    median(bursts.map((b) => b.readsPerSecond)),
    median(bursts.map((b) => b.failed)),
    Math.max(...bursts.map((b) => b.failed)),
    median(bursts.map((b) => b.requests)),
  ];
}

async function compareCores(server: RemoteEcsServer, fixture: BenchFixture): Promise<string> {
  const variants: { name: string; module: CoreModule }[] = [{ name: 'core (this branch)', module: core }];
  const base = process.env.ECS_BENCH_BASE_CORE;
  if (base) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    variants.push({ name: 'core (base commit)', module: require(path.resolve(base)) as CoreModule });
  }
  const shapes = [
    { name: 'plain', faults: { chunked: false, gzip: false } },
    { name: 'chunked + gzip', faults: { chunked: true, gzip: true } },
  ];
  const results = new Map<string, Burst[]>();
  for (let rep = 0; rep < REPS; rep++) {
    for (const shape of shapes) {
      await server.setFaults(shape.faults);
      for (const variant of rep % 2 === 0 ? variants : [...variants].reverse()) {
        const key = `${variant.name}, ${shape.name}`;
        results.set(key, [...(results.get(key) ?? []), await burst(server, fixture, variant.module)]);
      }
    }
  }
  await server.setFaults({ chunked: false, gzip: false });
  return renderTable(
    `200 concurrent reads, fresh client each, ${REPS} interleaved repetitions (medians)`,
    ['client, answers', 'reads/s', 'failed', 'failed (max)', 'requests'],
    [...results].map(([name, bursts]) => row(name, bursts)),
  );
}

async function compareScheduling(server: RemoteEcsServer, fixture: BenchFixture): Promise<string> {
  const results = new Map<string, Burst[]>();
  for (let rep = 0; rep < REPS; rep++) {
    for (const drop of [false, true]) {
      await server.setFaults({ dropConnections: drop });
      const order: Scheduling[] = rep % 2 === 0 ? ['fifo', 'lifo'] : ['lifo', 'fifo'];
      for (const scheduling of order) {
        setSchedulingForBenchmarks(scheduling);
        const key = `${scheduling}, ${drop ? 'connections dropped after each answer' : 'plain'}`;
        results.set(key, [...(results.get(key) ?? []), await burst(server, fixture, core)]);
      }
    }
  }
  await server.setFaults({ dropConnections: false });
  setSchedulingForBenchmarks('fifo');
  return renderTable(
    `Scheduling: 200 concurrent reads through the core, ${REPS} interleaved repetitions (medians)`,
    ['scheduling, answers', 'reads/s', 'failed', 'failed (max)', 'requests'],
    [...results].sort(([a], [b]) => a.localeCompare(b)).map(([name, bursts]) => row(name, bursts)),
  );
}

/** Bytes of the listing's body as sent, with or without gzip offered. */
function wireBytes(server: RemoteEcsServer, gzip: boolean): Promise<number> {
  const url = new URL(`${server.url}/v2.1/${server.projectId}/servers/detail?limit=1000`);
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      {
        headers: {
          'X-Auth-Token': server.credentials.token,
          ...(gzip ? { 'Accept-Encoding': 'gzip' } : {}),
        },
        agent: false,
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve(bytes));
      },
    );
    req.on('error', reject);
  });
}

async function compareGzip(server: RemoteEcsServer): Promise<string> {
  await server.addServers(1000, 'gzip-bench');
  await server.setFaults({ gzip: true });
  const client = core.createEcsClient({
    endpoint: server.url,
    projectId: server.projectId,
    auth: authFor(server, 'token'),
  });
  const times = new Map<boolean, number[]>([
    [true, []],
    [false, []],
  ]);
  for (let rep = 0; rep < REPS * 3; rep++) {
    for (const gzip of rep % 2 === 0 ? [true, false] : [false, true]) {
      setGzipForBenchmarks(gzip);
      const start = nowMs();
      const page = await client.listServers({ limit: 1000 });
      times.get(gzip)?.push(nowMs() - start);
      if (page.servers.length !== 1000) throw new Error(`gzip bench: ${page.servers.length} servers`);
    }
  }
  setGzipForBenchmarks(true);
  const rows: Cell[][] = [];
  for (const gzip of [true, false]) {
    const bytes = await wireBytes(server, gzip);
    const ms = median(times.get(gzip) ?? []);
    // What the same bytes take on a 10 Mbit/s link, on top of the loopback time.
    rows.push([gzip ? 'gzip offered' : 'gzip not offered', ms, bytes / 1024, ms + (bytes * 8) / 10_000]);
  }
  await server.setFaults({ gzip: false });
  return renderTable(
    `servers/detail at limit 1000, warm client, ${REPS * 3} interleaved repetitions (medians)`,
    ['listing', 'loopback ms', 'KiB on the wire', 'ms at 10 Mbit/s (est.)'],
    rows,
  );
}

async function main(): Promise<void> {
  const server = await startRemoteEcsServer();
  try {
    core.destroyAgents();
    const fixture = await prepareFixture(
      server,
      core.createEcsClient({
        endpoint: server.url,
        projectId: server.projectId,
        auth: authFor(server, 'aksk'),
      }),
    );
    console.log(await compareCores(server, fixture));
    console.log(await compareScheduling(server, fixture));
    console.log(await compareGzip(server));
  } finally {
    core.destroyAgents();
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
