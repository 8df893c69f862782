import * as assert from 'node:assert/strict';
import type { RequestEvent } from '../../src/core';
import {
  WEB_01,
  answerToken,
  apiRequests,
  clientFor,
  iamTokenRequests,
  startAdHocServer,
  useEcsServer,
} from './fixtures';

/** Resolves once the server has received `count` requests. */
async function requestsArrived(read: () => number, count: number): Promise<void> {
  while (read() < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('timeouts and cancellation', () => {
  const server = useEcsServer();

  it('fails with kind timeout when the server never answers, and does not retry it', async () => {
    server().setFaults({ hang: { count: 5 } });
    const client = clientFor(server(), { timeoutMs: 300 });
    await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), (e: unknown) => {
      const error = e as { kind: string; message: string };
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /did not answer within 0\.3 s/);
      return true;
    });
    assert.equal(server().requests.length, 1);
  });

  it('applies the timeout to each request of the client, not only the first', async () => {
    const client = clientFor(server(), { timeoutMs: 300 });
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    server().setFaults({ hang: { count: 1 } });
    await assert.rejects(client.listMetadata(WEB_01), { kind: 'timeout' });
  });

  it('applies the timeout to the IAM token request too', async () => {
    // IAM answers after 1.5 s: too late for a 0.3 s timeout, but a client without one would get its token.
    const iam = await startAdHocServer((_req, res) => {
      setTimeout(() => {
        if (res.destroyed) return;
        answerToken(res, 'MIITslow-token');
      }, 1500);
    });
    try {
      const s = server();
      const client = clientFor(s, { authType: 'password', iamEndpoint: iam.url, timeoutMs: 300 });
      await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), { kind: 'timeout' });
      assert.equal(apiRequests(s).length, 0);
    } finally {
      await iam.close();
    }
  });

  it('cancels an in-flight request through the signal: kind cancelled, no retry', async () => {
    server().setFaults({ hang: { count: 5 } });
    const controller = new AbortController();
    const events: RequestEvent[] = [];
    const pending = clientFor(server(), { onRequest: (e) => events.push(e) }).getMetadataItem(
      WEB_01,
      'owner',
      {
        signal: controller.signal,
      },
    );
    await requestsArrived(() => server().requests.length, 1);
    controller.abort();
    await assert.rejects(pending, { kind: 'cancelled' });
    assert.equal(server().requests.length, 1);
    assert.deepEqual(
      events.map((e) => [e.error, e.retryInMs]),
      [['cancelled', undefined]],
    );
  });

  it('makes no request at all with an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      clientFor(server(), { authType: 'password' }).getMetadataItem(WEB_01, 'owner', {
        signal: controller.signal,
      }),
      { kind: 'cancelled' },
    );
    assert.equal(server().requests.length, 0);
  });

  it('cancels during the wait before a retry, and no further attempt is made', async () => {
    server().setFaults({ throttle: { count: 1, retryAfterSeconds: 5 } });
    const controller = new AbortController();
    const pending = clientFor(server(), {
      onRequest: (e) => {
        if (e.retryInMs) controller.abort();
      },
    }).getMetadataItem(WEB_01, 'owner', { signal: controller.signal });
    await assert.rejects(pending, { kind: 'cancelled' });
    assert.equal(apiRequests(server()).length, 1);
  });

  it('a caller cancelling while its token is being issued stops waiting at once', async () => {
    let release: (() => void) | undefined;
    const iam = await startAdHocServer((_req, res) => {
      release = () => {
        if (res.destroyed) return;
        answerToken(res, 'MIITheld-token');
      };
    });
    try {
      const s = server();
      const client = clientFor(s, { authType: 'password', iamEndpoint: iam.url });
      const controller = new AbortController();
      const pending = client.getMetadataItem(WEB_01, 'owner', { signal: controller.signal });
      await requestsArrived(() => iam.hits, 1);
      controller.abort();
      // IAM still holds the token back: the cancelled caller must not wait for it.
      const outcome = await Promise.race([
        pending.then(
          () => 'resolved',
          (e: unknown) => (e as { kind?: string }).kind,
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1000)),
      ]);
      assert.equal(outcome, 'cancelled');
    } finally {
      release?.();
      await iam.close();
    }
  });

  it('one caller cancelling does not fail others waiting on the same token request', async () => {
    const client = clientFor(server(), { authType: 'password' });
    const controller = new AbortController();
    const cancelled = client.getMetadataItem(WEB_01, 'owner', { signal: controller.signal });
    const other = client.getMetadataItem(WEB_01, 'env');
    controller.abort();
    await assert.rejects(cancelled, { kind: 'cancelled' });
    assert.equal(await other, 'production');
    assert.equal(iamTokenRequests(server()), 1);
  });
});
