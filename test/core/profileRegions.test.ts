/**
 * `regions` on a profile: the list as written (or the old single `region`), each region's own
 * endpoints from Huawei's list unless the profile names them, its own configured servers, and a
 * credential binding that names every place the secrets go.
 */
import * as assert from 'node:assert/strict';
import { bindingOf } from '../../src/credentials/credentialBinding';
import { profileInRegion } from '../../src/profiles/profileInRegion';
import { resolveProfile } from '../../src/profiles/resolveProfile';

const A = '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11';
const B = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b55';

describe('profile regions', () => {
  it('the old single region is a list of one, and the profile is its own region', () => {
    const profile = resolveProfile({ name: 'p', region: 'cn-north-4', auth: 'aksk' });
    assert.deepEqual(profile.regions, ['cn-north-4']);
    assert.equal(profile.region, 'cn-north-4');
    assert.equal(profileInRegion(profile, 'cn-north-4'), profile);
  });

  it('no region at all (endpoints only) is an empty list', () => {
    const profile = resolveProfile({ name: 'p', ecsEndpoint: 'https://c.example', auth: 'token' });
    assert.deepEqual(profile.regions, []);
    assert.equal(profile.region, undefined);
  });

  it('several regions: in order, each once; `regions` wins over `region`; no single region', () => {
    const profile = resolveProfile({
      name: 'p',
      region: 'cn-east-3',
      regions: ['cn-north-4', 'ap-southeast-1', 'cn-north-4'],
      auth: 'aksk',
    });
    assert.deepEqual(profile.regions, ['cn-north-4', 'ap-southeast-1']);
    assert.equal(profile.region, undefined);
    assert.equal(profile.ecsEndpoint, '', 'no one endpoint stands for every region');
  });

  it("each region gets its own ECS and IAM endpoints from Huawei's region list", () => {
    const profile = resolveProfile({
      name: 'p',
      regions: ['cn-north-4', 'ap-southeast-1'],
      auth: 'password',
    });
    const north = profileInRegion(profile, 'cn-north-4');
    const sg = profileInRegion(profile, 'ap-southeast-1');
    assert.equal(north.region, 'cn-north-4');
    assert.deepEqual(north.regions, ['cn-north-4']);
    assert.equal(north.ecsEndpoint, 'https://ecs.cn-north-4.myhuaweicloud.com');
    assert.equal(north.iamEndpoint, 'https://iam.cn-north-4.myhuaweicloud.com');
    assert.equal(sg.ecsEndpoint, 'https://ecs.ap-southeast-1.myhuaweicloud.com');
    assert.equal(sg.iamEndpoint, 'https://iam.ap-southeast-1.myhuaweicloud.com');
  });

  it('endpoints the profile names serve every region (another cloud); the project stays per region', () => {
    const profile = resolveProfile({
      name: 'p',
      regions: ['local-1', 'local-2'],
      ecsEndpoint: 'http://127.0.0.1:8774/v2.1',
      iamEndpoint: 'http://127.0.0.1:5000/v3',
      auth: 'aksk',
    });
    for (const region of profile.regions) {
      const inRegion = profileInRegion(profile, region);
      assert.equal(inRegion.ecsEndpoint, 'http://127.0.0.1:8774');
      assert.equal(inRegion.iamEndpoint, 'http://127.0.0.1:5000');
      assert.equal(inRegion.projectId, undefined, 'looked up per region');
    }
  });

  it('a catalog profile of several regions asks each region its own catalog endpoint', () => {
    const profile = resolveProfile({
      name: 'p',
      regions: ['local-1', 'local-2'],
      iamEndpoint: 'https://k.example',
      auth: 'password',
    });
    assert.equal(profile.endpointFromCatalog, true);
    const second = profileInRegion(profile, 'local-2');
    assert.equal(second.endpointFromCatalog, true);
    assert.equal(second.ecsEndpoint, '');
    assert.equal(second.region, 'local-2', 'the region the catalog entry is picked by');
  });

  it("configured servers belong to their region; without one, to the profile's first region", () => {
    const profile = resolveProfile({
      name: 'p',
      regions: ['local-1', 'local-2'],
      auth: 'aksk',
      servers: [{ id: A }, { id: B, name: 'edge', region: 'local-2' }],
    });
    assert.deepEqual(
      profileInRegion(profile, 'local-1').servers.map((s) => s.id),
      [A],
    );
    assert.deepEqual(
      profileInRegion(profile, 'local-2').servers.map((s) => s.id),
      [B],
    );
  });

  it('the credential binding of several regions names every region’s hosts; one region’s stays as before', () => {
    const one = bindingOf(
      resolveProfile({ name: 'p', region: 'cn-north-4', auth: 'password', domain: 'd', user: 'u' }),
    );
    assert.equal(one.ecsOrigin, 'https://ecs.cn-north-4.myhuaweicloud.com');
    assert.equal(one.iamOrigin, 'https://iam.cn-north-4.myhuaweicloud.com');
    const two = bindingOf(
      resolveProfile({
        name: 'p',
        regions: ['cn-north-4', 'ap-southeast-1'],
        auth: 'password',
        domain: 'd',
        user: 'u',
      }),
    );
    assert.equal(
      two.ecsOrigin,
      'https://ecs.cn-north-4.myhuaweicloud.com https://ecs.ap-southeast-1.myhuaweicloud.com',
    );
    assert.equal(
      two.iamOrigin,
      'https://iam.cn-north-4.myhuaweicloud.com https://iam.ap-southeast-1.myhuaweicloud.com',
    );
  });

  it('AK/SK: IAM joins the binding only when a project is looked up there (no project id)', () => {
    const withProject = bindingOf(
      resolveProfile({
        name: 'p',
        region: 'cn-north-4',
        auth: 'aksk',
        projectId: '0b5b8a1f3e6c4d7a9f2e1c0d8b7a6f5e',
      }),
    );
    assert.equal(withProject.iamOrigin, undefined, 'unchanged for existing AK/SK profiles');
    const lookedUp = bindingOf(
      resolveProfile({ name: 'p', regions: ['cn-north-4', 'ap-southeast-1'], auth: 'aksk' }),
    );
    assert.equal(
      lookedUp.iamOrigin,
      'https://iam.cn-north-4.myhuaweicloud.com https://iam.ap-southeast-1.myhuaweicloud.com',
    );
  });
});
