/**
 * Endpoints as people type them: the version (and project) tail that `OS_AUTH_URL`, catalogs and
 * consoles show is cut off once, so requests never go to `/v2.1/v2.1/…` or `/v3/v3/auth/tokens`.
 */
import * as assert from 'node:assert/strict';
import { lookupProjectId, normalizeEndpoint, otherServicePath } from '../../src/core';
import { WEB_01, apiRequests, clientFor, useEcsServer } from './fixtures';

const PROJECT = '9c53a566cb3443ab910cf0daebca90c4';

/** Typed, endpoint kept, tail removed, why the tail was removed. */
type EndpointCase = [string, string, string | undefined, string | undefined];

/** One named test per case: `typed` normalized as a `service` endpoint. */
function itNormalizes(service: 'compute' | 'identity', cases: EndpointCase[]): void {
  for (const [typed, endpoint, removed, trim] of cases) {
    it(`${JSON.stringify(typed)} → ${endpoint}`, () => {
      const result = normalizeEndpoint(typed, service);
      assert.equal(result.endpoint, endpoint);
      assert.equal(result.removed, removed);
      assert.equal(result.trim, trim);
    });
  }
}

describe('endpoints as typed', () => {
  describe('normalizeEndpoint (compute)', () => {
    itNormalizes('compute', [
      [
        'https://ecs.cn-north-4.myhuaweicloud.com',
        'https://ecs.cn-north-4.myhuaweicloud.com',
        undefined,
        undefined,
      ],
      [
        'https://ecs.cn-north-4.myhuaweicloud.com/',
        'https://ecs.cn-north-4.myhuaweicloud.com',
        undefined,
        undefined,
      ],
      ['  http://127.0.0.1:8774/v2.1  ', 'http://127.0.0.1:8774', '/v2.1', 'version'],
      ['http://127.0.0.1:8774/v2.1/', 'http://127.0.0.1:8774', '/v2.1', 'version'],
      [
        `https://nova.example.com/v2.1/${PROJECT}`,
        'https://nova.example.com',
        `/v2.1/${PROJECT}`,
        'versionAndProject',
      ],
      [
        'https://nova.example.com/v2.1/{project_id}',
        'https://nova.example.com',
        '/v2.1/{project_id}',
        'versionAndProject',
      ],
      [
        'https://nova.example.com/v2.1/%(tenant_id)s',
        'https://nova.example.com',
        '/v2.1/%(tenant_id)s',
        'versionAndProject',
      ],
      ['https://cloud.example.com/compute/v2.1', 'https://cloud.example.com/compute', '/v2.1', 'version'],
      ['https://nova.example.com/V2.1', 'https://nova.example.com', '/V2.1', 'version'],
      ['https://nova.example.com/v2', 'https://nova.example.com', '/v2', 'olderVersion'],
      [
        `https://nova.example.com/v2/${PROJECT}`,
        'https://nova.example.com',
        `/v2/${PROJECT}`,
        'olderVersion',
      ],
      // Not a version tail: left as typed.
      ['https://nova.example.com/v2.10', 'https://nova.example.com/v2.10', undefined, undefined],
      ['https://nova.example.com/api/v2.1x', 'https://nova.example.com/api/v2.1x', undefined, undefined],
      ['https://nova.example.com/v2.1/a/b', 'https://nova.example.com/v2.1/a/b', undefined, undefined],
      // What validation refuses is not touched.
      ['not a url/v2.1', 'not a url/v2.1', undefined, undefined],
      ['https://nova.example.com/v2.1?x=1', 'https://nova.example.com/v2.1?x=1', undefined, undefined],
      ['https://v2.1', 'https://v2.1', undefined, undefined],
    ]);
  });

  describe('normalizeEndpoint (identity)', () => {
    itNormalizes('identity', [
      [
        'https://iam.cn-north-4.myhuaweicloud.com',
        'https://iam.cn-north-4.myhuaweicloud.com',
        undefined,
        undefined,
      ],
      ['http://127.0.0.1:5000/v3', 'http://127.0.0.1:5000', '/v3', 'version'],
      ['http://127.0.0.1:5000/v3/', 'http://127.0.0.1:5000', '/v3', 'version'],
      ['https://cloud.example.com/identity/v3', 'https://cloud.example.com/identity', '/v3', 'version'],
      [
        'https://keystone.example.com:5000/v2.0',
        'https://keystone.example.com:5000',
        '/v2.0',
        'olderVersion',
      ],
      ['https://keystone.example.com:5000/v2', 'https://keystone.example.com:5000', '/v2', 'olderVersion'],
      // A compute tail is not an identity tail, and the other way round.
      ['https://keystone.example.com/v2.1', 'https://keystone.example.com/v2.1', undefined, undefined],
      [
        `https://keystone.example.com/v3/${PROJECT}`,
        `https://keystone.example.com/v3/${PROJECT}`,
        undefined,
        undefined,
      ],
    ]);
    it('a compute endpoint typed with /v3 keeps it', () => {
      assert.equal(
        normalizeEndpoint('https://nova.example.com/v3', 'compute').endpoint,
        'https://nova.example.com/v3',
      );
    });
  });

  describe("otherServicePath: the other service's path, and the fix", () => {
    const cases: [string, 'compute' | 'identity', { endpoint: string; removed: string } | undefined][] = [
      ['https://host:5000/v3', 'compute', { endpoint: 'https://host:5000', removed: '/v3' }],
      [
        'https://nova.example.com/compute/v3/',
        'compute',
        { endpoint: 'https://nova.example.com/compute', removed: '/v3' },
      ],
      ['https://host:8774/v2.1', 'identity', { endpoint: 'https://host:8774', removed: '/v2.1' }],
      [
        `https://host:8774/v2.1/${PROJECT}`,
        'identity',
        { endpoint: 'https://host:8774', removed: `/v2.1/${PROJECT}` },
      ],
      // Each service's own path is not the other's.
      ['https://host:8774/v2.1', 'compute', undefined],
      ['https://host:5000/v3', 'identity', undefined],
      ['https://ecs.cn-north-4.myhuaweicloud.com', 'compute', undefined],
      ['not a url/v3', 'compute', undefined],
    ];
    for (const [typed, service, expected] of cases) {
      it(`${service}: ${JSON.stringify(typed)} → ${expected ? expected.endpoint : 'nothing to fix'}`, () => {
        assert.deepEqual(otherServicePath(typed, service), expected);
      });
    }
  });

  describe('clients built from typed endpoints', () => {
    const server = useEcsServer();

    it('a compute endpoint ending in /v2.1/{project_id} sends /v2.1/{project_id}/… once', async () => {
      const client = clientFor(server(), { endpoint: `${server().url}/v2.1/${server().projectId}/` });
      assert.equal(await client.getMetadataItem(WEB_01, 'env'), 'production');
      assert.deepEqual(
        apiRequests(server()).map((r) => r.path),
        [`/v2.1/${server().projectId}/servers/${WEB_01}/metadata/env`],
      );
    });

    it('an identity endpoint ending in /v3 (an OS_AUTH_URL) signs in at /v3/auth/tokens', async () => {
      const client = clientFor(server(), { authType: 'password', iamEndpoint: `${server().url}/v3` });
      assert.equal(await client.getMetadataItem(WEB_01, 'env'), 'production');
      assert.equal(server().requests[0].path, '/v3/auth/tokens');
    });

    it('the project lookup takes an identity endpoint ending in /v3', async () => {
      const c = server().credentials;
      const projectId = await lookupProjectId({
        iamEndpoint: `${server().url}/v3/`,
        domain: c.domain,
        user: c.user,
        password: c.password,
        region: server().region,
      });
      assert.equal(projectId, server().projectId);
      assert.ok(server().requests.every((r) => !r.path.startsWith('/v3/v3')));
    });
  });
});
