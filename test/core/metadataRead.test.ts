import * as assert from 'node:assert/strict';
import { AUTH_TYPES, UNKNOWN_SERVER, WEB_01, apiRequests, clientFor, useEcsServer } from './fixtures';

describe('reading metadata', () => {
  const server = useEcsServer();

  for (const authType of AUTH_TYPES) {
    it(`reads one key with ${authType} auth via GET /v2.1/{project}/servers/{id}/metadata/{key}`, async () => {
      const client = clientFor(server(), { authType });
      assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
      const [request] = apiRequests(server());
      assert.equal(request.method, 'GET');
      assert.equal(request.path, `/v2.1/${server().projectId}/servers/${WEB_01}/metadata/owner`);
      assert.equal(request.status, 200);
    });
  }

  it('sends the key percent-encoded exactly once in the path (app:tier travels as app%3Atier)', async () => {
    assert.equal(await clientFor(server()).getMetadataItem(WEB_01, 'app:tier'), 'frontend');
    assert.equal(
      apiRequests(server())[0].path,
      `/v2.1/${server().projectId}/servers/${WEB_01}/metadata/app%3Atier`,
    );
  });

  it('returns the value exactly, markup and JSON included', async () => {
    const client = clientFor(server());
    assert.equal(await client.getMetadataItem(WEB_01, 'note'), '<img src=x onerror=alert(1)>');
    assert.deepEqual(JSON.parse(await client.getMetadataItem(WEB_01, 'config')), {
      port: 8080,
      workers: 4,
      features: ['gzip', 'http2'],
    });
  });

  it('reports the request id and the route family with readMetadataItem', async () => {
    const read = await clientFor(server()).readMetadataItem(WEB_01, 'env');
    assert.equal(read.value, 'production');
    assert.equal(read.api, 'nova');
    assert.match(read.requestId ?? '', /^[0-9a-f]{32}$/);
  });

  it('sees a value changed on the server (no caching of values)', async () => {
    const client = clientFor(server());
    server().setMetadata(WEB_01, 'fresh', 'one');
    assert.equal(await client.getMetadataItem(WEB_01, 'fresh'), 'one');
    server().setMetadata(WEB_01, 'fresh', 'two');
    assert.equal(await client.getMetadataItem(WEB_01, 'fresh'), 'two');
  });

  it('lists all metadata of a server via GET .../metadata', async () => {
    const metadata = await clientFor(server()).listMetadata(WEB_01);
    assert.equal(metadata.owner, 'team-web');
    assert.equal(metadata['app:tier'], 'frontend');
    assert.equal(apiRequests(server())[0].path, `/v2.1/${server().projectId}/servers/${WEB_01}/metadata`);
  });

  it('reads name and status of one server via GET /v2.1/{project}/servers/{id}', async () => {
    assert.deepEqual(await clientFor(server()).getServer(WEB_01), {
      id: WEB_01,
      name: 'web-01',
      status: 'ACTIVE',
    });
  });

  it('says keyNotFound (with the request id) for a key the server does not have', async () => {
    await assert.rejects(clientFor(server()).getMetadataItem(WEB_01, 'missing-key'), (error: unknown) => {
      const e = error as { kind: string; status: number; code: string; requestId: string; message: string };
      assert.equal(e.kind, 'keyNotFound');
      assert.equal(e.status, 404);
      assert.equal(e.code, 'itemNotFound');
      assert.ok(e.requestId);
      assert.ok(e.message.includes('missing-key') && e.message.includes(e.requestId), e.message);
      return true;
    });
  });

  it('says serverNotFound for an unknown server, on every call', async () => {
    const client = clientFor(server());
    await assert.rejects(client.getMetadataItem(UNKNOWN_SERVER, 'owner'), {
      kind: 'serverNotFound',
      status: 404,
    });
    await assert.rejects(client.listMetadata(UNKNOWN_SERVER), { kind: 'serverNotFound' });
    await assert.rejects(client.getServer(UNKNOWN_SERVER), { kind: 'serverNotFound' });
  });

  it('says invalidInput when the project id is not the credentials’ project (400 badRequest)', async () => {
    const client = clientFor(server(), { authType: 'token', projectId: 'ffffffffffffffffffffffffffffffff' });
    await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), { kind: 'invalidInput', status: 400 });
  });
});
