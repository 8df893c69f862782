/**
 * Check Metadata Policy over 10,000 servers: the find listing (metadata inline, pages of 1,000) on
 * the local ECS-compatible server in a child process, its requests counted, then a 10-rule policy
 * evaluated against every server read (`src/policy/evaluatePolicy.ts`), median over rounds after three
 * warm-up rounds. Goal: ⌈N/1000⌉ listing requests and ≤ 50 ms of evaluation, judged on the process's
 * CPU time: on a shared machine the wall time also counts the time others held the CPU.
 */
import { destroyAgents } from '../src/core';
import { parsePolicyObject } from '../src/policy/parsePolicy';
import { evaluatePolicy } from '../src/policy/evaluatePolicy';
import { findServers } from '../src/find/query/findServers';
import { nowMs } from './clock';
import { freshCoreClient } from './coreClients';
import { startRemoteEcsServer } from './remoteEcsServer';
import { summarize, type Summary } from './stats';

const SERVERS = 10_000;
const WARM_UP = 3;
/** Ten rules of every kind, some limited by a query, as a team might write them. */
export const BENCH_POLICY = {
  rules: [
    { name: 'owner', require: ['owner'], defaults: { owner: 'unassigned' } },
    { name: 'env values', allowed: { env: ['production', 'staging', 'dev-*', 'load-test'] } },
    { name: 'no scratch keys', forbid: ['tmp*', 'scratch.*'] },
    { name: 'web backup', appliesTo: '@name=policy-0*', require: ['backup.policy'] },
    { name: 'prod cost centre', appliesTo: 'env=production', require: ['cost.centre', 'owner'] },
    { name: 'tier values', allowed: { tier: ['web', 'app', 'db'], 'app:tier': ['*-prod', '*-test'] } },
    { name: 'no debug', forbid: ['debug*', '*.debug', 'x-*'] },
    { name: 'index', require: ['index'], allowed: { index: ['?', '??', '???', '????', '?????'] } },
    { name: 'active owner', appliesTo: '@status=ACTIVE !exempt', allowed: { owner: ['team-*', 'bench'] } },
    { name: 'no legacy', forbid: ['legacy', 'old.*', '*.bak'] },
  ],
};

export interface PolicyCheckResult {
  servers: number;
  rules: number;
  listingRequests: number;
  /** ⌈servers / 1000⌉: one detail page per thousand. */
  minimumRequests: number;
  serversBreaking: number;
  violations: number;
  /** Wall time of one evaluation of every server. */
  evaluationMs: Summary;
  /** CPU time (user + system) of the same. */
  evaluationCpuMs: Summary;
}

export async function measurePolicyCheck(rounds: number): Promise<PolicyCheckResult> {
  const reading = parsePolicyObject(BENCH_POLICY);
  if (reading.problems) throw new Error(`bench policy refused: ${JSON.stringify(reading.problems)}`);
  const { policy } = reading;
  const server = await startRemoteEcsServer();
  try {
    await server.addServers(SERVERS, 'policy');
    await server.clearRequests();
    const listed = await findServers(freshCoreClient(server, 'token'), { text: '', terms: [] });
    const listingRequests = (await server.requests()).filter((r) =>
      r.path.endsWith('/servers/detail'),
    ).length;
    const servers = listed.matches;
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let breaking = 0;
    let violations = 0;
    for (let round = 0; round < rounds + WARM_UP; round++) {
      breaking = 0;
      violations = 0;
      const cpu = process.cpuUsage();
      const started = nowMs();
      for (const s of servers) {
        const found = evaluatePolicy(policy, s);
        if (found.length > 0) breaking++;
        violations += found.length;
      }
      const wall = nowMs() - started;
      const used = process.cpuUsage(cpu);
      if (round < WARM_UP) continue; // the JIT's rounds
      times.push(wall);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    return {
      servers: servers.length,
      rules: policy.rules.length,
      listingRequests,
      minimumRequests: Math.ceil(servers.length / 1000),
      serversBreaking: breaking,
      violations,
      evaluationMs: summarize(times),
      evaluationCpuMs: summarize(cpuTimes),
    };
  } finally {
    destroyAgents();
    await server.close();
  }
}
