import * as assert from 'node:assert/strict';
import { resolveProfile } from '../../src/profiles/resolveProfile';

describe('profile defaults', () => {
  it('takes both endpoints from the region', () => {
    const profile = resolveProfile({ name: 'p', region: 'cn-north-4', auth: 'aksk' });
    assert.equal(profile.ecsEndpoint, 'https://ecs.cn-north-4.myhuaweicloud.com');
    assert.equal(profile.iamEndpoint, 'https://iam.cn-north-4.myhuaweicloud.com');
  });

  it('does not throw for a mistyped region (one bad entry must not break every profile list)', () => {
    const profile = resolveProfile({ name: 'p', region: 'CN North 4', auth: 'aksk' });
    assert.equal(profile.region, 'CN North 4');
    assert.equal(profile.ecsEndpoint, '');
    assert.equal(profile.iamEndpoint, '');
  });

  it('keeps endpoints given explicitly, without a trailing slash', () => {
    const profile = resolveProfile({
      name: 'p',
      region: 'not a region',
      ecsEndpoint: 'https://compute.example.com/',
      iamEndpoint: 'https://identity.example.com/v3/',
      auth: 'password',
    });
    assert.equal(profile.ecsEndpoint, 'https://compute.example.com');
    // An OS_AUTH_URL as configured: the client adds /v3 itself.
    assert.equal(profile.iamEndpoint, 'https://identity.example.com');
  });

  it('takes configured endpoints as people copy them: …/v2.1/{project_id} and …/v3 are cut off', () => {
    const profile = resolveProfile({
      name: 'p',
      ecsEndpoint: 'http://127.0.0.1:8774/v2.1/9c53a566cb3443ab910cf0daebca90c4',
      iamEndpoint: 'http://127.0.0.1:5000/v3',
      auth: 'password',
    });
    assert.equal(profile.ecsEndpoint, 'http://127.0.0.1:8774');
    assert.equal(profile.iamEndpoint, 'http://127.0.0.1:5000');
  });

  it('a password or token profile with its own IAM endpoint and no ECS endpoint uses the service catalog', () => {
    for (const auth of ['password', 'token'] as const) {
      const profile = resolveProfile({
        name: 'p',
        region: 'local-1',
        iamEndpoint: 'https://k.example',
        auth,
      });
      assert.equal(profile.endpointFromCatalog, true, auth);
      assert.equal(profile.ecsEndpoint, '', 'not the Huawei endpoint of the region');
    }
  });

  it("keeps the region's Huawei endpoint for region-only profiles, AK/SK and typed endpoints", () => {
    const regionOnly = resolveProfile({ name: 'p', region: 'cn-north-4', auth: 'password' });
    assert.equal(regionOnly.endpointFromCatalog, false);
    assert.equal(regionOnly.ecsEndpoint, 'https://ecs.cn-north-4.myhuaweicloud.com');
    const aksk = resolveProfile({
      name: 'p',
      region: 'cn-north-4',
      iamEndpoint: 'https://k.example',
      auth: 'aksk',
    });
    assert.equal(aksk.endpointFromCatalog, false);
    const typed = resolveProfile({
      name: 'p',
      ecsEndpoint: 'https://c.example',
      iamEndpoint: 'https://k.example',
      auth: 'password',
    });
    assert.equal(typed.endpointFromCatalog, false);
    assert.equal(typed.ecsEndpoint, 'https://c.example');
  });
});
