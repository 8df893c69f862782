/**
 * Password sign-in with the user's domain given by id (OpenStack `user_domain_id`), as a cloud
 * imported from a clouds.yaml without a domain name: the token request names the domain by id, for
 * the user and for the project scope, and the read works; a wrong id is refused by IAM.
 */
import * as assert from 'node:assert/strict';
import { lookupProjectId } from '../../src/core';
import { WEB_01, clientWith, passwordAuth, rejectionOf, useEcsServer } from './fixtures';

describe('password sign-in with the domain by id', () => {
  const server = useEcsServer();

  it('names the domain by id in the token request and reads a key', async () => {
    const s = server();
    const c = s.credentials;
    const client = clientWith(s, passwordAuth(s, { domain: '', domainId: c.domainId }));
    assert.equal(await client.getMetadataItem(WEB_01, 'owner'), s.seed.servers[0].metadata.owner);
    const body = JSON.parse(s.requests.find((r) => r.path === '/v3/auth/tokens')?.body ?? '{}') as {
      auth: { identity: { password: { user: { domain: unknown } } } };
    };
    assert.deepEqual(body.auth.identity.password.user.domain, { id: c.domainId });
  });

  it('finds a region’s project with a token scoped by name in the domain given by id', async () => {
    const s = server();
    const c = s.credentials;
    const found = await lookupProjectId({
      iamEndpoint: s.url,
      domain: '',
      domainId: c.domainId,
      user: c.user,
      password: c.password,
      region: s.regions[1].region,
    });
    assert.equal(found, s.regions[1].projectId);
    const body = JSON.parse(s.requests[0].body) as { auth: { scope: { project: unknown } } };
    assert.deepEqual(body.auth.scope.project, { name: s.regions[1].region, domain: { id: c.domainId } });
  });

  it('a wrong domain id is refused by IAM (auth)', async () => {
    const s = server();
    const client = clientWith(s, passwordAuth(s, { domainId: 'ffffffffffffffffffffffffffffffff' }));
    const error = (await rejectionOf(client.getMetadataItem(WEB_01, 'owner'))) as { kind: string };
    assert.equal(error.kind, 'auth');
  });
});
