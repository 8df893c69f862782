import * as assert from 'node:assert/strict';
import { WEB_01, apiRequests, clientFor, startAdHocServer, useEcsServer } from './fixtures';

describe('answers that cannot be trusted', () => {
  const server = useEcsServer();

  it('refuses a body larger than maxResponseBytes with badResponse, without retrying', async () => {
    server().setFaults({ oversizedBody: { count: 1, bytes: 200_000 } });
    const client = clientFor(server(), { maxResponseBytes: 64 * 1024 });
    await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), (e: unknown) => {
      const error = e as { kind: string; message: string };
      assert.equal(error.kind, 'badResponse');
      assert.match(error.message, /larger than 65536 bytes/);
      return true;
    });
    assert.equal(apiRequests(server()).length, 1);
  });

  it('reads a large body below the cap (the cap is what stops the one above)', async () => {
    server().setFaults({ oversizedBody: { count: 1, bytes: 200_000 } });
    const client = clientFor(server(), { maxResponseBytes: 1024 * 1024 });
    // The padded body is read whole and is valid JSON, so what fails is the shape check, not the size.
    await assert.rejects(client.listServers(), (e: unknown) => {
      assert.match((e as Error).message, /unexpected shape: no "servers" list/);
      return true;
    });
  });

  it('applies the size cap to the IAM token answer too', async () => {
    const iam = await startAdHocServer((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json', 'X-Subject-Token': 'MIIThuge-answer-token' });
      res.end(
        JSON.stringify({
          token: { expires_at: '2999-01-01T00:00:00.000000Z', catalog: 'x'.repeat(200_000) },
        }),
      );
    });
    try {
      const s = server();
      const client = clientFor(s, {
        authType: 'password',
        iamEndpoint: iam.url,
        maxResponseBytes: 64 * 1024,
      });
      await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), (e: unknown) => {
        const error = e as { kind: string; message: string };
        assert.equal(error.kind, 'badResponse');
        assert.match(error.message, /larger than 65536 bytes/);
        return true;
      });
      assert.equal(apiRequests(s).length, 0);
    } finally {
      await iam.close();
    }
  });

  it('says badResponse for truncated JSON, and does not retry it', async () => {
    server().setFaults({ malformedJson: { count: 1 } });
    await assert.rejects(clientFor(server()).getMetadataItem(WEB_01, 'owner'), (e: unknown) => {
      const error = e as { kind: string; message: string; requestId?: string };
      assert.equal(error.kind, 'badResponse');
      assert.match(error.message, /not valid JSON/);
      assert.ok(error.requestId);
      return true;
    });
    assert.equal(apiRequests(server()).length, 1);
  });
});
