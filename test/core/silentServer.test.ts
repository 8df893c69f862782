/** The time limit counts from when a call's attempt starts, not from when a socket frees up. */
import * as assert from 'node:assert/strict';
import { WEB_01, clientFor, useEcsServer } from './fixtures';
import { eventually } from './networkShapes';

const LIMIT_MS = 600;

describe('a server that never answers', () => {
  const server = useEcsServer({ freshAgents: true });

  it('48 concurrent reads all end as timeout within their limit plus 0.5 s', async () => {
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
    assert.ok(slowest <= LIMIT_MS + 500, `slowest took ${Math.round(slowest)} ms`);
    await eventually(() => server().heldConnections() === 0, 1000);
    assert.equal(server().heldConnections(), 0);
  });
});
