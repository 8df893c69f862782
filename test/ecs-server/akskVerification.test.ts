/**
 * AK/SK checking: requests signed by the official Huawei Cloud signer pass, anything altered fails
 * with APIGW.0301, and the published example of Huawei's signing guide verifies.
 */
import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { verifySignature, parseAuthorization, MAX_SKEW_MS } from './akskVerifier';
import { startEcsServer, type EcsServerHandle } from './index';
import { encodePath, encodeQuery, json, officialSignedHeaders, sdkDate, send, type Answer } from './testHttp';

const WEB_01 = '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11';

describe('local ECS server: AK/SK signatures', () => {
  let server: EcsServerHandle;

  before(async () => {
    server = await startEcsServer();
    server.setMetadata(WEB_01, 'app:owner', 'alice');
    server.setMetadata(WEB_01, '键 with space', '中文值');
  });
  after(() => server.close());

  type SignerInput = Parameters<typeof officialSignedHeaders>[0];

  /** The official signer's headers for a GET with the server's permanent keys, `input` overriding. */
  function signedHeaders(
    input: Partial<SignerInput> & { path: string },
  ): ReturnType<typeof officialSignedHeaders> {
    return officialSignedHeaders({
      baseUrl: server.url,
      accessKey: server.credentials.accessKey,
      secretKey: server.credentials.secretKey,
      projectId: server.projectId,
      ...input,
    });
  }

  /** Signs `path` (unencoded) with the official signer and sends it percent-encoded once. */
  function signedGet(
    path: string,
    overrides: Partial<SignerInput> = {},
    query: Record<string, string> = {},
  ): Promise<Answer> {
    const headers = signedHeaders({ path, query, ...overrides });
    return send(server.url, `${encodePath(path)}${encodeQuery(query)}`, { headers });
  }

  const item = (key: string): string => `/v2.1/${server.projectId}/servers/${WEB_01}/metadata/${key}`;

  function assertSignatureRejected(answer: Answer): Record<string, unknown> {
    assert.equal(answer.status, 401);
    const body = json(answer);
    assert.equal(body.error_code, 'APIGW.0301');
    assert.match(String(body.error_msg), /^Incorrect IAM authentication information: /);
    assert.equal(body.request_id, answer.headers['x-request-id']);
    return body;
  }

  it('accepts a request signed by the official signer', async () => {
    const answer = await signedGet(item('owner'));
    assert.equal(answer.status, 200);
    assert.deepEqual(json(answer), { meta: { owner: 'team-web' } });
  });

  it('accepts the client-style request for key app:owner, sent as app%3Aowner', async () => {
    const answer = await signedGet(item('app:owner'));
    assert.equal(answer.status, 200);
    assert.equal(server.requests.at(-1)?.path, item('app%3Aowner'));
    assert.deepEqual(json(answer), { meta: { 'app:owner': 'alice' } });
  });

  it('accepts a Chinese key signed by the official signer and sent encoded once', async () => {
    server.setMetadata(WEB_01, '负责人', '张三');
    const answer = await signedGet(item('负责人'));
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(json(answer), { meta: { 负责人: '张三' } });
  });

  it('accepts a key with a space signed by the published rule (decode once, encode each segment)', async () => {
    // The SDK signer cannot be the oracle here: Node's url.parse turns the space into %20 before the
    // SDK encodes again (%2520). So build the canonical request by hand, straight from the guide.
    const key = '键 with space';
    const wirePath = encodePath(item(key));
    const date = sdkDate();
    const host = new URL(server.url).host;
    const canonicalUri = `${wirePath
      .split('/')
      .map((s) =>
        encodeURIComponent(decodeURIComponent(s)).replace(
          /[!'()*]/g,
          (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
        ),
      )
      .join('/')}/`;
    const signedHeaders = 'host;x-project-id;x-sdk-date';
    const canonical = [
      'GET',
      canonicalUri,
      '',
      `host:${host}\nx-project-id:${server.projectId}\nx-sdk-date:${date}\n`,
      signedHeaders,
      createHash('sha256').update('').digest('hex'),
    ].join('\n');
    const stringToSign = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical).digest('hex')}`;
    const signature = createHmac('sha256', server.credentials.secretKey).update(stringToSign).digest('hex');
    const answer = await send(server.url, wirePath, {
      headers: {
        host,
        'X-Project-Id': server.projectId,
        'X-Sdk-Date': date,
        Authorization: `SDK-HMAC-SHA256 Access=${server.credentials.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
      },
    });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(json(answer), { meta: { [key]: '中文值' } });
  });

  it('accepts a signed query with several params', async () => {
    const answer = await signedGet(
      `/v2.1/${server.projectId}/servers`,
      {},
      { limit: '2', name: 'web 0', status: 'ACTIVE' },
    );
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(
      (json(answer).servers as { name: string }[]).map((s) => s.name),
      [],
      'no server name contains "web 0"',
    );
    const plain = await signedGet(`/v2.1/${server.projectId}/servers`, {}, { limit: '1', name: 'web-0' });
    assert.equal(plain.status, 200, plain.text);
    assert.equal((json(plain).servers as unknown[]).length, 1);
  });

  it('rejects a tampered signature with APIGW.0301 and shows the canonical request', async () => {
    const headers = signedHeaders({ path: item('owner') });
    const last = headers.Authorization.slice(-1);
    headers.Authorization = headers.Authorization.slice(0, -1) + (last === '0' ? '1' : '0');
    const body = assertSignatureRejected(await send(server.url, item('owner'), { headers }));
    assert.match(String(body.error_msg), /verify aksk signature fail.*canonicalRequest:GET\|\/v2\.1\//);
  });

  it('rejects a signature made for another key, query or secret key', async () => {
    const headers = signedHeaders({ path: item('owner') });
    assertSignatureRejected(await send(server.url, item('env'), { headers }));
    assertSignatureRejected(await send(server.url, `${item('owner')}?x=1`, { headers }));
    assertSignatureRejected(await signedGet(item('owner'), { secretKey: 'not-the-secret-key' }));
  });

  it('rejects a signed header whose value changed after signing', async () => {
    const headers = signedHeaders({ path: item('owner') });
    headers['Content-Type'] = 'text/plain';
    assertSignatureRejected(await send(server.url, item('owner'), { headers }));
  });

  it('rejects an unknown AK, a malformed Authorization header, and a missing X-Project-Id', async () => {
    assertSignatureRejected(await signedGet(item('owner'), { accessKey: 'UNKNOWNAKUNKNOWNAK00' }));
    assertSignatureRejected(
      await send(server.url, item('owner'), { headers: { Authorization: 'Basic dXNlcjpwYXNz' } }),
    );
    const noProject = await signedGet(item('owner'), { projectId: undefined });
    assert.match(String(assertSignatureRejected(noProject).error_msg), /X-Project-Id/);
  });

  it('rejects an X-Sdk-Date more than 15 minutes off, accepts one 10 minutes off', async () => {
    const at = (shift: number): string =>
      new Date(Date.now() + shift)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    const late = await signedGet(item('owner'), { date: at(-(MAX_SKEW_MS + 60_000)) });
    assert.match(String(assertSignatureRejected(late).error_msg), /15 minutes/);
    const early = await signedGet(item('owner'), { date: at(MAX_SKEW_MS + 60_000) });
    assertSignatureRejected(early);
    const tenMinutes = await signedGet(item('owner'), { date: at(-10 * 60_000) });
    assert.equal(tenMinutes.status, 200);
  });

  it('accepts temporary credentials only with their signed security token, and never echoes it', async () => {
    const temp = server.credentials.temporary;
    const ok = await signedGet(item('owner'), {
      accessKey: temp.accessKey,
      secretKey: temp.secretKey,
      securityToken: temp.securityToken,
    });
    assert.equal(ok.status, 200);
    assertSignatureRejected(
      await signedGet(item('owner'), { accessKey: temp.accessKey, secretKey: temp.secretKey }),
    );
    assertSignatureRejected(
      await signedGet(item('owner'), {
        accessKey: temp.accessKey,
        secretKey: temp.secretKey,
        securityToken: 'some-other-token',
      }),
    );
    // A bad signature over a signed security token: the canonical request in the message hides it.
    const rejected = await signedGet(item('owner'), {
      accessKey: temp.accessKey,
      secretKey: 'wrong',
      securityToken: temp.securityToken,
    });
    const body = assertSignatureRejected(rejected);
    assert.ok(!rejected.text.includes(temp.securityToken), 'security token echoed');
    assert.match(String(body.error_msg), /x-security-token:\*\*\*/);
  });

  it('verifies the published example of the signing guide (signature 7be66803…)', () => {
    const auth = parseAuthorization(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, ' +
        'Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
    assert.ok(auth);
    const request = {
      method: 'GET',
      rawPath: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
      rawQuery: 'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      headers: {
        'content-type': 'application/json',
        host: 'service.region.example.com',
        'x-sdk-date': '20191115T033655Z',
      },
      body: '',
    };
    const exampleTime = Date.UTC(2019, 10, 15, 3, 36, 55);
    const secret = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
    assert.deepEqual(verifySignature(request, auth, secret, exampleTime), { ok: true });
    assert.equal(verifySignature({ ...request, rawQuery: 'limit=3' }, auth, secret, exampleTime).ok, false);
    assert.equal(verifySignature(request, auth, secret, exampleTime + MAX_SKEW_MS + 1000).ok, false);
  });
});
