import * as assert from 'node:assert/strict';
import {
  createEcsClient,
  createTemporaryKeys,
  lookupProjectIdWithKeys,
  type AgencyAuth,
  type CachedTemporaryKey,
  type EcsClientOptions,
  type TemporaryAuth,
  type TemporaryKeyCache,
} from '../../src/core';
import { LOCAL_AGENCY, type EcsServerHandle } from '../ecs-server';
import { WEB_01, iamTokenRequests, useEcsServer } from './fixtures';

const SECURITY_TOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

/** A key cache in memory, standing in for the editor's secret store; counts what it is asked. */
function memoryCache(): TemporaryKeyCache & { kept: CachedTemporaryKey | undefined; clears: number } {
  const cache = {
    kept: undefined as CachedTemporaryKey | undefined,
    clears: 0,
    load: async () => cache.kept,
    save: async (key: CachedTemporaryKey) => {
      cache.kept = key;
    },
    clear: async () => {
      cache.clears++;
      cache.kept = undefined;
    },
  };
  return cache;
}

function temporaryAuth(server: EcsServerHandle): TemporaryAuth {
  const c = server.credentials;
  return {
    type: 'temporary',
    iamEndpoint: server.url,
    domain: c.domain,
    user: c.user,
    password: c.password,
    durationSeconds: 900,
  };
}

function agencyAuth(server: EcsServerHandle): AgencyAuth {
  const c = server.credentials;
  return {
    type: 'agency',
    iamEndpoint: server.url,
    source: {
      type: 'password',
      domain: c.domain,
      user: c.user,
      password: c.password,
      projectName: server.region,
    },
    agencyDomain: { name: LOCAL_AGENCY.domainName },
    agencyName: LOCAL_AGENCY.name,
    durationSeconds: 900,
  };
}

const securityTokenRequests = (server: EcsServerHandle): number =>
  server.requests.filter((r) => r.method === 'POST' && r.path === SECURITY_TOKENS).length;

const routes = (server: EcsServerHandle): string[] =>
  server.requests.map((r) => `${r.method} ${r.path.split('/')[1]} ${r.status}`);

for (const kind of ['temporary', 'agency'] as const) {
  describe(`auth "${kind}": temporary keys kept across clients (restart)`, () => {
    const server = useEcsServer();
    const client = (options: Partial<EcsClientOptions> = {}) =>
      createEcsClient({
        endpoint: server().url,
        projectId: server().projectId,
        auth: kind === 'temporary' ? temporaryAuth(server()) : agencyAuth(server()),
        ...options,
      });

    it('a new client with the kept keys reads a key in one request: no token, no securitytokens', async () => {
      const cache = memoryCache();
      await client({ temporaryKeyCache: cache }).getMetadataItem(WEB_01, 'owner');
      assert.equal(securityTokenRequests(server()), 1);
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
      const cache = memoryCache();
      await client({ temporaryKeyCache: cache }).getMetadataItem(WEB_01, 'owner');
      const old = cache.kept;
      const expiresAt = new Date(old?.expiresAt ?? '').getTime();
      server().clearRequests();
      const late = client({ temporaryKeyCache: cache, now: () => new Date(expiresAt - 4 * 60_000) });
      await late.getMetadataItem(WEB_01, 'owner');
      assert.equal(securityTokenRequests(server()), 1);
      assert.ok(cache.kept && cache.kept.accessKey !== old?.accessKey, 'the new keys were kept');
    });

    it('expired kept keys are not used', async () => {
      const cache = memoryCache();
      cache.kept = {
        accessKey: 'TMPEXPIRED',
        secretKey: 'secret',
        securityToken: 'gQexpired',
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      };
      assert.equal(await client({ temporaryKeyCache: cache }).getMetadataItem(WEB_01, 'owner'), 'team-web');
      assert.equal(securityTokenRequests(server()), 1);
      assert.ok(!server().requests.some((r) => r.headers.authorization?.includes('TMPEXPIRED')));
      assert.notEqual(cache.kept?.accessKey, 'TMPEXPIRED');
    });

    it('kept keys IAM refuses (401) are dropped, renewed once, and the fresh ones kept', async () => {
      const cache = memoryCache();
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
    const keys = createTemporaryKeys({ auth });
    const projectId = await lookupProjectIdWithKeys({
      iamEndpoint: server().url,
      temporaryKeys: keys,
      region: server().region,
    });
    assert.equal(projectId, server().projectId);
    const client = createEcsClient({ endpoint: server().url, projectId, auth, temporaryKeys: keys });
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
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
    const cache = memoryCache();
    const auth = agencyAuth(server());
    const first = createTemporaryKeys({ auth, temporaryKeyCache: cache });
    await lookupProjectIdWithKeys({
      iamEndpoint: server().url,
      temporaryKeys: first,
      region: server().region,
    });
    server().clearRequests();
    const keys = createTemporaryKeys({ auth, temporaryKeyCache: cache });
    const projectId = await lookupProjectIdWithKeys({
      iamEndpoint: server().url,
      temporaryKeys: keys,
      region: server().region,
    });
    const client = createEcsClient({ endpoint: server().url, projectId, auth, temporaryKeys: keys });
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.deepEqual(routes(server()), ['GET v3 200', 'GET v2.1 200']);
  });

  it('a temporary auth needs its project id to make keys (its token is scoped to it)', () => {
    assert.throws(() => createTemporaryKeys({ auth: temporaryAuth(server()) }), /project/i);
    assert.equal(server().requests.length, 0);
  });
});
