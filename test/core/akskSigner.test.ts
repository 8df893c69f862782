import * as assert from 'node:assert/strict';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { canonicalRequest, formatSdkDate, signRequest } from '../../src/core/akskSigner';
import { encodePathSegment } from '../../src/core/percentEncoding';
import { sendHttp } from '../../src/core/httpTransport';
import { WEB_01, clientFor, clientWith, useEcsServer } from './fixtures';

const PUBLISHED = {
  ak: 'QTWAOYTTINDUT2QVKYUC',
  sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
  signature: '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
};
const PROJECT = '9c53a566cb3443ab910cf0daebca90c4';
const HOST = 'ecs.cn-north-4.myhuaweicloud.com';
const DATE = '20240102T030405Z';

/** What the official SDK signer says for the same request. */
function sdkAuthorization(
  path: string,
  queryParams: Record<string, string>,
  headers: Record<string, string>,
  ak: string,
  sk: string,
): string {
  const signed = AKSKSigner.sign(
    {
      method: 'GET',
      endpoint: `https://${HOST}${path}`,
      queryParams,
      headers,
      data: undefined,
    } as Parameters<typeof AKSKSigner.sign>[0],
    { getAk: () => ak, getSk: () => sk } as Parameters<typeof AKSKSigner.sign>[1],
  ) as Record<string, string>;
  return signed.Authorization;
}

function ourHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    Host: HOST,
    'X-Project-Id': PROJECT,
    'X-Sdk-Date': DATE,
    ...extra,
  };
}

/** The SDK reads the date only under `X-Sdk-Date` and the host only under `host`. */
function sdkHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    host: HOST,
    'X-Project-Id': PROJECT,
    'X-Sdk-Date': DATE,
    ...extra,
  };
}

describe('AK/SK signing (SDK-HMAC-SHA256)', () => {
  it('reproduces the published example of the signing guide', () => {
    const authorization = signRequest(
      {
        method: 'GET',
        path: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
        query: [
          ['limit', '2'],
          ['marker', '13551d6b-755d-4757-b956-536f674975c0'],
        ],
        headers: {
          'Content-Type': 'application/json',
          Host: 'service.region.example.com',
          'X-Sdk-Date': '20191115T033655Z',
        },
      },
      { accessKey: PUBLISHED.ak, secretKey: PUBLISHED.sk },
    );
    assert.equal(
      authorization,
      `SDK-HMAC-SHA256 Access=${PUBLISHED.ak}, SignedHeaders=content-type;host;x-sdk-date, Signature=${PUBLISHED.signature}`,
    );
  });

  it('formats X-Sdk-Date as yyyyMMddTHHmmssZ in UTC', () => {
    assert.equal(formatSdkDate(new Date('2019-11-15T03:36:55.999Z')), '20191115T033655Z');
  });

  const keys = [
    'key1',
    'app:owner',
    'a.b.c',
    'Under_Score-dash',
    'x:y:z.1-2_3',
    'A'.repeat(255),
    '0',
    'CamelCase:v2.0',
  ];
  for (const key of keys) {
    it(`agrees byte for byte with the official signer on the metadata request for key "${key.slice(0, 20)}"`, () => {
      const rawPath = `/v2.1/${PROJECT}/servers/${WEB_01}/metadata/${key}`;
      const wirePath = `/v2.1/${PROJECT}/servers/${WEB_01}/metadata/${encodePathSegment(key)}`;
      const ours = signRequest(
        { method: 'GET', path: wirePath, query: [], headers: ourHeaders() },
        {
          accessKey: PUBLISHED.ak,
          secretKey: PUBLISHED.sk,
        },
      );
      assert.equal(ours, sdkAuthorization(rawPath, {}, sdkHeaders(), PUBLISHED.ak, PUBLISHED.sk));
    });
  }

  const queries: Record<string, string>[] = [
    { limit: '25' },
    { limit: '100', marker: WEB_01, name: 'web-01' },
    { name: 'a b+c&d=e/f?g', marker: WEB_01 },
    { name: '日志服务器', limit: '1000' },
    { zeta: '1', alpha: '2', Mid: '3', _x: '4' },
  ];
  for (const query of queries) {
    it(`agrees with the official signer on a query of ${Object.keys(query).join(', ')}`, () => {
      const path = `/v2.1/${PROJECT}/servers/detail`;
      const ours = signRequest(
        { method: 'GET', path, query: Object.entries(query), headers: ourHeaders() },
        {
          accessKey: PUBLISHED.ak,
          secretKey: PUBLISHED.sk,
        },
      );
      assert.equal(ours, sdkAuthorization(path, query, sdkHeaders(), PUBLISHED.ak, PUBLISHED.sk));
    });
  }

  it('signs X-Security-Token for temporary credentials, as the official signer does', () => {
    const path = `/v2.1/${PROJECT}/servers/${WEB_01}/metadata/env`;
    const token = 'gQpjbi1ub3J0aC00hT5-temporary-token';
    const ours = signRequest(
      { method: 'GET', path, query: [], headers: ourHeaders({ 'X-Security-Token': token }) },
      { accessKey: PUBLISHED.ak, secretKey: PUBLISHED.sk },
    );
    assert.match(ours, /SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,/);
    assert.equal(
      ours,
      sdkAuthorization(path, {}, sdkHeaders({ 'X-Security-Token': token }), PUBLISHED.ak, PUBLISHED.sk),
    );
  });

  it('encodes keys outside the Huawei set once: decode the sent segment, then encode it (RFC 3986, upper-case hex)', () => {
    const { text } = canonicalRequest({
      method: 'GET',
      path: `/v2.1/p/servers/s/metadata/${encodePathSegment('a b/ü~*')}`,
      query: [],
      headers: { host: HOST, 'x-sdk-date': DATE },
    });
    assert.equal(text.split('\n')[1], '/v2.1/p/servers/s/metadata/a%20b%2F%C3%BC~%2A/');
  });

  it('sends each path segment percent-encoded once, as the canonical URI encodes it', () => {
    assert.equal(encodePathSegment('app:owner'), 'app%3Aowner');
    assert.equal(encodePathSegment('a/b?c#d'), 'a%2Fb%3Fc%23d');
  });

  describe('against the local gateway (official signer, decoding once)', () => {
    const server = useEcsServer();

    it('is accepted for a client request whose key has ":" and "."', async () => {
      const client = clientFor(server());
      assert.equal(await client.getMetadataItem(WEB_01, 'backup.policy'), 'daily-7');
      assert.equal(await client.getMetadataItem(WEB_01, 'app:tier'), 'frontend');
    });

    it('is accepted for a path segment outside the Huawei set (space, slash, non-ASCII)', async () => {
      const s = server();
      const url = new URL(s.url);
      url.pathname = `/v2.1/${s.projectId}/servers/${WEB_01}/metadata/${encodePathSegment('no such/kéy')}`;
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Host: url.host,
        'X-Project-Id': s.projectId,
        'X-Sdk-Date': formatSdkDate(new Date()),
      };
      headers.Authorization = signRequest(
        { method: 'GET', path: url.pathname, query: [], headers },
        { accessKey: s.credentials.accessKey, secretKey: s.credentials.secretKey },
      );
      const answer = await sendHttp(
        { method: 'GET', url, headers },
        { timeoutMs: 5000, maxResponseBytes: 1e6 },
        undefined,
      );
      // Signature accepted: the gateway got as far as looking the key up.
      assert.equal(answer.status, 404, answer.body);
      assert.match(answer.body, /Metadata item was not found/);
    });

    it('is rejected with a wrong secret key (so acceptance above means something)', async () => {
      const client = clientWith(server(), {
        type: 'aksk',
        accessKey: server().credentials.accessKey,
        secretKey: 'wrong-secret-key-0000',
      });
      await assert.rejects(client.getMetadataItem(WEB_01, 'env'), {
        kind: 'auth',
        code: 'APIGW.0301',
        status: 401,
      });
    });

    it('uses the injected clock for X-Sdk-Date (a clock 20 minutes off is refused)', async () => {
      const client = clientFor(server(), { now: () => new Date(Date.now() - 20 * 60_000) });
      await assert.rejects(client.getMetadataItem(WEB_01, 'env'), { kind: 'auth', status: 401 });
      assert.match(server().requests[0].headers['x-sdk-date'], /^\d{8}T\d{6}Z$/);
    });
  });
});
