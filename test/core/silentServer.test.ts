/** The time limit counts from when a call's attempt starts, not from when a socket frees up. */
import * as assert from 'node:assert/strict';
import { WEB_01, clientFor, useEcsServer } from './fixtures';
import { eventually } from './networkShapes';

/**
 * 48 reads on at most 16 sockets: timed from the socket they waited for, the last would end after
 * three limits. The bound sits halfway to that, so a loaded machine's delays do not fail it.
 */
const LIMIT_MS = 1500;
const BOUND_MS = 2.5 * LIMIT_MS;

describe('a server that never answers', () => {
  const server = useEcsServer({ freshAgents: true });

  it('48 concurrent reads all end as timeout after their own limit, none a limit later for its queue', async () => {
    server().setFaults({ silent: true });
    const client = clientFor(server(), { timeoutMs: LIMIT_MS });
    const ends = await Promise.all(
      Array.from({ length: 48 }, async () => {
        const started = performance.now();
        const kind = await client.getMetadataItem(WEB_01, 'owner').then(
          () => 'ok',
          (e: unknown) => (e as { kind: string }).kind,
        );
        return { kind, ms: performance.now() - started };
      }),
    );
    assert.deepEqual(
      ends.map((e) => e.kind),
      ends.map(() => 'timeout'),
    );
    const slowest = Math.max(...ends.map((e) => e.ms));
    assert.ok(slowest <= BOUND_MS, `slowest took ${Math.round(slowest)} ms`);
    await eventually(() => server().heldConnections() === 0, 1000);
    assert.equal(server().heldConnections(), 0);
  });
});
