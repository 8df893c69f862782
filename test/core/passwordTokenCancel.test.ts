import * as assert from 'node:assert/strict';
import { isEcsError } from '../../src/core';
import { WEB_01, clientFor, iamTokenRequests, rejectionOf, useEcsServer } from './fixtures';
import type { EcsServerHandle } from '../ecs-server';

const TOKENS = '/v3/auth/tokens';

const tokenRequests = (server: EcsServerHandle) =>
  server.requests.filter((r) => r.method === 'POST' && r.path === TOKENS);

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the server has read a token request's body: from then on the request is held for
 * the latency set when it arrived, whatever the latency is set to afterwards.
 */
async function tokenRequestArrived(server: EcsServerHandle): Promise<void> {
  while (!tokenRequests(server).some((r) => r.body !== '')) await pause(5);
}

describe('password auth: the shared token request and the callers\u2019 cancel signals', () => {
  const server = useEcsServer();

  it('one of two waiters gives up: it is released at once with cancelled, the other gets its value', async () => {
    const client = clientFor(server(), { authType: 'password' });
    server().setFaults({ latencyMs: 400 });
    const controller = new AbortController();
    const quitter = client.getMetadataItem(WEB_01, 'owner', { signal: controller.signal });
    const stayer = client.getMetadataItem(WEB_01, 'owner');
    await tokenRequestArrived(server());
    controller.abort();
    const error = await rejectionOf(quitter);
    assert.ok(isEcsError(error) && error.kind === 'cancelled', `cancelled, not ${String(error)}`);
    const [token] = tokenRequests(server());
    assert.equal(token.status, 0, 'released while the token request was still unanswered');
    assert.equal(await stayer, 'team-web');
    assert.equal(iamTokenRequests(server()), 1, 'one token request for both');
    assert.equal(token.abandoned, false, 'the token request was left to finish for the one still waiting');
  });

  it('both waiters give up: the token request itself is aborted (the server sees its socket close)', async () => {
    const client = clientFor(server(), { authType: 'password' });
    server().setFaults({ latencyMs: 2000 });
    const first = new AbortController();
    const second = new AbortController();
    const reads = [first, second].map((c) =>
      rejectionOf(client.getMetadataItem(WEB_01, 'owner', { signal: c.signal })),
    );
    await tokenRequestArrived(server());
    first.abort();
    await pause(50);
    assert.equal(tokenRequests(server())[0].abandoned, false, 'one waiter left: the request goes on');
    second.abort();
    for (const read of reads) {
      const error = await read;
      assert.ok(isEcsError(error) && error.kind === 'cancelled', `cancelled, not ${String(error)}`);
    }
    await pause(100);
    const [token] = tokenRequests(server());
    assert.equal(token.abandoned, true, 'the token request was aborted, not left to finish');
    assert.equal(server().requests.length, 1, 'no API request was sent');
  });

  it('a read cancelled while its token request is in flight leaves no hang: the next read starts afresh', async () => {
    const client = clientFor(server(), { authType: 'password' });
    server().setFaults({ latencyMs: 3000 });
    const controller = new AbortController();
    const cancelled = client.getMetadataItem(WEB_01, 'owner', { signal: controller.signal });
    await tokenRequestArrived(server());
    server().setFaults({ latencyMs: 0 });
    controller.abort();
    // Asked for in the same tick, before the abandoned request has settled.
    const next = client.getMetadataItem(WEB_01, 'owner');
    const error = await rejectionOf(cancelled);
    assert.ok(isEcsError(error) && error.kind === 'cancelled', `cancelled, not ${String(error)}`);
    assert.equal(await next, 'team-web');
    const [abandoned, fresh] = tokenRequests(server());
    assert.equal(abandoned.abandoned, true, 'the cancelled read\u2019s token request was aborted');
    assert.equal(fresh?.status, 201, 'the next read got its own token rather than waiting on the held one');
  });

  it('a temporary profile\u2019s read cancelled while its password token is obtained aborts that token request', async () => {
    const c = server().credentials;
    const client = clientFor(server(), {
      auth: {
        type: 'temporary',
        iamEndpoint: server().url,
        domain: c.domain,
        user: c.user,
        password: c.password,
        durationSeconds: 900,
      },
    });
    server().setFaults({ latencyMs: 2000 });
    const controller = new AbortController();
    const read = rejectionOf(client.getMetadataItem(WEB_01, 'owner', { signal: controller.signal }));
    await tokenRequestArrived(server());
    controller.abort();
    const error = await read;
    assert.ok(isEcsError(error) && error.kind === 'cancelled', `cancelled, not ${String(error)}`);
    await pause(100);
    assert.equal(tokenRequests(server())[0].abandoned, true, 'the token request was aborted');
    assert.equal(server().requests.length, 1, 'no securitytokens or API request was sent');
  });
});
