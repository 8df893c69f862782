import * as assert from 'node:assert/strict';
import {
  computeEndpointFromCatalog,
  createEcsClient,
  discoverComputeEndpoint,
  EcsError,
} from '../../src/core';
import { WEB_01, useEcsServer } from './fixtures';

const PID = '7f1ee2c4e0b94c4a9d4c1f7e9b1b2a3c';

function catalog(...endpoints: { interface: string; region: string; url: string }[]): unknown {
  return [
    {
      type: 'identity',
      endpoints: [{ interface: 'public', region_id: 'r-1', url: 'https://id.example/v3' }],
    },
    { type: 'compute', endpoints: endpoints.map((e) => ({ ...e, region_id: e.region })) },
  ];
}

describe('compute endpoint from the service catalog', () => {
  it('takes the public compute endpoint of the region, not internal ones or other regions', () => {
    const found = computeEndpointFromCatalog(
      catalog(
        { interface: 'internal', region: 'r-1', url: 'https://nova-internal.example/v2.1' },
        { interface: 'public', region: 'r-2', url: 'https://nova-r2.example/v2.1' },
        { interface: 'public', region: 'r-1', url: `https://nova-r1.example:8774/v2.1/${PID}` },
      ),
      { region: 'r-1', projectId: PID },
    );
    assert.equal(found, 'https://nova-r1.example:8774');
  });

  it('removes /v2.1, /v2.1/{project_id} or /v2/{project_id} and keeps any path before them', () => {
    const one = (url: string): string =>
      computeEndpointFromCatalog(catalog({ interface: 'public', region: 'r', url }), {
        region: 'r',
        projectId: PID,
      });
    assert.equal(one('https://cloud.example/compute/v2.1'), 'https://cloud.example/compute');
    assert.equal(one(`https://cloud.example/compute/v2.1/${PID}/`), 'https://cloud.example/compute');
    assert.equal(
      one(`https://ecs.cn-north-4.myhuaweicloud.com/v2/${PID}`),
      'https://ecs.cn-north-4.myhuaweicloud.com',
    );
    assert.equal(one('https://ecs.example'), 'https://ecs.example');
  });

  it('refuses plain http to another machine, as for typed endpoints', () => {
    assert.throws(
      () =>
        computeEndpointFromCatalog(
          catalog({ interface: 'public', region: 'r', url: 'http://nova.example/v2.1' }),
          {
            region: 'r',
          },
        ),
      (e: unknown) => e instanceof EcsError && e.kind === 'invalidInput' && /https/.test(e.message),
    );
  });

  it('without a region takes the only public compute endpoint, and says so when there is none', () => {
    assert.equal(
      computeEndpointFromCatalog(
        catalog({ interface: 'public', region: 'r', url: 'https://n.example/v2.1' }),
        {},
      ),
      'https://n.example',
    );
    assert.throws(
      () => computeEndpointFromCatalog(catalog(), { region: 'r' }),
      (e: unknown) => e instanceof EcsError && e.code === 'noComputeInCatalog' && e.message.includes('"r"'),
    );
  });

  describe('against the local server', () => {
    const server = useEcsServer();

    it('a password profile with no endpoint and no project id: one token with catalog, scoped by region, gives both', async () => {
      const s = server();
      const found = await discoverComputeEndpoint({
        iamEndpoint: s.url,
        auth: {
          type: 'password',
          domain: s.credentials.domain,
          user: s.credentials.user,
          password: s.credentials.password,
        },
        region: s.region,
      });
      assert.deepEqual(found, { ecsEndpoint: s.url, projectId: s.projectId });
      assert.deepEqual(
        s.requests.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`),
        ['POST /v3/auth/tokens'],
        'the catalog is asked for (no nocatalog=true)',
      );
      const client = createEcsClient({
        endpoint: found.ecsEndpoint,
        projectId: found.projectId,
        auth: { type: 'password', iamEndpoint: s.url, ...s.credentials },
      });
      assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    });

    it('a token profile: Keystone describes the token (GET /v3/auth/tokens with X-Subject-Token)', async () => {
      const s = server();
      const found = await discoverComputeEndpoint({
        iamEndpoint: s.url,
        auth: { type: 'token', token: s.credentials.token },
        region: s.region,
      });
      assert.deepEqual(found, { ecsEndpoint: s.url, projectId: s.projectId });
      const [request] = s.requests;
      assert.equal(`${request.method} ${request.path}`, 'GET /v3/auth/tokens');
      assert.equal(request.headers['x-subject-token'], s.credentials.token);
    });

    it('a region the catalog does not serve is an error naming the region', async () => {
      const s = server();
      await assert.rejects(
        discoverComputeEndpoint({
          iamEndpoint: s.url,
          auth: { type: 'token', token: s.credentials.token },
          region: 'nowhere-1',
        }),
        (e: unknown) => e instanceof EcsError && e.message.includes('"nowhere-1"'),
      );
    });
  });
});
