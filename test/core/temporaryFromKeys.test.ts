/**
 * Permanent AK/SK as the source of temporary credentials and of an agency: the securitytokens
 * request is signed with them (checked by the local server with the official signer), the API calls
 * with the temporary keys it answers with; the permanent secret key never travels with API calls
 * and never shows in an error.
 */
import * as assert from 'node:assert/strict';
import {
  isEcsError,
  type AgencyAuth,
  type AkSkAuth,
  type EcsClientOptions,
  type CachedTemporaryKey,
  type EcsError,
  type TemporaryKeyAuth,
} from '../../src/core';
import { akskAuth, tokenAuth } from '../../src/core/requestAuth';
import { requestSecurityToken } from '../../src/core/temporaryCredentials';
import { requestPasswordToken } from '../../src/core/tokenProvider';
import { LOCAL_AGENCY, type EcsServerHandle, type RecordedRequest } from '../ecs-server';
import {
  WEB_01,
  agencyAuth,
  clientWith,
  iamTokenRequests,
  readFiftyAtOnce,
  readWithProjectLookedUp,
  rejectionOf,
  routes,
  securityTokenRequests,
  startAdHocServer,
  useEcsServer,
} from './fixtures';
import { assumeRoleIdentity, byTokenIdentity, securityTokensBody } from '../ecs-server/iamBodies';

const SECURITY_TOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

function keyAuth(server: EcsServerHandle, extra: Partial<TemporaryKeyAuth> = {}): TemporaryKeyAuth {
  const c = server.credentials;
  return {
    type: 'temporary',
    iamEndpoint: server.url,
    accessKey: c.accessKey,
    secretKey: c.secretKey,
    durationSeconds: 900,
    ...extra,
  };
}

function keyClient(
  server: EcsServerHandle,
  extra: Partial<TemporaryKeyAuth> = {},
  options: Partial<EcsClientOptions> = {},
) {
  return clientWith(server, keyAuth(server, extra), options);
}

const metadataRequests = (server: EcsServerHandle): RecordedRequest[] =>
  server.requests.filter((r) => r.path.startsWith('/v2.1'));

/** The access key an SDK-HMAC-SHA256 Authorization header names. */
const accessKeyOf = (request: RecordedRequest): string | undefined =>
  /^SDK-HMAC-SHA256 Access=([^,\s]+)/.exec(request.headers.authorization ?? '')?.[1];

/** Every text an error carries: message, server message, and its JSON form. */
const textsOf = (error: EcsError): string =>
  [error.message, error.serverMessage ?? '', JSON.stringify(error)].join('\n');

describe('auth "temporary" with permanent AK/SK: the securitytokens request signed with them', () => {
  const server = useEcsServer();

  it('obtains temporary AK/SK with a request signed by the permanent keys (no token), and signs API calls with the temporary keys', async () => {
    const c = server().credentials;
    const client = keyClient(server());
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.equal(iamTokenRequests(server()), 0, 'no password, no token request');
    const [issued] = securityTokenRequests(server());
    assert.equal(issued.status, 201, 'the local server checked the signature with the official signer');
    assert.equal(accessKeyOf(issued), c.accessKey);
    assert.match(issued.headers.authorization, /SignedHeaders=content-type;host;x-sdk-date,/);
    assert.equal(issued.headers['x-auth-token'], undefined);
    assert.equal(issued.headers['x-project-id'], undefined, 'IAM is a global service');
    assert.deepEqual(JSON.parse(issued.body), securityTokensBody(byTokenIdentity()));
    const [api] = metadataRequests(server());
    assert.equal(api.status, 200);
    assert.match(accessKeyOf(api) ?? '', /^TMP/);
    assert.notEqual(accessKeyOf(api), c.accessKey, 'the permanent keys do not sign API calls');
    assert.match(api.headers.authorization, /x-security-token/);
    assert.ok(api.headers['x-security-token']);
    assert.equal(api.headers['x-auth-token'], undefined);
  });

  it('a signature the server cannot verify (the request body changed after signing) is a 401', async () => {
    // The core signs exactly what it sends; this sends a body other than the one signed.
    const c = server().credentials;
    const auth = akskAuth({ accessKey: c.accessKey, secretKey: c.secretKey }, undefined, () => new Date());
    const tampered = {
      ...auth,
      headersFor: (target: Parameters<typeof auth.headersFor>[0], signal: AbortSignal | undefined) =>
        auth.headersFor({ ...target, body: `${target.body ?? ''} ` }, signal),
    };
    const error = await rejectionOf(
      requestSecurityToken(new URL(server().url), tampered, byTokenIdentity(), {
        limits: { timeoutMs: 5000, maxResponseBytes: 1 << 20 },
        userAgent: 'test',
        onRequest: undefined,
      }),
    );
    assert.ok(isEcsError(error) && error.kind === 'auth' && error.status === 401, String(error));
    assert.equal(securityTokenRequests(server()).length, 1, 'keys are not retried');
  });

  it('reuses the temporary keys: many calls, one securitytokens request', async () => {
    const client = keyClient(server());
    for (let i = 0; i < 5; i++) await client.getMetadataItem(WEB_01, 'owner');
    assert.equal(securityTokenRequests(server()).length, 1);
    assert.equal(metadataRequests(server()).length, 5);
  });

  it('50 concurrent first calls share one securitytokens request', async () => {
    const client = keyClient(server());
    await readFiftyAtOnce(client);
    assert.equal(securityTokenRequests(server()).length, 1);
  });

  it('renews before expiry with a fresh signature of the permanent keys (900 s keys, clock moved on 11 minutes)', async () => {
    let offset = 0;
    const client = keyClient(server(), {}, { now: () => new Date(Date.now() + offset) });
    await client.getMetadataItem(WEB_01, 'owner');
    offset = 11 * 60_000;
    await client.getMetadataItem(WEB_01, 'owner');
    const issued = securityTokenRequests(server());
    assert.equal(issued.length, 2, 'within 5 minutes of expiry: renewed');
    assert.ok(issued.every((r) => r.status === 201 && accessKeyOf(r) === server().credentials.accessKey));
    const [first, second] = metadataRequests(server()).map(accessKeyOf);
    assert.notEqual(first, second, 'the renewed keys sign the next call');
  });

  it('keys expired mid-use: the 401 gets one fresh set and the call succeeds', async () => {
    const client = keyClient(server());
    await client.getMetadataItem(WEB_01, 'owner');
    server().expireTokens();
    server().clearRequests();
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.deepEqual(routes(server()), ['GET v2.1 401', 'POST v3.0 201', 'GET v2.1 200']);
  });

  it('wrong permanent keys: an auth error about the keys, one securitytokens request, no API call', async () => {
    const secretKey = 'WrongSecretKeyExample00000000000000000001';
    const error = await rejectionOf(keyClient(server(), { secretKey }).getMetadataItem(WEB_01, 'owner'));
    assert.ok(isEcsError(error) && error.kind === 'auth', String(error));
    assert.equal(error.status, 401);
    assert.match(error.message, /^IAM rejected the access key or secret key/);
    assert.equal(securityTokenRequests(server()).length, 1, 'a 401 for keys is not retried');
    assert.equal(metadataRequests(server()).length, 0);
    assert.ok(!textsOf(error).includes(secretKey));
  });

  it('the permanent secret key never shows in an error, even when IAM quotes it', async () => {
    const secretKey = server().credentials.secretKey;
    for (const status of [401, 403, 500]) {
      const iam = await startAdHocServer((_req, res) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error_code: 'IAM.0001', error_msg: `bad request for key ${secretKey}` }));
      });
      try {
        const error = await rejectionOf(
          keyClient(server(), { iamEndpoint: iam.url }).getMetadataItem(WEB_01, 'owner'),
        );
        assert.ok(isEcsError(error), String(error));
        assert.ok(!textsOf(error).includes(secretKey), `HTTP ${status}: ${textsOf(error)}`);
        assert.equal(iam.hits, 1, `HTTP ${status}: asked once`);
      } finally {
        await iam.close();
      }
    }
  });

  it('refuses missing keys and a duration outside 900..86400 before sending anything', () => {
    const attempts: [Partial<TemporaryKeyAuth>, RegExp][] = [
      [{ accessKey: '' }, /^The access key is missing\. Set the credentials of this profile\.$/],
      [{ secretKey: '' }, /^The secret key is missing\. Set the credentials of this profile\.$/],
      [{ durationSeconds: 600 }, /durationSeconds must be a whole number from 900 to 86400/],
    ];
    for (const [extra, message] of attempts) {
      assert.throws(
        () => keyClient(server(), extra),
        (error: unknown) => isEcsError(error) && error.kind === 'invalidInput' && message.test(error.message),
      );
    }
    assert.equal(server().requests.length, 0);
  });
});

describe('auth "temporary" with permanent AK/SK: no project needed, kept keys', () => {
  const server = useEcsServer();

  it('makes its keys without a project id and finds the project with them: one securitytokens request in all', async () => {
    const auth = keyAuth(server());
    const { projectId, owner } = await readWithProjectLookedUp(server(), { auth });
    assert.equal(projectId, server().projectId);
    assert.equal(owner, 'team-web');
    const [issued, lookup, read] = server().requests;
    assert.deepEqual(
      [issued, lookup, read].map((r) => `${r.method} ${r.path} ${r.status}`),
      [
        `POST ${SECURITY_TOKENS} 201`,
        'GET /v3/auth/projects 200',
        `GET /v2.1/${projectId}/servers/${WEB_01}/metadata/owner 200`,
      ],
    );
    assert.equal(accessKeyOf(issued), server().credentials.accessKey);
    for (const signed of [lookup, read])
      assert.match(accessKeyOf(signed) ?? '', /^TMP/, 'the permanent keys sign only securitytokens');
  });

  it('kept keys: a new client reads with one request, and the permanent keys sign nothing', async () => {
    let kept: CachedTemporaryKey | undefined;
    const temporaryKeyCache = {
      load: async () => kept,
      save: async (key: CachedTemporaryKey) => {
        kept = key;
      },
      clear: async () => {
        kept = undefined;
      },
    };
    await keyClient(server(), {}, { temporaryKeyCache }).getMetadataItem(WEB_01, 'owner');
    server().clearRequests();
    assert.equal(
      await keyClient(server(), {}, { temporaryKeyCache }).getMetadataItem(WEB_01, 'owner'),
      'team-web',
    );
    assert.deepEqual(routes(server()), ['GET v2.1 200']);
    assert.equal(accessKeyOf(server().requests[0]), kept?.accessKey);
  });
});

describe('auth "agency" with an AK/SK source: assume_role signed with the keys', () => {
  const server = useEcsServer();

  function agencyClient(server: EcsServerHandle, source: AgencyAuth['source']) {
    return clientWith(server, agencyAuth(server, { source }));
  }

  const permanent = (s: EcsServerHandle): AkSkAuth => ({
    type: 'aksk',
    accessKey: s.credentials.accessKey,
    secretKey: s.credentials.secretKey,
  });

  it('permanent keys sign assume_role (no token), the agency keys sign API calls', async () => {
    const c = server().credentials;
    assert.equal(
      await agencyClient(server(), permanent(server())).getMetadataItem(WEB_01, 'owner'),
      'team-web',
    );
    assert.equal(iamTokenRequests(server()), 0);
    const [assumed] = securityTokenRequests(server());
    assert.equal(assumed.status, 201);
    assert.equal(accessKeyOf(assumed), c.accessKey);
    assert.equal(assumed.headers['x-auth-token'], undefined);
    assert.deepEqual(JSON.parse(assumed.body).auth.identity, assumeRoleIdentity());
    const [api] = metadataRequests(server());
    assert.match(accessKeyOf(api) ?? '', /^TMP/);
  });

  it('pasted temporary keys sign assume_role with their security token', async () => {
    const c = server().credentials;
    const settings = {
      limits: { timeoutMs: 5000, maxResponseBytes: 1 << 20 },
      userAgent: 'test',
      onRequest: undefined,
    };
    const iamUrl = new URL(server().url);
    const { token } = await requestPasswordToken(
      { iamUrl, domain: c.domain, user: c.user, password: c.password },
      { projectId: server().projectId },
      settings,
    );
    const pasted = await requestSecurityToken(iamUrl, tokenAuth(token), byTokenIdentity(), settings);
    server().clearRequests();
    const client = agencyClient(server(), {
      type: 'aksk',
      accessKey: pasted.accessKey,
      secretKey: pasted.secretKey,
      securityToken: pasted.securityToken,
      securityTokenExpiresAt: pasted.expiresAt.toISOString(),
    });
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    const [assumed] = securityTokenRequests(server());
    assert.equal(assumed.status, 201);
    assert.equal(accessKeyOf(assumed), pasted.accessKey);
    assert.equal(assumed.headers['x-security-token'], pasted.securityToken);
    assert.match(assumed.headers.authorization, /x-security-token/);
    const [api] = metadataRequests(server());
    assert.notEqual(
      accessKeyOf(api),
      pasted.accessKey,
      'the agency keys, not the source keys, sign API calls',
    );
  });

  it('pasted source keys known to have expired: an expired auth error, without a request', async () => {
    const { temporary } = server().credentials;
    const error = await rejectionOf(
      agencyClient(server(), {
        type: 'aksk',
        ...temporary,
        securityTokenExpiresAt: new Date(Date.now() - 60_000).toISOString(),
      }).getMetadataItem(WEB_01, 'owner'),
    );
    assert.ok(isEcsError(error) && error.kind === 'auth' && error.expired === true, String(error));
    assert.equal(server().requests.length, 0);
  });

  it('wrong source keys: an auth error about the keys, one assume_role request, the secret key nowhere', async () => {
    const secretKey = 'WrongSecretKeyExample00000000000000000002';
    const source = { ...permanent(server()), secretKey };
    const error = await rejectionOf(agencyClient(server(), source).getMetadataItem(WEB_01, 'owner'));
    assert.ok(isEcsError(error) && error.kind === 'auth' && error.status === 401, String(error));
    assert.match(error.message, /^IAM rejected the access key or secret key/);
    assert.equal(securityTokenRequests(server()).length, 1);
    assert.ok(!textsOf(error).includes(secretKey));
  });

  it('no Agent Operator role: the 403 still names the role and the agency', async () => {
    server().setFaults({ iamAgentOperator: false });
    const error = await rejectionOf(
      agencyClient(server(), permanent(server())).getMetadataItem(WEB_01, 'owner'),
    );
    assert.ok(isEcsError(error) && error.kind === 'forbidden', String(error));
    assert.equal(error.permission, 'Agent Operator');
    assert.equal(error.agency?.agencyName, LOCAL_AGENCY.name);
  });

  it('refuses a source without keys before sending anything', () => {
    assert.throws(
      () => agencyClient(server(), { ...permanent(server()), accessKey: '' }),
      (error: unknown) =>
        isEcsError(error) &&
        error.message ===
          'The access key of the source profile is missing. Set the credentials of this profile.',
    );
    assert.equal(server().requests.length, 0);
  });
});
