/**
 * The transport reuses the AbortController of an attempt that ended unaborted (a fresh one costs
 * tens of µs in Node 20), and never one that aborted or that some listener still holds: a reused
 * aborted signal would fail the next read at once, a held one would let an old exchange's abort
 * reach a new one.
 */
import * as assert from 'node:assert/strict';
import { destroyAgents } from '../../src/core';
import {
  pooledAbortControllers,
  returnAbortController,
  takeAbortController,
} from '../../src/core/abortControllerPool';
import { WEB_01, clientFor, useEcsServer } from './fixtures';

describe('AbortController pool', () => {
  const server = useEcsServer();
  beforeEach(() => {
    destroyAgents();
    while (pooledAbortControllers() > 0) takeAbortController();
  });
  after(() => destroyAgents());

  it('a successful read gives its controller back, and the next read reuses it', async () => {
    const client = clientFor(server());
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.equal(pooledAbortControllers(), 1);
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.equal(pooledAbortControllers(), 1, 'the second read took the pooled one and gave it back');
  });

  it('the controller of a timed-out read is never handed out again, so the next read succeeds', async () => {
    const client = clientFor(server(), { timeoutMs: 300 });
    server().setFaults({ stallBody: { count: 1 } });
    await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), { kind: 'timeout' });
    assert.equal(pooledAbortControllers(), 0);
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
  });

  it('a controller aborted or still listened to is not kept', () => {
    const aborted = new AbortController();
    aborted.abort();
    returnAbortController(aborted);
    const held = new AbortController();
    held.signal.addEventListener('abort', () => undefined);
    returnAbortController(held);
    assert.equal(pooledAbortControllers(), 0);
    const clean = new AbortController();
    returnAbortController(clean);
    assert.equal(takeAbortController(), clean);
  });
});
