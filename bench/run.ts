/**
 * `npm run bench`: every measurement of issue 5 against the local ECS-compatible server on 127.0.0.1,
 * once with no added latency and once with 20 ms per request; prints tables and writes
 * `bench/results.json`, and refreshes the numbers in bench/README.md. Heap figures force GCs (gc.ts).
 * Environment: `ECS_BENCH_SKIP_VSCODE=1` skips activation in code-server; `ECS_BENCH_QUICK=1` runs
 * small iteration counts (a smoke run; its numbers are not for publishing).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { destroyAgents } from '../src/core/agentPool';
import { createBareClient } from './bareLoop';
import { measureBulkEdit } from './bulkEdit';
import { createFetchClient } from './fetchLoop';
import { akskHeaderSource } from './bareSigning';
import { measureClientOverhead, type OverheadPlan, type Variant } from './clientOverhead';
import { nowMs } from './clock';
import { measureConcurrency, type Reader } from './concurrency';
import { freshCoreClient } from './coreClients';
import { ACTIVATION_OUT_ENV, measureActivationInCodeServer } from './activationInCodeServer';
import { withBenchCodeServer } from './benchCodeServer';
import { CERTIFICATES_ENV, certificateEnv } from '../test/runner/certificateEnv';
import { TRANSPORT_PLAN_ENV, measureTransport } from './transportRows';
import { prepareFixture, type BenchFixture } from './fixture';
import { measureFootprint } from './footprint';
import { measureGlobMatching } from './globMatching';
import { describeMachine } from './machine';
import { createOfficialSdkClient } from './officialSdk';
import { measurePolicyCheck } from './policyCheck';
import { startRemoteEcsServer, type RemoteEcsServer } from './remoteEcsServer';
import { measureRequestCounts } from './requestCounts';
import { measureRequireInNode } from './requireInNode';
import { writeReadmeResults } from './readmeResults';
import { renderReport } from './report';
import { outcome, type BenchResults, type PassResult } from './results';
import { measureScale } from './scale';
import { BARE, CORE, SDK, checkTargets } from './targets';
import { treePageSize } from './treePageSize';

const root = path.resolve(__dirname, '..', '..');
const quick = process.env.ECS_BENCH_QUICK === '1';
const SCALE_SERVERS = 10_000;
/** The whole bench must end by itself; this is the backstop, not the plan (~3–5 min). */
const HARD_LIMIT_MS = 15 * 60_000;

interface PassPlan {
  latencyMs: number;
  overhead: OverheadPlan;
  concurrencyReps: number;
  scaleReps: number;
  measureHeap: boolean;
}

const plans: PassPlan[] = quick
  ? [
      {
        latencyMs: 0,
        overhead: { warmupCalls: 20, callsPerRound: 100, rounds: 2 },
        concurrencyReps: 1,
        scaleReps: 2,
        measureHeap: true,
      },
      {
        latencyMs: 20,
        overhead: { warmupCalls: 2, callsPerRound: 10, rounds: 1 },
        concurrencyReps: 1,
        scaleReps: 1,
        measureHeap: false,
      },
    ]
  : [
      {
        latencyMs: 0,
        overhead: { warmupCalls: 300, callsPerRound: 1000, rounds: 5 },
        concurrencyReps: 5,
        scaleReps: 10,
        measureHeap: true,
      },
      {
        latencyMs: 20,
        overhead: { warmupCalls: 10, callsPerRound: 100, rounds: 3 },
        concurrencyReps: 3,
        scaleReps: 5,
        measureHeap: false,
      },
    ];

function overheadVariants(
  server: RemoteEcsServer,
  fixture: BenchFixture,
): { variants: Variant[]; close: () => void } {
  const serverId = fixture.serverIds[0];
  const key = fixture.keys[0];
  const creds = { accessKey: server.credentials.accessKey, secretKey: server.credentials.secretKey };
  const core = freshCoreClient(server, 'aksk');
  const coreToken = freshCoreClient(server, 'token');
  const bare = createBareClient(server.url, akskHeaderSource(server.projectId, creds), 1);
  const viaFetch = createFetchClient(server.url, akskHeaderSource(server.projectId, creds));
  const sdk = createOfficialSdkClient({ endpoint: server.url, projectId: server.projectId, ...creds });
  const sdkRoute = `/v2.1/${server.projectId}/servers/${serverId}`;
  const expect = (value: string): void => {
    if (value !== `value-0-${key}`) throw new Error(`overhead: wrong value ${value}`);
  };
  return {
    variants: [
      { name: CORE, call: async () => expect(await core.getMetadataItem(serverId, key)) },
      { name: BARE, call: async () => expect(await bare.getMetadataItem(server.projectId, serverId, key)) },
      {
        name: 'node-fetch loop, same signed GET',
        call: async () => expect(await viaFetch.getMetadataItem(server.projectId, serverId, key)),
      },
      { name: SDK, call: async () => expect(await sdk.getMetadataItem(serverId, key)) },
      {
        name: "bare http loop, the SDK's GET (servers/{id})",
        call: async () => {
          const body = (await bare.getJson(sdkRoute)) as { server?: { metadata?: Record<string, string> } };
          expect(body.server?.metadata?.[key] ?? '');
        },
      },
      {
        name: 'core getMetadataItem (token: no signing)',
        call: async () => expect(await coreToken.getMetadataItem(serverId, key)),
      },
    ],
    close: () => {
      bare.close();
      viaFetch.close();
    },
  };
}

function concurrencyReaders(server: RemoteEcsServer): { name: string; fresh: () => Reader }[] {
  const creds = { accessKey: server.credentials.accessKey, secretKey: server.credentials.secretKey };
  return [
    {
      name: 'core (AK/SK), pooled agent',
      fresh: () => {
        // The core pools one agent per origin for the whole process: drop it, as a new window starts without.
        destroyAgents();
        const client = freshCoreClient(server, 'aksk');
        return { read: (id, key) => client.getMetadataItem(id, key), close: destroyAgents };
      },
    },
    {
      name: 'bare http loop, maxSockets 16',
      fresh: () => {
        const bare = createBareClient(server.url, akskHeaderSource(server.projectId, creds), 16);
        return {
          read: (id, key) => bare.getMetadataItem(server.projectId, id, key),
          close: () => bare.close(),
        };
      },
    },
    {
      name: 'official SDK (global agent)',
      fresh: () => {
        http.globalAgent.destroy();
        const sdk = createOfficialSdkClient({ endpoint: server.url, projectId: server.projectId, ...creds });
        return { read: (id, key) => sdk.getMetadataItem(id, key), close: () => http.globalAgent.destroy() };
      },
    },
  ];
}

async function runPass(plan: PassPlan, pageSize: number): Promise<PassResult> {
  console.log(`\n--- pass with ${plan.latencyMs} ms added per request ---`);
  const server = await startRemoteEcsServer();
  try {
    const fixture = await prepareFixture(server, freshCoreClient(server, 'aksk'));
    await server.setFaults({ latencyMs: plan.latencyMs });
    destroyAgents();
    console.log('requests per action…');
    const requestCounts = await outcome('request counts', () =>
      measureRequestCounts(server, fixture, pageSize),
    );
    console.log('client overhead…');
    const overhead = await outcome('client overhead', async () => {
      const { variants, close } = overheadVariants(server, fixture);
      try {
        return await measureClientOverhead(variants, plan.overhead);
      } finally {
        close();
      }
    });
    console.log('concurrency…');
    const concurrency = await outcome('concurrency', async () => {
      const results = [];
      for (const reader of concurrencyReaders(server)) {
        results.push(
          await measureConcurrency(server, fixture, reader.name, reader.fresh, plan.concurrencyReps),
        );
      }
      // What nginx-style gateways send; node-fetch alone fails many of these reads (issue 8, #1767).
      await server.setFaults({ chunked: true, gzip: true });
      try {
        const core = concurrencyReaders(server)[0];
        results.push(
          await measureConcurrency(
            server,
            fixture,
            'core (AK/SK), chunked + gzip answers',
            core.fresh,
            plan.concurrencyReps,
          ),
        );
      } finally {
        await server.setFaults({ chunked: false, gzip: false });
      }
      return results;
    });
    console.log(`scale (${SCALE_SERVERS} servers)…`);
    const scale = await outcome('scale', async () => {
      await server.addServers(SCALE_SERVERS, 'scale');
      return measureScale(
        () => {
          destroyAgents();
          return freshCoreClient(server, 'aksk');
        },
        SCALE_SERVERS,
        pageSize,
        plan.scaleReps,
        plan.measureHeap,
      );
    });
    return { latencyMs: plan.latencyMs, requestCounts, overhead, concurrency, scale };
  } finally {
    destroyAgents();
    await server.close();
  }
}

/**
 * Every case that runs inside VS Code, in one code-server: activation from cold, then the transport
 * rows (which also run the plain-Node core against the same server, to sit side by side).
 */
async function measureInCodeServer(
  extensionDir: string | undefined,
): Promise<Pick<BenchResults, 'activationInVsCode' | 'transportInVsCode'>> {
  if (process.env.ECS_BENCH_SKIP_VSCODE === '1') {
    return { activationInVsCode: { ok: true, value: { error: 'skipped (ECS_BENCH_SKIP_VSCODE=1)' } } };
  }
  if (!extensionDir) {
    const error = 'no production build to run';
    return { activationInVsCode: { ok: false, error }, transportInVsCode: { ok: false, error } };
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-bench-vscode-'));
  const activationOut = path.join(tmp, 'activation.json');
  const planFile = path.join(tmp, 'transport-plan.json');
  try {
    const certificates = certificateEnv();
    const env = { ...certificates, [ACTIVATION_OUT_ENV]: activationOut, [TRANSPORT_PLAN_ENV]: planFile };
    return await withBenchCodeServer(env, async (codeServer) => {
      console.log('activation in code-server…');
      const activationInVsCode = await outcome('activation in code-server', () =>
        measureActivationInCodeServer(codeServer, extensionDir, activationOut, quick ? 1 : 3),
      );
      console.log('transport in code-server and in the core (TLS, 20 ms)…');
      const transportInVsCode = await outcome('transport in code-server', async () => {
        const dir = certificates[CERTIFICATES_ENV];
        if (!dir) throw new Error('no test certificates (is openssl installed?)');
        return measureTransport(codeServer, extensionDir, dir, planFile);
      });
      return { activationInVsCode, transportInVsCode };
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const started = nowMs();
  const machine = describeMachine();
  if (machine.loadAverageAtStart[0] > machine.cpus) {
    console.warn(
      `bench: load average ${machine.loadAverageAtStart[0]} on ${machine.cpus} CPUs — figures will be noisy.`,
    );
  }
  const pageSize = treePageSize(root);
  const passes: PassResult[] = [];
  for (const plan of plans) passes.push(await runPass(plan, pageSize.pageSize));

  console.log('\nfind glob matching…');
  const globMatching = await outcome('glob matching', async () =>
    quick ? measureGlobMatching(3, 20, false) : measureGlobMatching(7, 200, true),
  );

  console.log('\nbulk edit (1,000 servers, 20 ms)…');
  const bulkEdit = await outcome('bulk edit', measureBulkEdit);
  console.log('\npolicy check (10,000 servers × 10 rules)…');
  const policyCheck = await outcome('policy check', () => measurePolicyCheck(quick ? 3 : 15));

  console.log('\nfootprint (production bundle, .vsix)…');
  const footprintRun = await outcome('footprint', () => measureFootprint(root));
  try {
    const bundle = footprintRun.ok ? footprintRun.value.prodBundlePath : undefined;
    const extensionDir = footprintRun.ok ? footprintRun.value.extensionDir : undefined;
    const requireInNode = await outcome('require under Node', async () => {
      if (!bundle) throw new Error('no production bundle to load');
      return measureRequireInNode(bundle, quick ? 2 : 7);
    });
    const { activationInVsCode, transportInVsCode } = await measureInCodeServer(extensionDir);
    const footprint: BenchResults['footprint'] = footprintRun.ok
      ? { ok: true, value: footprintRun.value.figures }
      : footprintRun;
    machine.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
    const partial = {
      machine,
      treePageSize: pageSize,
      passes,
      footprint,
      requireInNode,
      activationInVsCode,
      transportInVsCode,
      globMatching,
      bulkEdit,
      policyCheck,
    };
    const results: BenchResults = {
      ...partial,
      targets: checkTargets(partial),
      durationSeconds: (nowMs() - started) / 1000,
    };
    const report = renderReport(results);
    console.log(report);
    const file = path.join(root, 'bench', 'results.json');
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(root, file)}`);
    // A smoke run's numbers are not worth publishing.
    if (!quick && writeReadmeResults(path.join(root, 'bench', 'README.md'), report)) {
      console.log('updated the latest numbers in bench/README.md');
    }
    const failures = [
      ...passes.flatMap((p) => [p.requestCounts, p.overhead, p.concurrency, p.scale]),
      footprint,
      requireInNode,
      globMatching,
      bulkEdit,
      ...(transportInVsCode ? [transportInVsCode] : []),
      policyCheck,
    ].filter((o) => !o.ok);
    return failures.length === 0 ? 0 : 1;
  } finally {
    if (footprintRun.ok) footprintRun.value.cleanup();
  }
}

const backstop = setTimeout(() => {
  console.error(`bench: still running after ${HARD_LIMIT_MS / 60_000} min; giving up.`);
  process.exit(2);
}, HARD_LIMIT_MS);
backstop.unref();

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
