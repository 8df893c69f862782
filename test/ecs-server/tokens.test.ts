/** IAM password login, token use, early expiry, and project lookup. */
import * as assert from 'node:assert/strict';
import { startEcsServer, type EcsServerHandle } from './index';
import { json, officialSignedHeaders, send, type Answer } from './testHttp';
import { passwordTokenBody } from './iamBodies';

const WEB_01 = '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11';

describe('local ECS server: IAM tokens', () => {
  let server: EcsServerHandle;
  const item = (): string => `/v2.1/${server.projectId}/servers/${WEB_01}/metadata/owner`;

  before(async () => {
    server = await startEcsServer();
  });
  after(() => server.close());

  function login(overrides: { password?: string; scope?: object; query?: string } = {}): Promise<Answer> {
    const { credentials } = server;
    const signIn = { ...credentials, password: overrides.password ?? credentials.password };
    const body = passwordTokenBody(signIn, { id: server.projectId }) as { auth: { scope?: object } };
    if (overrides.scope) body.auth.scope = overrides.scope;
    return send(server.url, `/v3/auth/tokens${overrides.query ?? ''}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  const withToken = (token: string, p = item()): Promise<Answer> =>
    send(server.url, p, { headers: { 'X-Auth-Token': token } });

  it('issues a project-scoped token: 201, X-Subject-Token, expires_at about 24 h ahead, project id', async () => {
    const answer = await login();
    assert.equal(answer.status, 201);
    const token = answer.headers['x-subject-token'];
    assert.equal(typeof token, 'string');
    assert.ok(String(token).length > 100);
    const body = json(answer).token as Record<string, unknown>;
    const hoursAhead = (Date.parse(String(body.expires_at)) - Date.now()) / 3_600_000;
    assert.ok(hoursAhead > 23.9 && hoursAhead <= 24, `expires_at ${String(body.expires_at)}`);
    assert.deepEqual((body.project as Record<string, unknown>).id, server.projectId);
    assert.deepEqual(body.methods, ['password']);
    assert.equal((await withToken(String(token))).status, 200);
  });

  it('scopes by project name (the region) as Huawei does, and trims the catalog on request', async () => {
    const answer = await login({ scope: { project: { name: 'local-1' } }, query: '?nocatalog=true' });
    assert.equal(answer.status, 201);
    const body = json(answer).token as Record<string, unknown>;
    assert.equal((body.project as Record<string, unknown>).id, server.projectId);
    assert.equal(body.catalog, undefined);
  });

  it('answers with a Keystone-shaped service catalog unless nocatalog=true: public compute of its region is itself', async () => {
    const body = json(await login()).token as {
      catalog: { type: string; endpoints: Record<string, string>[] }[];
    };
    const compute = body.catalog.find((s) => s.type === 'compute');
    const publicHere = compute?.endpoints.filter(
      (e) => e.interface === 'public' && e.region_id === 'local-1',
    );
    assert.deepEqual(
      publicHere?.map((e) => e.url),
      [`${server.url}/v2.1/${server.projectId}`],
    );
    assert.ok((compute?.endpoints.length ?? 0) > 1, 'other interfaces and regions are listed too');
  });

  it('describes a token on GET /v3/auth/tokens (X-Subject-Token), catalog included', async () => {
    const token = server.credentials.token;
    const answer = await send(server.url, '/v3/auth/tokens', {
      headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
    });
    assert.equal(answer.status, 200);
    const body = json(answer).token as { project: { id: string }; catalog: unknown[] };
    assert.equal(body.project.id, server.projectId);
    assert.ok(Array.isArray(body.catalog));
    const unknown = await send(server.url, '/v3/auth/tokens', {
      headers: { 'X-Auth-Token': token, 'X-Subject-Token': 'MIITnot-issued' },
    });
    assert.equal(unknown.status, 404);
  });

  it('answers a wrong password or unknown project with the Keystone 401 shape', async () => {
    for (const answer of [
      await login({ password: 'wrong' }),
      await login({ scope: { project: { name: 'cn-north-4' } } }),
      await login({ scope: { project: { id: 'f'.repeat(32) } } }),
    ]) {
      assert.equal(answer.status, 401);
      assert.equal(answer.headers['x-subject-token'], undefined);
      assert.deepEqual(json(answer), {
        error: {
          code: 401,
          title: 'Unauthorized',
          message: 'The request you have made requires authentication.',
        },
      });
      assert.ok(!answer.text.includes('wrong'), 'the password is not echoed');
    }
  });

  it('answers a body that is not a login with 400', async () => {
    const answer = await send(server.url, '/v3/auth/tokens', { method: 'POST', body: '{"auth":' });
    assert.equal(answer.status, 400);
  });

  it('expireTokens() turns issued tokens away with 401, while new logins and the static token work', async () => {
    const before = String((await login()).headers['x-subject-token']);
    assert.equal((await withToken(before)).status, 200);
    server.expireTokens();
    const rejected = await withToken(before);
    assert.equal(rejected.status, 401);
    assert.deepEqual(json(rejected), {
      unauthorized: { code: 401, message: 'The request you have made requires authentication.' },
    });
    const after = String((await login()).headers['x-subject-token']);
    assert.notEqual(after, before);
    assert.equal((await withToken(after)).status, 200);
    assert.equal((await withToken(server.credentials.token)).status, 200);
  });

  it('rejects a made-up token and an unscoped token on ECS routes', async () => {
    assert.equal((await withToken('MIITnot-a-token')).status, 401);
    const unscoped = await login({ scope: {} });
    // `scope: {}` names no project: the token is unscoped.
    assert.equal(unscoped.status, 201);
    assert.equal((json(unscoped).token as Record<string, unknown>).project, undefined);
    assert.equal((await withToken(String(unscoped.headers['x-subject-token']))).status, 401);
  });

  it('answers 400 badRequest when the URL project is not the token’s', async () => {
    const token = String((await login()).headers['x-subject-token']);
    const answer = await withToken(token, `/v2.1/${'e'.repeat(32)}/servers/${WEB_01}/metadata/owner`);
    assert.equal(answer.status, 400);
    assert.ok('badRequest' in json(answer));
  });

  it('finds the project id from the region name', async () => {
    const token = server.credentials.token;
    const found = json(await withToken(token, '/v3/projects?name=local-1'));
    assert.deepEqual(
      (found.projects as { id: string; name: string }[]).map((p) => [p.id, p.name]),
      [[server.projectId, 'local-1']],
    );
    const none = json(await withToken(token, '/v3/projects?name=cn-north-4'));
    assert.deepEqual(none.projects, []);
    assert.equal((await send(server.url, '/v3/projects?name=local-1')).status, 401);
    // IAM is a global service: AK/SK without X-Project-Id is enough there.
    const headers = officialSignedHeaders({
      baseUrl: server.url,
      path: '/v3/projects',
      query: { name: 'local-1' },
      accessKey: server.credentials.accessKey,
      secretKey: server.credentials.secretKey,
    });
    const signed = await send(server.url, '/v3/projects?name=local-1', { headers });
    assert.equal(signed.status, 200, signed.text);
  });
});
