import * as assert from 'node:assert/strict';
import { isEcsError, type EcsClientOptions } from '../../src/core';
import { tokenAuth } from '../../src/core/requestAuth';
import { requestSecurityToken } from '../../src/core/temporaryCredentials';
import { requestPasswordToken } from '../../src/core/tokenProvider';
import {
  KEYS_RENEWED_AFTER_401,
  WEB_01,
  apiRequests,
  clientWith,
  iamTokenRequests,
  readAcrossExpiry,
  readFiftyAtOnce,
  rejectionOf,
  securityTokensAfterReadsAt,
  temporaryAuth,
  useEcsServer,
} from './fixtures';
import type { EcsServerHandle } from '../ecs-server';
import { byTokenIdentity } from '../ecs-server/iamBodies';

const SECURITY_TOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

function temporaryClient(server: EcsServerHandle, extra: Partial<EcsClientOptions> = {}) {
  return clientWith(server, temporaryAuth(server), extra);
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
    await readFiftyAtOnce(client);
    assert.equal(securityTokenRequests(server()), 1);
    assert.equal(iamTokenRequests(server()), 1);
  });

  it('renews before expiry (900 s credentials, clock moved on 11 minutes)', async () => {
    const counts = await securityTokensAfterReadsAt(
      server(),
      (now) => temporaryClient(server(), { now }),
      [0, 5, 11],
    );
    assert.equal(counts[1], 1, 'ten minutes left: no renewal');
    assert.equal(counts[2], 2, 'within 5 minutes of expiry: renewed');
  });

  it('credentials expired mid-use: the 401 gets one fresh set and the call succeeds', async () => {
    const client = temporaryClient(server());
    const { owner, routes } = await readAcrossExpiry(server(), client);
    assert.equal(owner, 'team-web');
    assert.deepEqual(routes, KEYS_RENEWED_AFTER_401);
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

  it('a renewal all its callers gave up on is cancelled: the securitytokens request is abandoned', async () => {
    let offset = 0;
    const client = temporaryClient(server(), { now: () => new Date(Date.now() + offset) });
    await client.getMetadataItem(WEB_01, 'owner');
    offset = 11 * 60_000; // the keys need renewing; the password token is still good
    server().setFaults({ latencyMs: 2000 });
    server().clearRequests();
    const controller = new AbortController();
    const call = client.getMetadataItem(WEB_01, 'owner', { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const error = await rejectionOf(call);
    assert.ok(isEcsError(error) && error.kind === 'cancelled');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const renewal = server().requests.filter((r) => r.path === SECURITY_TOKENS);
    assert.equal(renewal.length, 1);
    assert.equal(renewal[0].abandoned, true, 'the request was cancelled, not left to finish');
  });

  it('one caller giving up does not fail the others waiting for the same renewal', async () => {
    const client = temporaryClient(server());
    server().setFaults({ latencyMs: 300 });
    const controller = new AbortController();
    const quitter = client.getMetadataItem(WEB_01, 'owner', { signal: controller.signal });
    const stayer = client.getMetadataItem(WEB_01, 'owner');
    setTimeout(() => controller.abort(), 100);
    const error = await rejectionOf(quitter);
    assert.ok(isEcsError(error) && error.kind === 'cancelled');
    assert.equal(await stayer, 'team-web');
    assert.equal(securityTokenRequests(server()), 1);
  });
});

describe('auth "aksk" with a pasted security token: expiry said as such', () => {
  const server = useEcsServer();

  /** Temporary AK/SK as a person would paste them: issued by the server's securitytokens route. */
  async function pastedKeys(s: EcsServerHandle) {
    const c = s.credentials;
    const settings = {
      limits: { timeoutMs: 5000, maxResponseBytes: 1 << 20 },
      userAgent: 'test',
      onRequest: undefined,
    };
    const iamUrl = new URL(s.url);
    const { token } = await requestPasswordToken(
      { iamUrl, domain: c.domain, user: c.user, password: c.password },
      { projectId: s.projectId },
      settings,
    );
    return requestSecurityToken(iamUrl, tokenAuth(token), byTokenIdentity(), settings);
  }

  it('a 401 saying the security token expired is an auth error marked expired', async () => {
    const key = await pastedKeys(server());
    const client = clientWith(server(), {
      type: 'aksk',
      accessKey: key.accessKey,
      secretKey: key.secretKey,
      securityToken: key.securityToken,
    });
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    server().expireTokens();
    const error = await rejectionOf(client.getMetadataItem(WEB_01, 'owner'));
    assert.ok(isEcsError(error));
    assert.equal(error.kind, 'auth');
    assert.equal(error.expired, true);
    assert.match(error.message, /security token have expired/);
  });

  it('a 401 for other reasons is not called expiry', async () => {
    const c = server().credentials;
    const client = clientWith(server(), {
      type: 'aksk',
      accessKey: c.temporary.accessKey,
      secretKey: 'wrong',
      securityToken: c.temporary.securityToken,
    });
    const error = await rejectionOf(client.getMetadataItem(WEB_01, 'owner'));
    assert.ok(isEcsError(error) && error.kind === 'auth');
    assert.equal(error.expired, undefined);
  });

  /** The server's temporary keys with a known expiry `fromNowMs` away. */
  const keysExpiringIn = (fromNowMs: number) =>
    clientWith(server(), {
      type: 'aksk',
      ...server().credentials.temporary,
      securityTokenExpiresAt: new Date(Date.now() + fromNowMs).toISOString(),
    });

  it('a known expiry that has passed fails at once, without a request', async () => {
    const client = keysExpiringIn(-1000);
    const error = await rejectionOf(client.getMetadataItem(WEB_01, 'owner'));
    assert.ok(isEcsError(error) && error.kind === 'auth' && error.expired === true);
    assert.equal(server().requests.length, 0);
  });

  it('a known expiry still ahead signs as usual', async () => {
    const client = keysExpiringIn(60_000);
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
  });
});
