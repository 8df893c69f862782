import * as assert from 'node:assert/strict';
import { createEcsClient, lookupProjectId, type CachedToken, type TokenCache } from '../../src/core';
import { WEB_01, apiRequests, authFor, clientFor, iamTokenRequests, useEcsServer } from './fixtures';
import { memoryKept } from './memoryKept';

describe('password token kept across clients (restart)', () => {
  const server = useEcsServer();

  it('a new client with the kept token reads a key in one request, no token request', async () => {
    const cache = memoryKept<CachedToken>();
    await clientFor(server(), { authType: 'password', tokenCache: cache }).getMetadataItem(WEB_01, 'owner');
    assert.equal(iamTokenRequests(server()), 1);
    assert.ok(cache.kept?.token && cache.kept.expiresAt && cache.kept.projectId === server().projectId);
    server().clearRequests();
    const afterRestart = clientFor(server(), { authType: 'password', tokenCache: cache });
    assert.equal(await afterRestart.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.equal(server().requests.length, 1, 'one GET, no token request');
    assert.equal(apiRequests(server()).length, 1);
  });

  it('with a region instead of a project id: lookup and first read after a restart cost one request', async () => {
    const cache = memoryKept<CachedToken>();
    const lookup = {
      ...(authFor(server(), 'password') as {
        iamEndpoint: string;
        domain: string;
        user: string;
        password: string;
      }),
      region: server().region,
      tokenCache: cache,
    };
    const first = await lookupProjectId(lookup);
    assert.equal(first, server().projectId);
    const cold = createEcsClient({
      endpoint: server().url,
      projectId: first,
      auth: authFor(server(), 'password'),
      tokenCache: cache,
    });
    await cold.getMetadataItem(WEB_01, 'owner');
    assert.equal(iamTokenRequests(server()), 1, 'the lookup token serves the client too');
    server().clearRequests();
    const projectId = await lookupProjectId(lookup);
    const warm = createEcsClient({
      endpoint: server().url,
      projectId,
      auth: authFor(server(), 'password'),
      tokenCache: cache,
    });
    await warm.getMetadataItem(WEB_01, 'owner');
    assert.equal(server().requests.length, 1);
  });

  it('is not reused within 5 minutes of its expiry: a new client asks IAM again', async () => {
    const cache = memoryKept<CachedToken>();
    await clientFor(server(), { authType: 'password', tokenCache: cache }).getMetadataItem(WEB_01, 'owner');
    const expiresAt = new Date(cache.kept?.expiresAt ?? '').getTime();
    server().clearRequests();
    const late = clientFor(server(), {
      authType: 'password',
      tokenCache: cache,
      now: () => new Date(expiresAt - 4 * 60_000),
    });
    await late.getMetadataItem(WEB_01, 'owner');
    assert.equal(iamTokenRequests(server()), 1);
    assert.notEqual(new Date(cache.kept?.expiresAt ?? '').getTime(), expiresAt, 'the new token was kept');
  });

  it('is not used for another project than the one it is scoped to', async () => {
    const cache = memoryKept<CachedToken>();
    cache.kept = { token: 'MIIother', expiresAt: '2999-01-01T00:00:00Z', projectId: 'b'.repeat(32) };
    await clientFor(server(), { authType: 'password', tokenCache: cache }).getMetadataItem(WEB_01, 'owner');
    assert.equal(iamTokenRequests(server()), 1);
    assert.notEqual(cache.kept?.token, 'MIIother');
  });

  it('after a 401 is dropped from the cache, renewed once and the fresh one kept', async () => {
    const cache = memoryKept<CachedToken>();
    await clientFor(server(), { authType: 'password', tokenCache: cache }).getMetadataItem(WEB_01, 'owner');
    const revoked = cache.kept?.token;
    server().expireTokens();
    server().clearRequests();
    const afterRestart = clientFor(server(), { authType: 'password', tokenCache: cache });
    assert.equal(await afterRestart.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.deepEqual(
      server().requests.map((r) => `${r.method} ${r.path.split('/')[1]} ${r.status}`),
      ['GET v2.1 401', 'POST v3 201', 'GET v2.1 200'],
    );
    assert.equal(cache.clears, 1);
    assert.ok(cache.kept && cache.kept.token !== revoked);
  });

  it('a cache that fails is only an optimisation: the call still succeeds', async () => {
    const broken: TokenCache = {
      load: () => Promise.reject(new Error('keyring locked')),
      save: () => Promise.reject(new Error('keyring locked')),
      clear: () => Promise.reject(new Error('keyring locked')),
    };
    const client = clientFor(server(), { authType: 'password', tokenCache: broken });
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
  });
});
