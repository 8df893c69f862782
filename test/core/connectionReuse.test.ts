import * as assert from 'node:assert/strict';
import { MAX_SOCKETS_PER_ORIGIN } from '../../src/core/agentPool';
import { WEB_01, clientFor, useEcsServer } from './fixtures';

describe('connections', () => {
  const server = useEcsServer();

  it('reuses one keep-alive connection for sequential calls, across clients of the same endpoint', async () => {
    const before = server().connectionsOpened();
    for (let i = 0; i < 10; i++) await clientFor(server()).getMetadataItem(WEB_01, 'owner');
    const client = clientFor(server(), { authType: 'token' });
    for (let i = 0; i < 10; i++) await client.listMetadata(WEB_01);
    assert.ok(server().connectionsOpened() - before <= 1, `opened ${server().connectionsOpened() - before}`);
  });

  it(`opens at most ${MAX_SOCKETS_PER_ORIGIN} sockets for 200 concurrent calls`, async function () {
    // What is counted is sockets, not speed: on a loaded machine 200 calls queued on 16 sockets may
    // take longer than a call's default limit.
    this.timeout(90_000);
    const before = server().connectionsOpened();
    const client = clientFor(server(), { timeoutMs: 60_000 });
    const values = await Promise.all(
      Array.from({ length: 200 }, () => client.getMetadataItem(WEB_01, 'env')),
    );
    assert.equal(values.length, 200);
    const opened = server().connectionsOpened() - before;
    assert.ok(opened <= MAX_SOCKETS_PER_ORIGIN, `opened ${opened}`);
  });
});
