/**
 * Issue 23, measured where it matters: connections and time of 10 sequential reads and of a find over
 * 1,000 servers, inside VS Code (code-server, default proxy settings: VS Code wraps the extension's
 * requests in its own proxy agent) and in the plain-Node core, side by side so the two cannot drift
 * apart again. One local server in a child process, on 127.0.0.2 (a host VS Code does not treat as
 * local), over TLS signed by the runner's private CA (NODE_EXTRA_CA_CERTS), 20 ms added per request.
 * Connections are counted at the server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { destroyAgents, serverPages } from '../src/core';
import { findServers } from '../src/find/query/findServers';
import { parseQuery } from '../src/find/query/parseQuery';
import { readTestCertificates } from '../test/ecs-server/testCertificates';
import type { BenchCodeServer } from './benchCodeServer';
import { nowMs } from './clock';
import { freshCoreClient } from './coreClients';
import { startRemoteEcsServer, type LoggedRequest, type RemoteEcsServer } from './remoteEcsServer';
import type { Outcome } from './results';
import { formatNumber, renderTable } from './table';
import type { TransportFigures, TransportPlan } from './transportInVsCode';

/** Names the plan file for transportInVsCode.ts, in code-server's environment. */
export const TRANSPORT_PLAN_ENV = 'ECS_BENCH_TRANSPORT_PLAN';

const HOST = '127.0.0.2';
const LATENCY_MS = 20;
const READS = 10;
const SERVERS = 1000;
/** One server in this many is production. */
const EVERY = 100;
const QUERY = 'env=production';
const KEY = 'owner';
const WARM_KEY = 'env';

export interface TransportRow {
  runtime: 'VS Code (code-server)' | 'Node (core)';
  action: string;
  ms: number;
  requests: number;
  /** Distinct connections the action's requests came on, counted at the server. */
  connections: number;
}

export interface TransportResult {
  host: string;
  tls: true;
  latencyMs: number;
  servers: number;
  matches: number;
  /** `http.proxySupport` in the VS Code window. */
  proxySupport?: string;
  rows: TransportRow[];
  /** Why the VS Code rows are missing, when they are. */
  vsCodeError?: string;
}

const READS_ACTION = `${READS} sequential reads`;
const FIND_ACTION = `find over ${SERVERS.toLocaleString('en-US')} servers`;

function row(
  runtime: TransportRow['runtime'],
  action: string,
  ms: number,
  requests: LoggedRequest[],
): TransportRow {
  return {
    runtime,
    action,
    ms,
    requests: requests.length,
    connections: new Set(requests.map((r) => r.connectionId)).size,
  };
}

/** `certificatesDir`: the runner's certificates (certificateEnv.ts); `planFile`: named in code-server's env. */
export async function measureTransport(
  codeServer: BenchCodeServer,
  extensionDir: string,
  certificatesDir: string,
  planFile: string,
): Promise<TransportResult> {
  const certs = readTestCertificates(certificatesDir);
  const server = await startRemoteEcsServer({ host: HOST, certificatesDir });
  const savedCa = process.env.NODE_EXTRA_CA_CERTS;
  // The core trusts the CAs of NODE_EXTRA_CA_CERTS (read when its agent is made), as the extension host does.
  process.env.NODE_EXTRA_CA_CERTS = certs.caFile;
  try {
    const { serverId, servers, matches } = await prepare(server);
    await server.setFaults({ latencyMs: LATENCY_MS });
    const result: TransportResult = {
      host: HOST,
      tls: true,
      latencyMs: LATENCY_MS,
      servers,
      matches,
      rows: await nodeRows(server, serverId, matches),
    };
    try {
      const vsCode = await vsCodeRows(codeServer, extensionDir, server, serverId, planFile, matches);
      result.rows.push(...vsCode.rows);
      result.proxySupport = vsCode.proxySupport;
    } catch (err) {
      result.vsCodeError = err instanceof Error ? err.message : String(err);
    }
    return result;
  } finally {
    if (savedCa === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = savedCa;
    destroyAgents();
    await server.close();
  }
}

/** Brings the server to exactly SERVERS servers, every EVERY-th of them production. */
async function prepare(
  server: RemoteEcsServer,
): Promise<{ serverId: string; servers: number; matches: number }> {
  const list = async (): Promise<string[]> => {
    const ids: string[] = [];
    for await (const page of serverPages(freshCoreClient(server))) ids.push(...page.servers.map((s) => s.id));
    return ids;
  };
  const seeded = await list();
  await server.addServers(SERVERS - seeded.length, 'transport');
  const ids = await list();
  await server.setMetadata(
    ids.map((id, i): [string, string, string] => [id, 'env', i % EVERY === 0 ? 'production' : 'test']),
  );
  destroyAgents();
  return { serverId: ids[0], servers: ids.length, matches: Math.ceil(ids.length / EVERY) };
}

async function nodeRows(server: RemoteEcsServer, serverId: string, matches: number): Promise<TransportRow[]> {
  const client = freshCoreClient(server, 'aksk');
  await client.getMetadataItem(serverId, WARM_KEY);
  await server.clearRequests();
  let start = nowMs();
  for (let i = 0; i < READS; i++) await client.getMetadataItem(serverId, KEY);
  const readMs = nowMs() - start;
  const reads = await server.requests();
  await server.clearRequests();
  start = nowMs();
  const found = await findServers(client, parseQuery(QUERY));
  const findMs = nowMs() - start;
  if (found.matches.length !== matches)
    throw new Error(`find: ${found.matches.length} matches, expected ${matches}`);
  const finds = await server.requests();
  destroyAgents();
  return [row('Node (core)', READS_ACTION, readMs, reads), row('Node (core)', FIND_ACTION, findMs, finds)];
}

async function vsCodeRows(
  codeServer: BenchCodeServer,
  extensionDir: string,
  server: RemoteEcsServer,
  serverId: string,
  planFile: string,
  matches: number,
): Promise<{ rows: TransportRow[]; proxySupport?: string }> {
  const outFile = path.join(path.dirname(planFile), 'transport.json');
  fs.rmSync(outFile, { force: true });
  const plan: TransportPlan = {
    profile: {
      name: 'Transport bench',
      ecsEndpoint: server.url,
      iamEndpoint: server.url,
      projectId: server.projectId,
      region: 'local-1',
      auth: 'aksk',
      // Named: a read is then its one GET (no lookup of the server's name).
      servers: [{ id: serverId, name: 'transport-first' }],
      discoverServers: false,
    },
    credentials: { accessKey: server.credentials.accessKey, secretKey: server.credentials.secretKey },
    serverId,
    warmKey: WARM_KEY,
    key: KEY,
    reads: READS,
    query: QUERY,
    outFile,
  };
  fs.writeFileSync(planFile, JSON.stringify(plan));
  await server.clearRequests();
  const code = await codeServer.runWindow(
    extensionDir,
    path.join(__dirname, 'transportInVsCode.js'),
    180_000,
    'Transport rows in code-server',
  );
  if (code !== 0 || !fs.existsSync(outFile)) throw new Error(`extension host run ended with code ${code}`);
  const figures = JSON.parse(fs.readFileSync(outFile, 'utf8')) as TransportFigures;
  if (figures.matches !== matches)
    throw new Error(`find in VS Code: ${figures.matches} matches, expected ${matches}`);
  // One window did everything: tell the actions apart by what they asked for.
  const requests = await server.requests();
  const reads = requests.filter((r) => r.path.endsWith(`/metadata/${KEY}`));
  const finds = requests.filter((r) => r.path.endsWith('/servers/detail'));
  const runtime = 'VS Code (code-server)';
  return {
    rows: [
      row(runtime, READS_ACTION, figures.readMs, reads),
      row(runtime, FIND_ACTION, figures.findMs, finds),
    ],
    ...(figures.proxySupport === undefined ? {} : { proxySupport: figures.proxySupport }),
  };
}

/** The report's table: both runtimes, each action side by side. */
export function renderTransportTable(transport: Outcome<TransportResult> | undefined): string {
  const title = 'Transport inside VS Code and in the plain-Node core';
  if (!transport) return `\n${title}: not measured`;
  if (!transport.ok) return `\n${title}: FAILED: ${transport.error}`;
  const t = transport.value;
  const rows = [...t.rows].sort(
    (a, b) => a.action.localeCompare(b.action) || b.runtime.localeCompare(a.runtime),
  );
  const table = renderTable(
    `${title} (HTTPS on ${t.host}, private CA, ${t.latencyMs} ms added per request, after one read that signs in; ${t.servers} servers, ${t.matches} matches; http.proxySupport: ${t.proxySupport ?? '?'})`,
    ['action', 'runtime', 'ms', 'requests', 'connections'],
    rows.map((r) => [r.action, r.runtime, formatNumber(r.ms, 0), String(r.requests), String(r.connections)]),
  );
  return t.vsCodeError ? `${table}\nVS Code rows not measured: ${t.vsCodeError}` : table;
}
