/**
 * A failed read lets go of its connection: an answer refused by the size cap, a body that stalls after
 * the headers, one that trickles forever. Kept open, such sockets fill the pool and every later
 * request to the endpoint waits forever.
 */
import * as assert from 'node:assert/strict';
import { destroyAgents } from '../../src/core';
import { WEB_01, clientFor, useEcsServer } from './fixtures';
import { eventually } from './networkShapes';

const LIMIT_MS = 500;

describe('failed reads let go of their connections', () => {
  const server = useEcsServer();
  beforeEach(() => destroyAgents());
  after(() => destroyAgents());

  it('after 1 oversized and 20 stalled reads, the next read succeeds within its limit and no connection is left held', async () => {
    server().setFaults({ endlessBody: { count: 1 }, stallBody: { count: 10 }, trickleBody: { count: 10 } });
    const client = clientFor(server(), { timeoutMs: LIMIT_MS, maxResponseBytes: 256 * 1024 });
    const failed = await Promise.allSettled(
      Array.from({ length: 21 }, () => client.getMetadataItem(WEB_01, 'owner')),
    );
    const kinds = failed.map((o) => (o.status === 'rejected' ? (o.reason as { kind: string }).kind : 'ok'));
    assert.equal(kinds.filter((k) => k === 'badResponse').length, 1, kinds.join(','));
    assert.equal(kinds.filter((k) => k === 'timeout').length, 20, kinds.join(','));

    const started = performance.now();
    const next = await Promise.race([
      client.getMetadataItem(WEB_01, 'owner'),
      new Promise((resolve) => setTimeout(() => resolve('still pending'), LIMIT_MS * 4)),
    ]);
    assert.equal(next, 'team-web');
    assert.ok(performance.now() - started < LIMIT_MS, `took ${performance.now() - started} ms`);

    await eventually(() => server().heldConnections() === 0, 1000);
    assert.equal(server().heldConnections(), 0, 'connections the client gave up on are closed');
  });

  for (const fault of ['stallBody', 'trickleBody', 'endlessBody'] as const) {
    it(`${fault}: the read fails and its connection is closed at once`, async () => {
      server().setFaults({ [fault]: { count: 1 } });
      const client = clientFor(server(), { timeoutMs: LIMIT_MS, maxResponseBytes: 256 * 1024 });
      await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), {
        kind: fault === 'endlessBody' ? 'badResponse' : 'timeout',
      });
      await eventually(() => server().heldConnections() === 0, 200);
      assert.equal(server().heldConnections(), 0);
    });
  }
});
