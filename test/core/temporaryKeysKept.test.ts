import * as assert from 'node:assert/strict';
import {
  createTemporaryKeys,
  type CachedTemporaryKey,
  type EcsClientOptions,
  type TemporaryKeyCache,
} from '../../src/core';
import {
  WEB_01,
  agencyAuth,
  clientWith,
  iamTokenRequests,
  projectWithKeys,
  readWithProjectLookedUp,
  routes,
  securityTokenRequests,
  temporaryAuth,
  useEcsServer,
} from './fixtures';
import { memoryKept } from './memoryKept';

for (const kind of ['temporary', 'agency'] as const) {
  describe(`auth "${kind}": temporary keys kept across clients (restart)`, () => {
    const server = useEcsServer();
    const client = (options: Partial<EcsClientOptions> = {}) =>
      clientWith(server(), kind === 'temporary' ? temporaryAuth(server()) : agencyAuth(server()), options);

    it('a new client with the kept keys reads a key in one request: no token, no securitytokens', async () => {
      const cache = memoryKept<CachedTemporaryKey>();
      await client({ temporaryKeyCache: cache }).getMetadataItem(WEB_01, 'owner');
      assert.equal(securityTokenRequests(server()).length, 1);
      assert.ok(cache.kept?.accessKey.startsWith('TMP') && cache.kept.securityToken && cache.kept.expiresAt);
      server().clearRequests();
      const afterRestart = client({ temporaryKeyCache: cache });
      assert.equal(await afterRestart.getMetadataItem(WEB_01, 'owner'), 'team-web');
      assert.deepEqual(routes(server()), ['GET v2.1 200']);
      assert.match(
        server().requests[0].headers.authorization,
        new RegExp(`Access=${cache.kept?.accessKey ?? 'none'}`),
      );
    });

    it('kept keys within 5 minutes of their expiry are not used: a new client gets new ones and keeps them', async () => {
      const cache = memoryKept<CachedTemporaryKey>();
      await client({ temporaryKeyCache: cache }).getMetadataItem(WEB_01, 'owner');
      const old = cache.kept;
      const expiresAt = new Date(old?.expiresAt ?? '').getTime();
      server().clearRequests();
      const late = client({ temporaryKeyCache: cache, now: () => new Date(expiresAt - 4 * 60_000) });
      await late.getMetadataItem(WEB_01, 'owner');
      assert.equal(securityTokenRequests(server()).length, 1);
      assert.ok(cache.kept && cache.kept.accessKey !== old?.accessKey, 'the new keys were kept');
    });

    it('expired kept keys are not used', async () => {
      const cache = memoryKept<CachedTemporaryKey>();
      cache.kept = {
        accessKey: 'TMPEXPIRED',
        secretKey: 'secret',
        securityToken: 'gQexpired',
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      };
      assert.equal(await client({ temporaryKeyCache: cache }).getMetadataItem(WEB_01, 'owner'), 'team-web');
      assert.equal(securityTokenRequests(server()).length, 1);
      assert.ok(!server().requests.some((r) => r.headers.authorization?.includes('TMPEXPIRED')));
      assert.notEqual(cache.kept?.accessKey, 'TMPEXPIRED');
    });

    it('kept keys IAM refuses (401) are dropped, renewed once, and the fresh ones kept', async () => {
      const cache = memoryKept<CachedTemporaryKey>();
      await client({ temporaryKeyCache: cache }).getMetadataItem(WEB_01, 'owner');
      const revoked = cache.kept?.accessKey;
      server().expireTokens();
      server().clearRequests();
      const afterRestart = client({ temporaryKeyCache: cache });
      assert.equal(await afterRestart.getMetadataItem(WEB_01, 'owner'), 'team-web');
      assert.deepEqual(routes(server()), ['GET v2.1 401', 'POST v3 201', 'POST v3.0 201', 'GET v2.1 200']);
      assert.equal(cache.clears, 1);
      assert.ok(cache.kept && cache.kept.accessKey !== revoked);
    });

    it('a cache that fails is only an optimisation: the call still succeeds', async () => {
      const locked = () => Promise.reject(new Error('keyring locked'));
      const broken: TemporaryKeyCache = { load: locked, save: locked, clear: locked };
      assert.equal(await client({ temporaryKeyCache: broken }).getMetadataItem(WEB_01, 'owner'), 'team-web');
      const throwing: TemporaryKeyCache = {
        load: () => {
          throw new Error('no keyring');
        },
        save: () => {
          throw new Error('no keyring');
        },
        clear: () => {
          throw new Error('no keyring');
        },
      };
      assert.equal(
        await client({ temporaryKeyCache: throwing }).getMetadataItem(WEB_01, 'owner'),
        'team-web',
      );
    });
  });
}

describe('auth "agency" without a project id: the delegating account\'s project looked up with the keys', () => {
  const server = useEcsServer();

  it("finds the region's project with the same keys the client signs with: one securitytokens request in all", async () => {
    const auth = agencyAuth(server());
    const { projectId, owner } = await readWithProjectLookedUp(server(), { auth });
    assert.equal(projectId, server().projectId);
    assert.equal(owner, 'team-web');
    assert.deepEqual(routes(server()), ['POST v3 201', 'POST v3.0 201', 'GET v3 200', 'GET v2.1 200']);
    const [, , lookup, read] = server().requests;
    assert.equal(lookup.path, '/v3/auth/projects');
    for (const signed of [lookup, read]) {
      assert.match(signed.headers.authorization, /^SDK-HMAC-SHA256 Access=TMP/);
      assert.match(signed.headers.authorization, /x-security-token/);
    }
    assert.equal(lookup.headers['x-project-id'], undefined, 'IAM is global: no X-Project-Id');
    assert.equal(read.headers['x-project-id'], server().projectId);
    assert.equal(iamTokenRequests(server()), 1);
  });

  it('with kept keys, the lookup and the read cost one request each and nothing else', async () => {
    const cache = memoryKept<CachedTemporaryKey>();
    const auth = agencyAuth(server());
    await projectWithKeys(server(), createTemporaryKeys({ auth, temporaryKeyCache: cache }));
    server().clearRequests();
    const { owner } = await readWithProjectLookedUp(server(), { auth, temporaryKeyCache: cache });
    assert.equal(owner, 'team-web');
    assert.deepEqual(routes(server()), ['GET v3 200', 'GET v2.1 200']);
  });

  it('a temporary auth needs its project id to make keys (its token is scoped to it)', () => {
    assert.throws(() => createTemporaryKeys({ auth: temporaryAuth(server()) }), /project/i);
    assert.equal(server().requests.length, 0);
  });
});
