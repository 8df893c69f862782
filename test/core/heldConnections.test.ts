/**
 * A failed read lets go of its connection: an answer refused by the size cap, a body that stalls after
 * the headers, one that trickles forever. Kept open, such sockets fill the pool and every later
 * request to the endpoint waits forever.
 */
import * as assert from 'node:assert/strict';
import { WEB_01, apiRequests, clientFor, startAdHocServer, useEcsServer } from './fixtures';
import { eventually } from './networkShapes';

const LIMIT_MS = 500;

describe('failed reads let go of their connections', () => {
  const server = useEcsServer({ freshAgents: true });

  it('after 1 oversized and 20 stalled reads, the next read succeeds within its limit and no connection is left held', async () => {
    const client = clientFor(server(), { timeoutMs: LIMIT_MS, maxResponseBytes: 256 * 1024 });
    server().setFaults({ endlessBody: { count: 1 } });
    await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), { kind: 'badResponse' });
    // Two batches of 10, each within the gate, so all 20 reach the server and are stalled there.
    for (const fault of ['stallBody', 'trickleBody'] as const) {
      server().setFaults({ [fault]: { count: 10 } });
      const stalled = await Promise.allSettled(
        Array.from({ length: 10 }, () => client.getMetadataItem(WEB_01, 'owner')),
      );
      const kinds = stalled.map((o) =>
        o.status === 'rejected' ? (o.reason as { kind: string }).kind : 'ok',
      );
      assert.deepEqual(
        kinds,
        kinds.map(() => 'timeout'),
      );
    }
    // On a very busy machine a read may time out before it reaches the server: its fault goes unused.
    server().resetFaults();

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
      await eventually(() => server().heldConnections() === 0, 1000);
      assert.equal(server().heldConnections(), 0);
    });
  }

  it('the IAM token request gets the same protection: a stalled token answer times out and its connection closes', async () => {
    let open = 0;
    const iam = await startAdHocServer((req, res) => {
      open++;
      req.socket.once('close', () => open--);
      res.writeHead(201, { 'Content-Type': 'application/json', 'X-Subject-Token': 'MIITstalled' });
      res.write('{"token":{');
    });
    try {
      const s = server();
      const client = clientFor(s, { authType: 'password', iamEndpoint: iam.url, timeoutMs: LIMIT_MS });
      const started = performance.now();
      await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), { kind: 'timeout' });
      assert.ok(performance.now() - started < LIMIT_MS + 500);
      await eventually(() => open === 0, 1000);
      assert.equal(open, 0, 'the IAM connection was closed');
      assert.equal(apiRequests(s).length, 0);
    } finally {
      await iam.close();
    }
  });
});
