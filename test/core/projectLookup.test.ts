/**
 * The project-id lookup of password profiles without a project id: the project the token was scoped
 * to comes first, projects are listed only when the token does not name it, and a project whose
 * name is not the region is never taken.
 */
import * as assert from 'node:assert/strict';
import { lookupProjectId } from '../../src/core';
import type { EcsServerHandle } from '../ecs-server';
import { rejectionOf, useEcsServer } from './fixtures';

describe('project id lookup', () => {
  const server = useEcsServer();

  function lookup(s: EcsServerHandle): Promise<string> {
    return lookupProjectId({
      iamEndpoint: s.url,
      domain: s.credentials.domain,
      user: s.credentials.user,
      password: s.credentials.password,
      region: s.region,
    });
  }

  const calls = (s: EcsServerHandle): string[] => s.requests.map((r) => `${r.method} ${r.path}`);

  it('takes the project the token was scoped to, without listing projects', async () => {
    const s = server();
    assert.equal(await lookup(s), s.projectId);
    assert.deepEqual(calls(s), ['POST /v3/auth/tokens']);
  });

  it('works for a sub-user without iam:projects:list (403 on GET /v3/projects) when the token names the project', async () => {
    const s = server();
    s.setFaults({ iamProjectList: 'forbidden' });
    assert.equal(await lookup(s), s.projectId);
  });

  it('lists projects by name only when the token does not name its project', async () => {
    const s = server();
    s.setFaults({ iamTokenProject: 'omitted' });
    assert.equal(await lookup(s), s.projectId);
    assert.deepEqual(calls(s), ['POST /v3/auth/tokens', 'GET /v3/projects']);
    assert.equal(s.requests[1].query, `name=${s.region}`);
  });

  it('does not take a token project of another name; the listed project of the region wins', async () => {
    const s = server();
    s.setFaults({ iamTokenProject: 'otherRegion' });
    assert.equal(await lookup(s), s.projectId);
    assert.deepEqual(calls(s), ['POST /v3/auth/tokens', 'GET /v3/projects']);
  });

  it('never takes a listed project whose name is not the region', async () => {
    const s = server();
    s.setFaults({ iamTokenProject: 'omitted', iamProjectList: 'otherRegions' });
    const error = (await rejectionOf(lookup(s))) as { kind: string; message: string };
    assert.equal(error.kind, 'invalidInput');
    assert.match(error.message, new RegExp(`No project named "${s.region}"`));
  });

  it('says the permission when it has to list and may not', async () => {
    const s = server();
    s.setFaults({ iamTokenProject: 'omitted', iamProjectList: 'forbidden' });
    const error = (await rejectionOf(lookup(s))) as { kind: string; permission?: string };
    assert.equal(error.kind, 'forbidden');
    assert.equal(error.permission, 'iam:projects:list');
  });
});
