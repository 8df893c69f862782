/**
 * A profile of several regions, against a local server whose account has a project per region:
 * each region's project id is found (password: a token scoped by the region's name; AK/SK: the
 * signed `GET /v3/auth/projects`), and a client built with it lists that region's servers and reads
 * their keys — never another region's.
 */
import * as assert from 'node:assert/strict';
import { createEcsClient, lookupProjectId, lookupProjectIdWithKeys } from '../../src/core';
import type { EcsServerHandle } from '../ecs-server';
import { authFor, rejectionOf, useEcsServer } from './fixtures';

describe('regions of one account: a project per region', () => {
  const server = useEcsServer();

  const second = (s: EcsServerHandle): { region: string; projectId: string } => {
    const other = s.regions[1];
    assert.ok(other, 'the local server answers for a second region');
    return other;
  };

  it('the local server has two regions with different projects and servers', () => {
    const s = server();
    assert.equal(s.regions.length, 2);
    assert.notEqual(s.regions[0].projectId, s.regions[1].projectId);
    const firstIds = s.seed.servers.map((x) => x.id);
    const otherIds = s.seed.otherRegions?.[0].servers.map((x) => x.id) ?? [];
    assert.ok(otherIds.length > 0);
    assert.ok(otherIds.every((id) => !firstIds.includes(id)));
  });

  it("AK/SK: finds each region's project with one signed GET /v3/auth/projects, no X-Project-Id", async () => {
    const s = server();
    const keys = authFor(s, 'aksk');
    assert.equal(keys.type, 'aksk');
    for (const { region, projectId } of s.regions) {
      s.clearRequests();
      const found = await lookupProjectIdWithKeys({ iamEndpoint: s.url, auth: keys, region });
      assert.equal(found, projectId, region);
      assert.deepEqual(
        s.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
        ['GET /v3/auth/projects 200'],
      );
      // 200: the server checked the signature with the official signer.
      const sent = s.requests[0];
      assert.match(sent.headers.authorization ?? '', /^SDK-HMAC-SHA256 Access=/);
      assert.equal(sent.headers['x-project-id'], undefined, 'IAM is global: no project header');
    }
  });

  it('AK/SK: a region the keys have no project in is an error naming it, never another project', async () => {
    const s = server();
    const keys = authFor(s, 'aksk');
    assert.equal(keys.type, 'aksk');
    const error = (await rejectionOf(
      lookupProjectIdWithKeys({ iamEndpoint: s.url, auth: keys, region: 'cn-nowhere-9' }),
    )) as { kind: string; message: string };
    assert.equal(error.kind, 'invalidInput');
    assert.match(error.message, /No project named "cn-nowhere-9"/);
  });

  it('AK/SK: wrong keys are refused by IAM (auth), not taken for "no project"', async () => {
    const s = server();
    const error = (await rejectionOf(
      lookupProjectIdWithKeys({
        iamEndpoint: s.url,
        auth: { type: 'aksk', accessKey: s.credentials.accessKey, secretKey: 'not-the-secret' },
        region: s.region,
      }),
    )) as { kind: string };
    assert.equal(error.kind, 'auth');
  });

  it("password: each region's project comes from a token scoped by the region's name", async () => {
    const s = server();
    const c = s.credentials;
    for (const { region, projectId } of s.regions) {
      s.clearRequests();
      const found = await lookupProjectId({
        iamEndpoint: s.url,
        domain: c.domain,
        user: c.user,
        password: c.password,
        region,
      });
      assert.equal(found, projectId, region);
      assert.equal(s.requests.length, 1);
      assert.match(s.requests[0].body, new RegExp(`"name":"${region}"`));
    }
  });

  for (const authType of ['aksk', 'password'] as const) {
    it(`${authType}: each region's client lists its own servers and reads keys with its own project id`, async () => {
      const s = server();
      const other = second(s);
      const regionServers = [s.seed.servers, s.seed.otherRegions?.[0].servers ?? []];
      for (const [i, { projectId }] of s.regions.entries()) {
        const client = createEcsClient({ endpoint: s.url, projectId, auth: authFor(s, authType) });
        const page = await client.listServers({ limit: 100 });
        assert.deepEqual(
          page.servers.map((x) => x.id).sort(),
          regionServers[i].map((x) => x.id).sort(),
          `region ${s.regions[i].region}`,
        );
        const first = regionServers[i][0];
        s.clearRequests();
        assert.equal(await client.getMetadataItem(first.id, 'owner'), first.metadata.owner);
        const read = s.requests.find((r) => r.path.includes('/metadata/'));
        assert.ok(read?.path.startsWith(`/v2.1/${projectId}/servers/${first.id}`));
      }
      // A server of the second region is not found through the first region's project.
      const firstClient = createEcsClient({
        endpoint: s.url,
        projectId: s.projectId,
        auth: authFor(s, authType),
      });
      const edge = s.seed.otherRegions?.[0].servers[0];
      assert.ok(edge && other);
      const error = (await rejectionOf(firstClient.getMetadataItem(edge.id, 'owner'))) as { kind: string };
      assert.equal(error.kind, 'serverNotFound');
    });
  }
});
