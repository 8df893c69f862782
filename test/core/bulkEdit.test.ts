/**
 * Bulk metadata changes against the local ECS server: the plan (only what differs), the request floor
 * (one merge per server to set, one DELETE per removed key it holds, never the replace-all PUT), one
 * outcome per server (task state, quota, throttling, lost answers read back), Cancel, and Undo with and
 * without conflicts.
 */
import * as assert from 'node:assert/strict';
import { destroyAgents, EcsError, serverPages, type EcsClient } from '../../src/core';
import {
  bulkRequestProblem,
  planBulk,
  type BulkRequest,
  type BulkRequestProblem,
  type BulkTarget,
} from '../../src/bulk/bulkPlan';
import { countOutcomes, runBulk, type BulkWriter } from '../../src/bulk/bulkRun';
import { planUndo } from '../../src/bulk/bulkUndo';
import { ThrottleGate } from '../../src/bulk/throttleGate';
import { startEcsServer, type EcsServerHandle } from '../ecs-server';
import { clientFor } from './fixtures';

const PROFILE = 'Bulk test';

async function targetsOf(client: EcsClient): Promise<BulkTarget[]> {
  const targets: BulkTarget[] = [];
  for await (const page of serverPages(client, { withMetadata: true })) {
    for (const s of page.servers) {
      targets.push({ profile: PROFILE, serverId: s.id, name: s.name, metadata: s.metadata ?? {} });
    }
  }
  return targets;
}

function writesOf(server: EcsServerHandle): string[] {
  return server.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}

describe('bulk edit: plan', () => {
  const target = (metadata: Record<string, string>, name = 'web'): BulkTarget => ({
    profile: PROFILE,
    serverId: `id-${name}`,
    name,
    metadata,
  });

  it('plans only what differs; servers already in the state are unchanged', () => {
    const plan = planBulk(
      [
        target({ env: 'prod', tmp: '1' }, 'a'),
        target({ env: 'dev' }, 'b'),
        target({ env: 'prod' }, 'c'),
        target({}, 'd'),
      ],
      { set: { env: 'prod' }, remove: ['tmp'] },
    );
    assert.deepEqual(
      plan.changes.map((p) => [p.name, p.set, p.remove, p.before]),
      [
        ['a', {}, ['tmp'], { tmp: '1' }],
        ['b', { env: 'prod' }, [], { env: 'dev' }],
        ['d', { env: 'prod' }, [], {}],
      ],
    );
    assert.deepEqual(
      plan.unchanged.map((t) => t.name),
      ['c'],
    );
  });

  it('keeps __proto__ an ordinary key', () => {
    const plan = planBulk([target({})], {
      set: JSON.parse('{"__proto__": "x"}') as Record<string, string>,
      remove: [],
    });
    assert.deepEqual(Object.keys(plan.changes[0]?.set ?? {}), ['__proto__']);
  });

  const refusals: [string, BulkRequest, BulkRequestProblem][] = [
    ['nothing to change', { set: {}, remove: [] }, { code: 'nothingToChange' }],
    [
      'a key ECS does not allow',
      { set: { 'bad key!': 'x' }, remove: [] },
      { code: 'key', problem: { code: 'metadataKeyCharacters', detail: 'bad key!' } },
    ],
    [
      'a value over 255 characters',
      { set: { env: 'x'.repeat(256) }, remove: [] },
      { code: 'valueTooLong', key: 'env', length: 256 },
    ],
    [
      'a key to remove ECS does not allow',
      { set: {}, remove: [''] },
      { code: 'key', problem: { code: 'metadataKeyEmpty', detail: '' } },
    ],
    [
      'a key both set and removed',
      { set: { env: 'a' }, remove: ['env'] },
      { code: 'setAndRemoved', key: 'env' },
    ],
  ];
  for (const [what, request, problem] of refusals) {
    it(`refuses ${what}, as a code`, () => {
      assert.deepEqual(bulkRequestProblem(request), problem);
    });
  }

  it('finds no problem in a request it can write', () => {
    assert.equal(bulkRequestProblem({ set: { env: 'x'.repeat(255) }, remove: ['scratch'] }), undefined);
  });
});

describe('bulk edit: run against the local server', () => {
  let server: EcsServerHandle;
  let client: EcsClient;
  beforeEach(async () => {
    server = await startEcsServer({ quiet: true });
    server.addServers(24, 'bulk');
    client = clientFor(server, { maxAttempts: 1 });
  });
  afterEach(async () => {
    destroyAgents();
    await server.close();
  });

  /** Every server gets `bulk.owner=team-bulk` (the first already has it) and loses `scratch` (the first five have it). */
  async function prepared(): Promise<{ targets: BulkTarget[]; request: BulkRequest }> {
    const all = await targetsOf(client);
    const first = all[0] as BulkTarget;
    server.setMetadata(first.serverId, 'bulk.owner', 'team-bulk');
    for (const t of all.slice(0, 5)) server.setMetadata(t.serverId, 'scratch', 'yes');
    server.clearRequests();
    return {
      targets: await targetsOf(client),
      request: { set: { 'bulk.owner': 'team-bulk' }, remove: ['scratch'] },
    };
  }

  it('sends one merge per server to set, one DELETE per removed key it holds, nothing for unchanged, never PUT', async () => {
    const { targets, request } = await prepared();
    server.clearRequests();
    const plan = planBulk(targets, request);
    const run = await runBulk(plan.changes, () => client, { concurrency: 4 });
    const counts = countOutcomes(run.results);
    // Every server needs something: the first only its delete.
    assert.equal(counts.changed, targets.length, JSON.stringify(counts));
    assert.equal(counts.failed + counts.unknown + counts.notStarted, 0);
    const writes = writesOf(server);
    assert.equal(writes.filter((w) => w.startsWith('POST ')).length, targets.length - 1);
    assert.equal(writes.filter((w) => w.startsWith('DELETE ')).length, 5);
    assert.equal(writes.filter((w) => w.startsWith('PUT ')).length, 0);
    for (const t of targets) {
      const now = server.metadataOf(t.serverId);
      assert.equal(now['bulk.owner'], 'team-bulk', t.name);
      assert.equal(now.scratch, undefined, t.name);
    }
  });

  it('a server in a task state fails as a conflict naming the state; the others are changed', async () => {
    const { targets, request } = await prepared();
    const busy = targets[3] as BulkTarget;
    server.setTaskState(busy.serverId, 'resize_migrating');
    const run = await runBulk(planBulk(targets, request).changes, () => client);
    const failed = run.results.filter((r) => r.outcome === 'failed');
    assert.deepEqual(
      failed.map((r) => [r.plan.serverId, r.kind, r.taskState]),
      [[busy.serverId, 'conflict', 'resize_migrating']],
    );
    assert.equal(countOutcomes(run.results).changed, run.results.length - 1);
  });

  it('a server at its key quota fails as quota; the others are changed', async () => {
    const { targets, request } = await prepared();
    const full = targets[7] as BulkTarget;
    server.setMetadataQuota(full.serverId, Object.keys(full.metadata).length);
    const run = await runBulk(planBulk(targets, request).changes, () => client);
    const failed = run.results.filter((r) => r.outcome === 'failed');
    assert.deepEqual(
      failed.map((r) => [r.plan.serverId, r.kind]),
      [[full.serverId, 'quota']],
    );
  });

  it('throttled writes slow the batch down and still end changed, each server written once', async () => {
    const { targets, request } = await prepared();
    server.setFaults({ throttle: { count: 4, retryAfterSeconds: 0 } });
    const gate = new ThrottleGate(4, Date.now, 20);
    const run = await runBulk(planBulk(targets, request).changes, () => client, { gate, concurrency: 4 });
    assert.equal(countOutcomes(run.results).changed, run.results.length);
    const answered = server.requests.filter((r) => r.method === 'POST' && r.status === 200);
    const perServer = new Map<string, number>();
    for (const r of answered) perServer.set(r.path, (perServer.get(r.path) ?? 0) + 1);
    assert.ok(
      [...perServer.values()].every((n) => n === 1),
      'a server got the same write twice',
    );
    assert.equal(server.requests.filter((r) => r.status === 429).length, 4);
  });

  it('an answer lost after the write was done: read back, reported changed (verified)', async () => {
    const { targets, request } = await prepared();
    server.setFaults({ loseWriteAnswers: { count: 1 } });
    // A fresh connection: the transport resends only on a reused one, so the loss reaches the batch.
    destroyAgents();
    const run = await runBulk(planBulk(targets, request).changes, () => client, { concurrency: 1 });
    assert.deepEqual(
      run.results.map((r) => [r.outcome, r.verified === true]),
      run.results.map((_r, i) => ['changed', i === 0]),
    );
    for (const t of targets) assert.equal(server.metadataOf(t.serverId)['bulk.owner'], 'team-bulk');
    const merges = server.requests.filter((r) => r.method === 'POST').length;
    assert.equal(merges, targets.length - 1, 'a write was sent twice');
  });

  it('an answer lost and the read-back failing too: unknown, the only case left so', async () => {
    const { targets, request } = await prepared();
    const plan = planBulk(targets, request).changes.slice(0, 3);
    server.setFaults({ loseWriteAnswers: { count: 1 } });
    destroyAgents();
    const failingRead: BulkWriter = {
      updateMetadata: (id, md, o) => client.updateMetadata(id, md, o),
      deleteMetadataItem: (id, key, o) => client.deleteMetadataItem(id, key, o),
      listMetadata: () => Promise.reject(new EcsError('network', 'The read-back failed too.')),
    };
    const run = await runBulk(plan, () => failingRead, { concurrency: 1 });
    assert.deepEqual(
      run.results.map((r) => r.outcome),
      ['unknown', 'changed', 'changed'],
    );
  });

  it('Cancel leaves servers not yet started untouched and reports what was done', async () => {
    const { targets, request } = await prepared();
    const controller = new AbortController();
    const plans = planBulk(targets, request).changes;
    const run = await runBulk(plans, () => client, {
      concurrency: 1,
      signal: controller.signal,
      onResult: (_r, done) => {
        if (done === 3) controller.abort();
      },
    });
    assert.equal(run.cancelled, true);
    assert.deepEqual(
      run.results.map((r) => r.outcome),
      plans.map((_p, i) => (i < 3 ? 'changed' : 'notStarted')),
    );
    for (const r of run.results.filter((x) => x.outcome === 'notStarted')) {
      const target = targets.find((t) => t.serverId === r.plan.serverId) as BulkTarget;
      assert.deepEqual(server.metadataOf(r.plan.serverId), target.metadata, r.plan.name);
    }
  });

  it('Undo puts every changed key back where the server still holds what the batch wrote; others are conflicts', async () => {
    const { targets, request } = await prepared();
    const plans = planBulk(targets, request).changes;
    const run = await runBulk(plans, () => client);
    const changed = run.results.filter((r) => r.outcome === 'changed').map((r) => r.plan);
    // Someone changes one server after the batch.
    const touched = changed[2];
    assert.ok(touched);
    server.setMetadata(touched.serverId, 'bulk.owner', 'someone-else');
    const now = new Map<string, Record<string, string>>();
    for (const t of await targetsOf(client)) now.set(t.serverId, t.metadata);
    const undo = planUndo(changed, (p) => now.get(p.serverId));
    assert.deepEqual(
      undo.conflicts.map((c) => [c.plan.serverId, c.keys]),
      [[touched.serverId, ['bulk.owner']]],
    );
    const undone = await runBulk(undo.changes, () => client);
    assert.equal(countOutcomes(undone.results).changed, undo.changes.length);
    for (const t of targets) {
      const after = server.metadataOf(t.serverId);
      if (t.serverId === touched.serverId) assert.equal(after['bulk.owner'], 'someone-else');
      else assert.deepEqual(after, t.metadata, t.name);
    }
  });
});

describe('bulk edit: the shared throttle gate', () => {
  it('halves the writes in flight and pauses everyone on a throttle; speeds up again after successes', async () => {
    let now = 0;
    const gate = new ThrottleGate(8, () => now);
    gate.throttled(gate.epoch, 2_000);
    assert.equal(gate.inFlightLimit, 4);
    gate.throttled(gate.epoch);
    assert.equal(gate.inFlightLimit, 2);
    for (let i = 0; i < 16; i++) gate.succeeded();
    assert.equal(gate.inFlightLimit, 4);
    now = 10_000; // past the pause: acquire does not wait
    await gate.acquire();
    gate.release();
  });

  it('counts throttles of writes already in flight at a slow-down as the same episode', () => {
    const gate = new ThrottleGate(8, () => 0);
    const startedTogether = gate.epoch;
    gate.throttled(startedTogether);
    gate.throttled(startedTogether);
    gate.throttled(startedTogether);
    assert.equal(gate.inFlightLimit, 4, 'one episode halves once');
  });
});
