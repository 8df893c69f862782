/**
 * A `temporary` profile that signs in with a password and has no project id: the token its project
 * lookup gets (scoped to the region's project) is the one that buys its temporary keys, through the
 * profile's token cache — one token request on first use, and none after a restart while the kept
 * token is good, even when the kept keys have expired.
 */
import * as assert from 'node:assert/strict';
import {
  createEcsClient,
  lookupProjectId,
  type CachedTemporaryKey,
  type CachedToken,
  type TemporaryKeyCache,
  type TokenCache,
} from '../../src/core';
import { WEB_01, clientWith, routes, temporaryAuth, useEcsServer } from './fixtures';
import { memoryKept } from './memoryKept';

describe('auth "temporary" with a password and no project id: one token for the lookup and the keys', () => {
  const server = useEcsServer();

  /** What the extension does for such a profile: look the project up, then build the client, one cache. */
  async function firstUse(tokens: TokenCache, keys: TemporaryKeyCache): Promise<string> {
    const s = server();
    const auth = temporaryAuth(s);
    const { domain, user, password } = s.credentials;
    const projectId = await lookupProjectId({
      iamEndpoint: s.url,
      domain,
      user,
      password,
      region: s.region,
      tokenCache: tokens,
    });
    const client = createEcsClient({
      endpoint: s.url,
      projectId,
      auth,
      tokenCache: tokens,
      temporaryKeyCache: keys,
    });
    return (await client.getMetadataItem(WEB_01, 'owner')) ?? '';
  }

  /** A client after a restart: the project id and both caches kept, nothing in memory. */
  function restarted(tokens: TokenCache, keys: TemporaryKeyCache) {
    const s = server();
    return clientWith(s, temporaryAuth(s), { tokenCache: tokens, temporaryKeyCache: keys });
  }

  /** Kept keys that expired while the editor was closed. */
  const expired = (): CachedTemporaryKey => ({
    accessKey: 'TMPEXPIRED',
    secretKey: 'secret',
    securityToken: 'gQexpired',
    expiresAt: new Date(Date.now() - 60_000).toISOString(),
  });

  it("first use: one token request (the lookup's, scoped to the project), securitytokens, the GET", async () => {
    const tokens = memoryKept<CachedToken>();
    assert.equal(await firstUse(tokens, memoryKept<CachedTemporaryKey>()), 'team-web');
    assert.deepEqual(routes(server()), ['POST v3 201', 'POST v3.0 201', 'GET v2.1 200']);
    assert.equal(tokens.kept?.projectId, server().projectId, 'the token kept is scoped to the project');
    const securityTokens = server().requests[1];
    assert.equal(securityTokens.headers['x-auth-token'], tokens.kept?.token, 'the keys were bought with it');
  });

  it('after a restart with the kept keys expired: securitytokens with the kept token, then the GET', async () => {
    const tokens = memoryKept<CachedToken>();
    const keys = memoryKept<CachedTemporaryKey>();
    await firstUse(tokens, keys);
    keys.kept = expired();
    server().clearRequests();
    assert.equal(await restarted(tokens, keys).getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.deepEqual(routes(server()), ['POST v3.0 201', 'GET v2.1 200']);
    assert.notEqual(keys.kept?.accessKey, 'TMPEXPIRED', 'the new keys were kept');
  });

  it('a kept token IAM refuses is dropped: one fresh token buys the keys, and is kept', async () => {
    const tokens = memoryKept<CachedToken>();
    const keys = memoryKept<CachedTemporaryKey>();
    await firstUse(tokens, keys);
    const refused = tokens.kept?.token;
    keys.kept = expired();
    server().expireTokens();
    server().clearRequests();
    assert.equal(await restarted(tokens, keys).getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.deepEqual(routes(server()), ['POST v3.0 401', 'POST v3 201', 'POST v3.0 201', 'GET v2.1 200']);
    assert.ok(tokens.kept && tokens.kept.token !== refused);
  });
});
