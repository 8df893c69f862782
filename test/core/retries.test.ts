import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { createEcsClient, destroyAgents, type RequestEvent } from '../../src/core';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from '../../src/core/retryPolicy';
import { WEB_01, apiRequests, clientFor, rejectionOf, startAdHocServer, useEcsServer } from './fixtures';

describe('retries of idempotent GETs', () => {
  const server = useEcsServer();

  function recordingClient(maxAttempts?: number) {
    const events: RequestEvent[] = [];
    const client = clientFor(server(), {
      onRequest: (e) => events.push(e),
      ...(maxAttempts ? { maxAttempts } : {}),
    });
    return { client, events };
  }

  it('retries a 429 with Retry-After after exactly the seconds asked', async () => {
    server().setFaults({ throttle: { count: 1, retryAfterSeconds: 1 } });
    const { client, events } = recordingClient();
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.deepEqual(
      events.map((e) => [e.attempt, e.status, e.error, e.retryInMs]),
      [
        [1, 429, 'throttled', 1000],
        [2, 200, undefined, undefined],
      ],
    );
  });

  it('retries a 429 without Retry-After after a jittered backoff', async () => {
    server().setFaults({ throttle: { count: 1 } });
    const { client, events } = recordingClient();
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.equal(events.length, 2);
    const wait = events[0].retryInMs ?? -1;
    assert.ok(wait >= 0 && wait < 200, `first backoff ${wait} ms`);
  });

  for (const status of [502, 503, 504] as const) {
    it(`retries a ${status}`, async () => {
      server().setFaults({ serverError: { count: 1, status } });
      assert.equal(await clientFor(server()).getMetadataItem(WEB_01, 'owner'), 'team-web');
      assert.deepEqual(
        apiRequests(server()).map((r) => r.status),
        [status, 200],
      );
    });
  }

  it('retries a 502 HTML gateway page', async () => {
    server().setFaults({ htmlError: { count: 1 } });
    assert.equal(await clientFor(server()).getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.equal(apiRequests(server()).length, 2);
  });

  it('retries after a connection reset (network error)', async () => {
    // On a new connection: a reset on a reused one is resent at once instead (droppedConnections.test.ts).
    destroyAgents();
    server().setFaults({ reset: { count: 1 } });
    const { client, events } = recordingClient();
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.equal(events[0].error, 'network');
    assert.equal(events[0].status, undefined);
    assert.equal(events[1].status, 200);
  });

  it('retries a refused connection, then says network with the system code', async () => {
    const closed = await startAdHocServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const events: RequestEvent[] = [];
    const client = createEcsClient({
      endpoint: url,
      projectId: server().projectId,
      auth: { type: 'token', token: server().credentials.token },
      onRequest: (e) => events.push(e),
    });
    await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), { kind: 'network', code: 'ECONNREFUSED' });
    assert.deepEqual(
      events.map((e) => [e.attempt, e.error]),
      [
        [1, 'network'],
        [2, 'network'],
        [3, 'network'],
      ],
    );
  });

  it('does not retry a failure that is not a reset or refusal (a TLS handshake with a plain-HTTP server)', async () => {
    const sockets = new Set<net.Socket>();
    const plain = net.createServer((socket) => {
      sockets.add(socket);
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = plain.address() as net.AddressInfo;
      const client = createEcsClient({
        endpoint: `https://127.0.0.1:${port}`,
        projectId: server().projectId,
        auth: { type: 'token', token: server().credentials.token },
        maxAttempts: 3,
      });
      await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), { kind: 'network' });
      assert.equal(sockets.size, 1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });

  it('gives up after maxAttempts and reports the last error', async () => {
    server().setFaults({ serverError: { count: 10, status: 503 } });
    const error = (await rejectionOf(recordingClient(3).client.getMetadataItem(WEB_01, 'owner'))) as {
      kind: string;
      status: number;
    };
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 503);
    assert.equal(apiRequests(server()).length, 3);
  });

  it('makes one attempt only with maxAttempts 1', async () => {
    destroyAgents();
    server().setFaults({ reset: { count: 5 } });
    await assert.rejects(recordingClient(1).client.getMetadataItem(WEB_01, 'owner'), { kind: 'network' });
    assert.equal(server().requests.length, 1);
  });

  for (const [what, status] of [
    ['500', 500],
    ['a missing key (404)', 404],
  ] as const) {
    it(`does not retry ${what}`, async () => {
      if (status === 500) server().setFaults({ serverError: { count: 5, status } });
      const key = status === 404 ? 'missing' : 'owner';
      await assert.rejects(clientFor(server()).getMetadataItem(WEB_01, key));
      assert.equal(apiRequests(server()).length, 1);
    });
  }

  it('does not retry a rejected signature (401)', async () => {
    const s = server();
    const client = clientFor(s, {
      auth: { type: 'aksk', accessKey: s.credentials.accessKey, secretKey: 'definitely-wrong-sk' },
    });
    await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), { kind: 'auth' });
    assert.equal(s.requests.length, 1);
  });

  describe('policy', () => {
    it('reads Retry-After as seconds or as an HTTP date', () => {
      const now = new Date('2024-01-01T00:00:00Z');
      assert.equal(parseRetryAfter('3', now), 3000);
      assert.equal(parseRetryAfter('Mon, 01 Jan 2024 00:00:05 GMT', now), 5000);
      assert.equal(parseRetryAfter('soon', now), undefined);
      assert.equal(parseRetryAfter(undefined, now), undefined);
    });

    it('caps Retry-After and grows the backoff ceiling exponentially, full jitter below it', () => {
      assert.equal(retryDelayMs(1, 3_600_000), MAX_RETRY_AFTER_MS);
      const ceilings = [1, 2, 3, 4, 5, 6, 7].map((attempt) =>
        retryDelayMs(attempt, undefined, () => 0.999999),
      );
      assert.deepEqual(ceilings, [199, 399, 799, 1599, 3199, 3999, 3999]);
      assert.equal(
        retryDelayMs(3, undefined, () => 0),
        0,
      );
    });
  });
});
