/**
 * `POST /v3.0/OS-CREDENTIAL/securitytokens` signed with AK/SK, as the Huawei SDK's IamClient
 * (CreateTemporaryAccessKeyByToken / ByAgency) and KooCLI send it: the official signer signs here,
 * the server checks with the official signer, and answers temporary keys — or 401 APIGW.0301 for a
 * bad signature.
 */
import * as assert from 'node:assert/strict';
import { startEcsServer, type EcsServerHandle } from './index';
import { json, officialSignedHeaders, send, type Answer } from './testHttp';
import { assumeRoleIdentity, byTokenIdentity } from './iamBodies';

const PATH = '/v3.0/OS-CREDENTIAL/securitytokens';

describe('local ECS server: securitytokens signed with AK/SK', () => {
  let server: EcsServerHandle;

  before(async () => {
    server = await startEcsServer();
  });
  after(() => server.close());

  function signedPost(
    identity: object,
    keys: { accessKey: string; secretKey: string; securityToken?: string },
  ): Promise<Answer> {
    const data = { auth: { identity } };
    const headers = officialSignedHeaders({ method: 'POST', baseUrl: server.url, path: PATH, data, ...keys });
    return send(server.url, PATH, { method: 'POST', headers, body: JSON.stringify(data) });
  }

  const byToken = byTokenIdentity();
  const byAgency = assumeRoleIdentity();
  const permanent = () => ({
    accessKey: server.credentials.accessKey,
    secretKey: server.credentials.secretKey,
  });

  it('method token, signed with the permanent keys: temporary keys, no token needed', async () => {
    const answer = await signedPost(byToken, permanent());
    assert.equal(answer.status, 201, answer.text);
    const { credential } = json(answer) as { credential: Record<string, string> };
    assert.match(credential.access, /^TMP/);
    assert.ok(credential.secret && credential.securitytoken && credential.expires_at);
  });

  it('method assume_role, signed with the permanent keys, and with temporary keys and their security token', async () => {
    assert.equal((await signedPost(byAgency, permanent())).status, 201);
    assert.equal((await signedPost(byAgency, server.credentials.temporary)).status, 201);
  });

  it('a bad signature is 401 APIGW.0301, and temporary keys must sign their security token', async () => {
    const wrong = await signedPost(byToken, {
      ...permanent(),
      secretKey: 'not-the-secret-key-000000000000000000000',
    });
    assert.equal(wrong.status, 401);
    assert.equal(json(wrong).error_code, 'APIGW.0301');
    const { accessKey, secretKey } = server.credentials.temporary;
    const unsignedToken = await signedPost(byAgency, { accessKey, secretKey });
    assert.equal(unsignedToken.status, 401);
    assert.match(String(json(unsignedToken).error_msg), /must sign X-Security-Token/);
  });
});
