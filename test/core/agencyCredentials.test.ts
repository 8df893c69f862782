import * as assert from 'node:assert/strict';
import { isEcsError, type AgencyAuth, type EcsClientOptions } from '../../src/core';
import { LOCAL_AGENCY, type EcsServerHandle } from '../ecs-server';
import {
  KEYS_RENEWED_AFTER_401,
  WEB_01,
  agencyAuth,
  apiRequests,
  clientWith,
  iamTokenRequests,
  readAcrossExpiry,
  readFiftyAtOnce,
  rejectionOf,
  securityTokenRequests,
  securityTokensAfterReadsAt,
  useEcsServer,
} from './fixtures';
import { assumeRoleIdentity, securityTokensBody } from '../ecs-server/iamBodies';

const SECURITY_TOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

function agencyClient(
  server: EcsServerHandle,
  extra: Partial<AgencyAuth> = {},
  options: Partial<EcsClientOptions> = {},
) {
  return clientWith(server, agencyAuth(server, extra), options);
}

describe('auth "agency": temporary AK/SK through an agency (assume_role)', () => {
  const server = useEcsServer();

  it('signs in with the source password, assumes the agency with the token, signs API calls with the keys', async () => {
    const client = agencyClient(server(), { sessionUser: 'alice' });
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    const [token, assume, api] = server().requests;
    assert.equal(token.path, '/v3/auth/tokens');
    assert.match(
      token.body,
      /"scope":\{"project":\{"name":"[^"]+"/,
      'the source token is scoped to its own project',
    );
    assert.equal(assume.path, SECURITY_TOKENS);
    assert.equal(assume.status, 201);
    assert.ok(assume.headers['x-auth-token'], 'assume_role carries the source token');
    assert.deepEqual(
      JSON.parse(assume.body),
      securityTokensBody(assumeRoleIdentity(900, { session_user: { name: 'alice' } })),
    );
    assert.equal(api.status, 200);
    assert.match(api.headers.authorization, /^SDK-HMAC-SHA256 Access=TMP/);
    assert.match(api.headers.authorization, /x-security-token/);
    assert.equal(api.headers['x-auth-token'], undefined, 'the token does not travel with API calls');
  });

  it('names the delegating account by id when given one', async () => {
    const client = agencyClient(server(), { agencyDomain: { id: LOCAL_AGENCY.domainId } });
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    const body = JSON.parse(securityTokenRequests(server())[0].body) as {
      auth: { identity: { assume_role: Record<string, unknown> } };
    };
    assert.equal(body.auth.identity.assume_role.domain_id, LOCAL_AGENCY.domainId);
    assert.equal(body.auth.identity.assume_role.domain_name, undefined);
  });

  it('assumes the agency with a source token as it is (no password sign-in)', async () => {
    const client = agencyClient(server(), { source: { type: 'token', token: server().credentials.token } });
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.equal(iamTokenRequests(server()), 0);
    assert.equal(securityTokenRequests(server())[0].headers['x-auth-token'], server().credentials.token);
  });

  it('reuses the keys: many calls, one assume_role', async () => {
    const client = agencyClient(server());
    for (let i = 0; i < 5; i++) await client.getMetadataItem(WEB_01, 'owner');
    assert.equal(securityTokenRequests(server()).length, 1);
    assert.equal(iamTokenRequests(server()), 1);
    assert.equal(apiRequests(server()).filter((r) => r.path.startsWith('/v2.1')).length, 5);
  });

  it('50 concurrent first calls share one token and one assume_role', async () => {
    const client = agencyClient(server());
    await readFiftyAtOnce(client);
    assert.equal(securityTokenRequests(server()).length, 1);
    assert.equal(iamTokenRequests(server()), 1);
  });

  it('renews before expiry (900 s keys, clock moved on 11 minutes), reusing the source token', async () => {
    const counts = await securityTokensAfterReadsAt(
      server(),
      (now) => agencyClient(server(), {}, { now }),
      [0, 5, 11],
    );
    assert.equal(counts[1], 1, 'ten minutes left: no renewal');
    assert.equal(counts[2], 2, 'within 5 minutes of expiry: renewed');
    assert.equal(iamTokenRequests(server()), 1, 'the source token is still good');
  });

  it('keys expired mid-use: the 401 gets one fresh set (and a fresh source token) and the call succeeds', async () => {
    const client = agencyClient(server());
    const { owner, routes } = await readAcrossExpiry(server(), client);
    assert.equal(owner, 'team-web');
    assert.deepEqual(routes, KEYS_RENEWED_AFTER_401);
  });

  it('an unknown agency: 404 from IAM, an error that names the agency and the account', async () => {
    const client = agencyClient(server(), { agencyName: 'no_such_agency' });
    const error = await rejectionOf(client.getMetadataItem(WEB_01, 'owner'));
    assert.ok(isEcsError(error, 'invalidInput'));
    assert.equal(error.status, 404);
    assert.deepEqual(error.agency, {
      problem: 'unknownAgency',
      agencyName: 'no_such_agency',
      agencyDomain: LOCAL_AGENCY.domainName,
    });
    assert.match(error.message, /no agency "no_such_agency" in account "local-delegating-domain"/);
    assert.equal(apiRequests(server()).filter((r) => r.path.startsWith('/v2.1')).length, 0);
  });

  it('no Agent Operator role: 403 from IAM, an error that names the role and the agency', async () => {
    server().setFaults({ iamAgentOperator: false });
    const client = agencyClient(server());
    const error = await rejectionOf(client.getMetadataItem(WEB_01, 'owner'));
    assert.ok(isEcsError(error));
    assert.equal(error.kind, 'forbidden');
    assert.equal(error.status, 403);
    assert.equal(error.agency?.problem, 'noAgentOperator');
    assert.equal(error.agency?.agencyName, LOCAL_AGENCY.name);
    assert.match(error.message, /Agent Operator role/);
    assert.equal(error.permission, 'Agent Operator');
  });

  it('the local server knows only the agencies it is given', async () => {
    server().setFaults({
      iamAgencies: [{ domainName: 'other-account', domainId: 'f'.repeat(32), name: 'ops' }],
    });
    const refused = await rejectionOf(agencyClient(server()).getMetadataItem(WEB_01, 'owner'));
    assert.ok(isEcsError(refused, 'invalidInput') && refused.agency?.problem === 'unknownAgency');
    const client = agencyClient(server(), { agencyDomain: { name: 'other-account' }, agencyName: 'ops' });
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
  });

  it('refuses a duration outside 900..86400 before sending anything', () => {
    assert.throws(() => agencyClient(server(), { durationSeconds: 100_000 }), /durationSeconds/);
    assert.equal(server().requests.length, 0);
  });
});
