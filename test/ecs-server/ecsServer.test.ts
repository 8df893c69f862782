/** The local ECS server's routes, answer headers, request log, connection counter and lifecycle. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEcsServer, type EcsServerHandle, type SeedData } from './index';
import { json, send, type Answer } from './testHttp';

const WEB_01 = '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('local ECS server: routes and lifecycle', () => {
  let server: EcsServerHandle;
  let token: Record<string, string>;
  const api = (rest: string): string => `/v2.1/${server.projectId}${rest}`;
  const get = (p: string, headers = token): Promise<Answer> => send(server.url, p, { headers });

  before(async () => {
    server = await startEcsServer();
    token = { 'X-Auth-Token': server.credentials.token };
  });
  after(() => server.close());
  beforeEach(() => {
    server.resetFaults();
    server.clearRequests();
  });

  it('serves the sample seed by default: project, region and the stable sample server ids', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(server.projectId, /^[0-9a-f]{32}$/);
    assert.equal(server.region, 'local-1');
    const names = server.seed.servers.map((s) => s.name);
    assert.ok(names.includes('web-01') && names.includes('db-primary') && names.includes('日志服务器'));
    assert.deepEqual(
      new Set(server.seed.servers.map((s) => s.status)),
      new Set(['ACTIVE', 'SHUTOFF', 'ERROR', 'BUILD']),
    );
    assert.equal(server.seed.servers[0].id, WEB_01);
  });

  it('answers a metadata item as {"meta":{key:value}}, the key given percent-encoded', async () => {
    const answer = await get(api(`/servers/${WEB_01}/metadata/app%3Atier`));
    assert.equal(answer.status, 200);
    assert.deepEqual(json(answer), { meta: { 'app:tier': 'frontend' } });
  });

  it('keeps the markup-looking note value as plain data', async () => {
    const answer = await get(api(`/servers/${WEB_01}/metadata/note`));
    assert.deepEqual(json(answer), { meta: { note: '<img src=x onerror=alert(1)>' } });
  });

  it('answers a missing key with Nova 404 "Metadata item was not found"', async () => {
    const answer = await get(api(`/servers/${WEB_01}/metadata/no-such-key`));
    assert.equal(answer.status, 404);
    assert.deepEqual(json(answer), { itemNotFound: { code: 404, message: 'Metadata item was not found' } });
  });

  it('answers an unknown server with Nova 404 "Instance <id> could not be found."', async () => {
    for (const p of [
      `/servers/${UNKNOWN}/metadata/owner`,
      `/servers/${UNKNOWN}/metadata`,
      `/servers/${UNKNOWN}`,
    ]) {
      const answer = await get(api(p));
      assert.equal(answer.status, 404, p);
      assert.deepEqual(json(answer), {
        itemNotFound: { code: 404, message: `Instance ${UNKNOWN} could not be found.` },
      });
    }
  });

  it('lists all metadata, shows a server, and shows it on the native route too', async () => {
    const seeded = server.seed.servers[0].metadata;
    assert.deepEqual(json(await get(api(`/servers/${WEB_01}/metadata`))), { metadata: seeded });
    const shown = json(await get(api(`/servers/${WEB_01}`))).server as Record<string, unknown>;
    assert.equal(shown.name, 'web-01');
    assert.equal(shown.status, 'ACTIVE');
    assert.deepEqual(shown.metadata, seeded);
    const native = await get(`/v1/${server.projectId}/cloudservers/${WEB_01}`);
    assert.equal(native.status, 200);
    assert.deepEqual((json(native).server as Record<string, unknown>).metadata, seeded);
    const nativeMissing = await get(`/v1/${server.projectId}/cloudservers/${UNKNOWN}`);
    assert.equal(nativeMissing.status, 404);
    assert.equal((json(nativeMissing).error as Record<string, unknown>).code, 'Ecs.0114');
  });

  it('serves the native detail list with limit and page-number offset', async () => {
    const page2 = json(await get(`/v1/${server.projectId}/cloudservers/detail?limit=4&offset=2`));
    assert.equal(page2.count, server.seed.servers.length);
    assert.deepEqual(
      (page2.servers as { id: string }[]).map((s) => s.id),
      server.seed.servers.slice(4, 8).map((s) => s.id),
    );
  });

  it('reflects setMetadata immediately', async () => {
    server.setMetadata(WEB_01, 'owner', 'someone-else');
    assert.deepEqual(json(await get(api(`/servers/${WEB_01}/metadata/owner`))), {
      meta: { owner: 'someone-else' },
    });
    server.setMetadata(WEB_01, 'owner', 'team-web');
  });

  it('puts a 32-hex X-Request-Id and application/json on every answer, errors included', async () => {
    const answers = [
      await get(api(`/servers/${WEB_01}/metadata/owner`)),
      await get(api(`/servers/${WEB_01}/metadata/missing`)),
      await get('/nowhere'),
      await get(api('/servers'), {}),
    ];
    const ids = answers.map((a) => a.headers['x-request-id']);
    for (const [i, a] of answers.entries()) {
      assert.match(String(a.headers['x-request-id']), /^[0-9a-f]{32}$/, `answer ${i}`);
      assert.equal(a.headers['content-type'], 'application/json');
    }
    assert.equal(new Set(ids).size, ids.length, 'request ids are unique');
  });

  it('answers an unknown route with the gateway 404 APIGW.0101 carrying the request id', async () => {
    for (const [method, p] of [
      ['GET', '/nowhere'],
      ['GET', api('/servers/x/y/z/w')],
      ['PATCH', api(`/servers/${WEB_01}/metadata/owner`)],
      ['POST', api(`/servers/${WEB_01}/metadata/owner`)],
    ]) {
      const answer = await send(server.url, p, { method, headers: token });
      assert.equal(answer.status, 404, `${method} ${p}`);
      assert.deepEqual(json(answer), {
        error_code: 'APIGW.0101',
        error_msg: 'The API does not exist or has not been published in the environment',
        request_id: answer.headers['x-request-id'],
      });
    }
  });

  it('answers a URL project that is not the caller’s with 400 badRequest', async () => {
    const other = 'ffffffffffffffffffffffffffffffff';
    const answer = await get(`/v2.1/${other}/servers/${WEB_01}/metadata/owner`);
    assert.equal(answer.status, 400);
    assert.equal((json(answer).badRequest as Record<string, unknown>).code, 400);
  });

  it('requires authentication: no credential gives 401', async () => {
    const answer = await get(api(`/servers/${WEB_01}/metadata/owner`), {});
    assert.equal(answer.status, 401);
    assert.ok('unauthorized' in json(answer));
  });

  it('logs every API and IAM request in order with raw path, query, headers, status and connection', async () => {
    await get(api(`/servers/${WEB_01}/metadata/app%3Atier`));
    await get(api('/servers?limit=2&name=web'));
    await send(server.url, '/v3/projects?name=local-1', { headers: token });
    await send(server.url, '/__control/reset', { method: 'POST' });
    assert.deepEqual(
      server.requests.map((r) => [r.method, r.path, r.query, r.status]),
      [
        ['GET', api(`/servers/${WEB_01}/metadata/app%3Atier`), '', 200],
        ['GET', api('/servers'), 'limit=2&name=web', 200],
        ['GET', '/v3/projects', 'name=local-1', 200],
      ],
      'control calls are not logged',
    );
    assert.equal(server.requests[0].headers['x-auth-token'], server.credentials.token);
    assert.ok(server.requests.every((r) => r.connectionId > 0));
    server.clearRequests();
    assert.equal(server.requests.length, 0);
  });

  it('counts TCP connections: a keep-alive agent reuses one, agent-less requests open one each', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const before = server.connectionsOpened();
      for (let i = 0; i < 3; i++) await send(server.url, api('/servers'), { headers: token, agent });
      assert.equal(server.connectionsOpened(), before + 1);
      const ids = new Set(server.requests.map((r) => r.connectionId));
      assert.equal(ids.size, 1);
      server.clearRequests();
      for (let i = 0; i < 2; i++)
        await send(server.url, api('/servers'), { headers: { ...token, Connection: 'close' } });
      assert.equal(server.connectionsOpened(), before + 3);
      const [a, b] = server.requests.map((r) => r.connectionId);
      assert.notEqual(a, b);
    } finally {
      agent.destroy();
    }
  });
});

describe('local ECS server: startup, seed and close', () => {
  it('closes promptly while a keep-alive socket is open and refuses connections afterwards', async () => {
    const server = await startEcsServer();
    const agent = new http.Agent({ keepAlive: true });
    await send(server.url, '/nowhere', { agent });
    await server.close();
    await assert.rejects(send(server.url, '/nowhere'), /ECONNREFUSED/);
    await server.close(); // a second close is harmless
    agent.destroy();
  });

  it('starts from a seed file or object and rejects an invalid seed with a reason', async () => {
    const seed: SeedData = {
      projectId: 'a'.repeat(32),
      region: 'test-9',
      servers: [
        { id: 'b1b1b1b1-0000-4000-8000-000000000001', name: 'only', status: 'ACTIVE', metadata: { k: 'v' } },
      ],
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-seed-')), 'seed.json');
    fs.writeFileSync(file, JSON.stringify(seed));
    for (const option of [file, seed]) {
      const server = await startEcsServer({ seed: option });
      try {
        assert.equal(server.projectId, seed.projectId);
        assert.equal(server.region, 'test-9');
        const answer = await send(
          server.url,
          `/v2.1/${seed.projectId}/servers/${seed.servers[0].id}/metadata/k`,
          {
            headers: { 'X-Auth-Token': server.credentials.token },
          },
        );
        assert.deepEqual(json(answer), { meta: { k: 'v' } });
      } finally {
        await server.close();
      }
    }
    await assert.rejects(
      startEcsServer({ seed: { ...seed, projectId: 'nope' } }),
      /projectId must be 32 hex/,
    );
    const dup = { ...seed, servers: [seed.servers[0], seed.servers[0]] };
    await assert.rejects(startEcsServer({ seed: dup }), /duplicate/);
  });
});
