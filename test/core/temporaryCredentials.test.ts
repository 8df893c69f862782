import * as assert from 'node:assert/strict';
import { createEcsClient, type EcsClientOptions } from '../../src/core';
import { WEB_01, apiRequests, iamTokenRequests, useEcsServer } from './fixtures';
import type { EcsServerHandle } from '../ecs-server';

const SECURITY_TOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

function temporaryClient(server: EcsServerHandle, extra: Partial<EcsClientOptions> = {}) {
  const c = server.credentials;
  return createEcsClient({
    endpoint: server.url,
    projectId: server.projectId,
    auth: {
      type: 'temporary',
      iamEndpoint: server.url,
      domain: c.domain,
      user: c.user,
      password: c.password,
      durationSeconds: 900,
    },
    ...extra,
  });
}

const securityTokenRequests = (server: EcsServerHandle): number =>
  server.requests.filter((r) => r.method === 'POST' && r.path === SECURITY_TOKENS).length;

describe('auth "temporary": temporary AK/SK from securitytokens', () => {
  const server = useEcsServer();

  it('obtains temporary AK/SK with a token and signs API calls with them, X-Security-Token signed', async () => {
    const client = temporaryClient(server());
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    const [token, temporary, api] = server().requests;
    assert.equal(token.path, '/v3/auth/tokens');
    assert.equal(temporary.path, SECURITY_TOKENS);
    assert.equal(temporary.status, 201);
    assert.equal(api.status, 200);
    assert.match(api.headers.authorization, /^SDK-HMAC-SHA256 Access=TMP/);
    assert.match(api.headers.authorization, /x-security-token/);
    assert.equal(api.headers['x-auth-token'], undefined, 'the token does not travel with API calls');
  });

  it('reuses the temporary AK/SK: many calls, one securitytokens request', async () => {
    const client = temporaryClient(server());
    for (let i = 0; i < 5; i++) await client.getMetadataItem(WEB_01, 'owner');
    assert.equal(securityTokenRequests(server()), 1);
    assert.equal(apiRequests(server()).filter((r) => r.path.startsWith('/v2.1')).length, 5);
  });

  it('50 concurrent first calls share one renewal', async () => {
    const client = temporaryClient(server());
    const values = await Promise.all(Array.from({ length: 50 }, () => client.getMetadataItem(WEB_01, 'env')));
    assert.ok(values.every((v) => v === 'production'));
    assert.equal(securityTokenRequests(server()), 1);
    assert.equal(iamTokenRequests(server()), 1);
  });

  it('renews before expiry (900 s credentials, clock moved on 11 minutes)', async () => {
    let offset = 0;
    const client = temporaryClient(server(), { now: () => new Date(Date.now() + offset) });
    await client.getMetadataItem(WEB_01, 'owner');
    offset = 5 * 60_000;
    await client.getMetadataItem(WEB_01, 'owner');
    assert.equal(securityTokenRequests(server()), 1, 'ten minutes left: no renewal');
    offset = 11 * 60_000;
    await client.getMetadataItem(WEB_01, 'owner');
    assert.equal(securityTokenRequests(server()), 2, 'within 5 minutes of expiry: renewed');
  });

  it('credentials expired mid-use: the 401 gets one fresh set and the call succeeds', async () => {
    const client = temporaryClient(server());
    await client.getMetadataItem(WEB_01, 'owner');
    server().expireTokens();
    server().clearRequests();
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.deepEqual(
      server().requests.map((r) => `${r.method} ${r.path.split('/')[1]} ${r.status}`),
      ['GET v2.1 401', 'POST v3.0 401', 'POST v3 201', 'POST v3.0 201', 'GET v2.1 200'],
    );
  });

  it('refuses a duration outside 900..86400 before sending anything', () => {
    assert.throws(
      () =>
        temporaryClient(server(), {
          auth: {
            type: 'temporary',
            iamEndpoint: server().url,
            domain: 'd',
            user: 'u',
            password: 'p',
            durationSeconds: 60,
          },
        }),
      /durationSeconds/,
    );
    assert.equal(server().requests.length, 0);
  });
});
