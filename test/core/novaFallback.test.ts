import * as assert from 'node:assert/strict';
import { createEcsClient } from '../../src/core';
import {
  UNKNOWN_SERVER,
  WEB_01,
  apiRequests,
  clientFor,
  rejectionOf,
  startAdHocServer,
  useEcsServer,
} from './fixtures';

const isNative = (path: string): boolean => path.includes('/cloudservers/');
const isNova = (path: string): boolean => path.startsWith('/v2.1/');

describe('Nova route with native fallback (metadataApi)', () => {
  const server = useEcsServer();

  it("'auto' falls back to GET /v1/{project}/cloudservers/{id} when the Nova route is gone", async () => {
    server().setFaults({ novaGone: true });
    const client = clientFor(server());
    const read = await client.readMetadataItem(WEB_01, 'owner');
    assert.deepEqual({ value: read.value, api: read.api }, { value: 'team-web', api: 'native' });
    const paths = apiRequests(server()).map((r) => r.path);
    assert.equal(paths.length, 2);
    assert.ok(isNova(paths[0]));
    assert.equal(paths[1], `/v1/${server().projectId}/cloudservers/${WEB_01}`);
  });

  it("'auto' remembers the fallback: later calls go native directly", async () => {
    server().setFaults({ novaGone: true });
    const client = clientFor(server());
    await client.getMetadataItem(WEB_01, 'owner');
    server().clearRequests();
    assert.equal(await client.getMetadataItem(WEB_01, 'env'), 'production');
    assert.equal((await client.listMetadata(WEB_01)).owner, 'team-web');
    const paths = apiRequests(server()).map((r) => r.path);
    assert.equal(paths.length, 2);
    assert.ok(paths.every(isNative), paths.join(' '));
  });

  it("'auto' lists metadata from server.metadata of the native route when Nova is gone", async () => {
    server().setFaults({ novaGone: true });
    const metadata = await clientFor(server()).listMetadata(WEB_01);
    assert.equal(metadata['app:tier'], 'frontend');
  });

  it('a missing key is keyNotFound and never triggers the fallback', async () => {
    const client = clientFor(server());
    await assert.rejects(client.getMetadataItem(WEB_01, 'missing'), { kind: 'keyNotFound' });
    assert.equal(apiRequests(server()).length, 1);
    // And the client still uses Nova afterwards.
    await client.getMetadataItem(WEB_01, 'owner');
    assert.ok(apiRequests(server()).every((r) => isNova(r.path)));
  });

  it('an unknown server is serverNotFound and never triggers the fallback', async () => {
    const client = clientFor(server());
    await assert.rejects(client.getMetadataItem(UNKNOWN_SERVER, 'owner'), { kind: 'serverNotFound' });
    await assert.rejects(client.listMetadata(UNKNOWN_SERVER), { kind: 'serverNotFound' });
    assert.equal(apiRequests(server()).length, 2);
    // A mistyped server id must not switch the client to the native route for good.
    await client.getMetadataItem(WEB_01, 'owner');
    assert.ok(apiRequests(server()).every((r) => isNova(r.path)));
  });

  it("'auto' falls back when the Nova route answers 410 Gone", async () => {
    const gone = await startAdHocServer((req, res) => {
      if (req.url?.startsWith('/v2.1/')) {
        res.writeHead(410, { 'Content-Type': 'application/json' });
        res.end('{"error_code":"APIGW.0410","error_msg":"This API is no longer offered."}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ server: { id: WEB_01, name: 'web-01', metadata: { owner: 'team-web' } } }));
    });
    try {
      const client = createEcsClient({
        endpoint: gone.url,
        projectId: server().projectId,
        auth: { type: 'token', token: 'MIITgone-test-token' },
      });
      const read = await client.readMetadataItem(WEB_01, 'owner');
      assert.deepEqual({ value: read.value, api: read.api }, { value: 'team-web', api: 'native' });
      assert.equal(gone.hits, 2);
    } finally {
      await gone.close();
    }
  });

  it('a missing key is keyNotFound on the native route too', async () => {
    server().setFaults({ novaGone: true });
    await assert.rejects(clientFor(server()).getMetadataItem(WEB_01, 'missing'), (e: unknown) => {
      assert.equal((e as { kind: string }).kind, 'keyNotFound');
      assert.ok((e as { requestId?: string }).requestId);
      return true;
    });
  });

  it("'nova' never falls back: a gone route is an error that says so", async () => {
    server().setFaults({ novaGone: true });
    const error = (await rejectionOf(
      clientFor(server(), { metadataApi: 'nova' }).getMetadataItem(WEB_01, 'owner'),
    )) as { status: number; code: string; message: string };
    assert.equal(error.status, 404);
    assert.equal(error.code, 'APIGW.0101');
    assert.match(error.message, /endpoint/);
    assert.equal(apiRequests(server()).length, 1);
  });

  it("'native' always uses the native route, even while Nova works", async () => {
    const client = clientFor(server(), { metadataApi: 'native' });
    const read = await client.readMetadataItem(WEB_01, 'owner');
    assert.equal(read.api, 'native');
    await client.listMetadata(WEB_01);
    assert.ok(apiRequests(server()).every((r) => isNative(r.path)));
  });
});
