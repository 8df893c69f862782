import * as assert from 'node:assert/strict';
import { createEcsClient, lookupProjectId } from '../../src/core';
import {
  WEB_01,
  answerToken,
  apiRequests,
  clientFor,
  clientWith,
  iamTokenRequests,
  passwordAuth,
  readAcrossExpiry,
  readFiftyAtOnce,
  rejectionOf,
  startAdHocServer,
  useEcsServer,
} from './fixtures';

describe('password auth (IAM tokens)', () => {
  const server = useEcsServer();

  it('gets a token scoped to the project id from POST /v3/auth/tokens?nocatalog=true and sends it as X-Auth-Token', async () => {
    await clientFor(server(), { authType: 'password' }).getMetadataItem(WEB_01, 'owner');
    const [iam, api] = server().requests;
    assert.equal(iam.method, 'POST');
    assert.equal(iam.path, '/v3/auth/tokens');
    assert.equal(iam.query, 'nocatalog=true');
    assert.equal(iam.status, 201);
    assert.match(api.headers['x-auth-token'], /^MII/);
    assert.equal(api.headers.authorization, undefined);
  });

  it('caches the token: many calls, one token request', async () => {
    const client = clientFor(server(), { authType: 'password' });
    for (let i = 0; i < 5; i++) await client.getMetadataItem(WEB_01, 'owner');
    assert.equal(iamTokenRequests(server()), 1);
    assert.equal(apiRequests(server()).length, 5);
  });

  it('shares one token request among 50 concurrent first calls', async () => {
    const client = clientFor(server(), { authType: 'password' });
    await readFiftyAtOnce(client);
    assert.equal(iamTokenRequests(server()), 1);
    assert.equal(apiRequests(server()).length, 50);
  });

  it('renews the token shortly before expires_at (24 h tokens, clock moved on 23 h 56 min)', async () => {
    let offset = 0;
    const client = clientFor(server(), { authType: 'password', now: () => new Date(Date.now() + offset) });
    await client.getMetadataItem(WEB_01, 'owner');
    offset = 23 * 3600_000;
    await client.getMetadataItem(WEB_01, 'owner');
    assert.equal(iamTokenRequests(server()), 1, 'still valid for an hour: no renewal');
    offset = 23 * 3600_000 + 56 * 60_000;
    await client.getMetadataItem(WEB_01, 'owner');
    assert.equal(iamTokenRequests(server()), 2, 'within 5 minutes of expiry: renewed');
  });

  it('after a 401 (token revoked) gets one fresh token and retries once', async () => {
    const client = clientFor(server(), { authType: 'password' });
    const { owner, routes } = await readAcrossExpiry(server(), client);
    assert.equal(owner, 'team-web');
    assert.deepEqual(routes, ['GET v2.1 401', 'POST v3 201', 'GET v2.1 200']);
  });

  it('renews at most once per call: a fresh token that is rejected too ends the call with auth', async () => {
    // Every token is turned away a few times before the API relents, so a client that renews
    // again and again would end up with a value instead of the error.
    const seen: string[] = [];
    let tokens = 0;
    let gets = 0;
    const api = await startAdHocServer((req, res) => {
      seen.push(req.method ?? '');
      if (req.method === 'POST') {
        tokens++;
        return answerToken(res, `MIITtoken-${tokens}`);
      }
      gets++;
      if (gets > 5) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"meta":{"owner":"team-web"}}');
        return;
      }
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(
        '{"error":{"code":401,"title":"Unauthorized","message":"The request you have made requires authentication."}}',
      );
    });
    try {
      const client = createEcsClient({
        endpoint: api.url,
        projectId: server().projectId,
        auth: { type: 'password', iamEndpoint: api.url, domain: 'd', user: 'u', password: 'pw-0123' },
      });
      await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), { kind: 'auth', status: 401 });
      assert.deepEqual(seen, ['POST', 'GET', 'POST', 'GET']);
    } finally {
      await api.close();
    }
  });

  it('concurrent calls that all hit a 401 share one fresh token', async () => {
    const client = clientFor(server(), { authType: 'password' });
    await client.getMetadataItem(WEB_01, 'owner');
    server().expireTokens();
    server().clearRequests();
    await Promise.all(Array.from({ length: 10 }, () => client.getMetadataItem(WEB_01, 'owner')));
    assert.equal(iamTokenRequests(server()), 1);
  });

  it('does not retry a 401 for a static token', async () => {
    const client = clientWith(server(), { type: 'token', token: 'MIITrevoked-token-value' });
    await assert.rejects(client.getMetadataItem(WEB_01, 'owner'), { kind: 'auth', status: 401 });
    assert.equal(server().requests.length, 1);
  });

  it('says auth (IAM) for a wrong password, without retrying the POST', async () => {
    const s = server();
    const client = clientWith(s, passwordAuth(s, { password: 'not-the-password' }));
    const error = (await rejectionOf(client.getMetadataItem(WEB_01, 'owner'))) as {
      kind: string;
      message: string;
    };
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /IAM rejected/);
    assert.equal(s.requests.length, 1);
  });

  it('looks a project id up from the region: the token scoped by project name names it', async () => {
    const s = server();
    const projectId = await lookupProjectId({
      iamEndpoint: s.url,
      domain: s.credentials.domain,
      user: s.credentials.user,
      password: s.credentials.password,
      region: s.region,
    });
    assert.equal(projectId, s.projectId);
    assert.deepEqual(
      s.requests.map((r) => `${r.method} ${r.path}?${r.query}`),
      ['POST /v3/auth/tokens?nocatalog=true'],
    );
  });

  it('says so when the region names no project of the account', async () => {
    const s = server();
    await assert.rejects(
      lookupProjectId({
        iamEndpoint: s.url,
        domain: s.credentials.domain,
        user: s.credentials.user,
        password: s.credentials.password,
        region: 'xx-nowhere-9',
      }),
      { kind: 'auth' },
    );
  });
});
