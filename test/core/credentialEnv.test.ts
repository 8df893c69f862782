import * as assert from 'node:assert/strict';
import { parseHuaweiEnv } from '../../src/profileImport/huaweiEnv';
import { parseOpenStackEnv } from '../../src/profileImport/openStackEnv';

describe('environment variables import', () => {
  const openrc = {
    OS_AUTH_URL: 'https://keystone.example.org:5000/v3',
    OS_USERNAME: 'demo',
    OS_PASSWORD: 'rc-Passw0rd',
    OS_PROJECT_NAME: 'demo',
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_NAME: 'Default',
    OS_REGION_NAME: 'RegionOne',
    OS_IDENTITY_API_VERSION: '3',
  };

  it('reads the OS_* variables of an openrc file as one cloud named envvars', () => {
    const { candidates, skipped } = parseOpenStackEnv(openrc);
    assert.deepEqual(skipped, []);
    assert.deepEqual(candidates, [
      {
        name: 'envvars',
        source: 'osEnv',
        origin: 'environment',
        auth: 'password',
        iamEndpoint: 'https://keystone.example.org:5000',
        region: 'RegionOne',
        projectName: 'demo',
        domain: 'Default',
        user: 'demo',
        secret: { password: 'rc-Passw0rd' },
      },
    ]);
  });

  it('uses OS_CLOUD_NAME as the name, and a token when OS_TOKEN is all there is', () => {
    const { candidates } = parseOpenStackEnv({
      OS_CLOUD_NAME: 'ci',
      OS_AUTH_URL: 'https://k.example/v3',
      OS_TOKEN: 'gAAAAAtoken',
      OS_PROJECT_ID: 'abc123',
    });
    assert.equal(candidates[0].name, 'ci');
    assert.equal(candidates[0].auth, 'token');
    assert.deepEqual(candidates[0].secret, { token: 'gAAAAAtoken' });
  });

  it('finds nothing without OS_* variables, and refuses OS_INSECURE', () => {
    assert.deepEqual(parseOpenStackEnv({ PATH: '/usr/bin' }), { candidates: [], skipped: [] });
    const insecure = parseOpenStackEnv({ ...openrc, OS_INSECURE: 'true' });
    assert.deepEqual(insecure.candidates, []);
    assert.equal(insecure.skipped[0].reason, 'verifyDisabled');
  });

  it('reads HUAWEICLOUD_SDK_AK/SK first, then CLOUD_SDK_AK/SK, then HW_ACCESS_KEY/SECRET_KEY, never mixing pairs', () => {
    const all = {
      HUAWEICLOUD_SDK_AK: 'AK1AAAAAAAAAAAAAAAAA',
      HUAWEICLOUD_SDK_SK: 'sk1',
      CLOUD_SDK_AK: 'AK2AAAAAAAAAAAAAAAAA',
      CLOUD_SDK_SK: 'sk2',
      HW_ACCESS_KEY: 'AK3AAAAAAAAAAAAAAAAA',
      HW_SECRET_KEY: 'sk3',
      HW_REGION_NAME: 'cn-north-4',
      HW_PROJECT_ID: '9c53a566cb3443ab910cf0daebca90c4',
    };
    const first = parseHuaweiEnv(all).candidates[0];
    assert.deepEqual(first, {
      name: 'huaweicloud-env',
      source: 'huaweiEnv',
      origin: 'environment',
      auth: 'aksk',
      region: 'cn-north-4',
      projectId: '9c53a566cb3443ab910cf0daebca90c4',
      secret: { accessKey: 'AK1AAAAAAAAAAAAAAAAA', secretKey: 'sk1' },
    });
    const withoutFirstSk: Record<string, string | undefined> = { ...all, HUAWEICLOUD_SDK_SK: undefined };
    assert.deepEqual(parseHuaweiEnv(withoutFirstSk).candidates[0].secret, {
      accessKey: 'AK2AAAAAAAAAAAAAAAAA',
      secretKey: 'sk2',
    });
    assert.deepEqual(
      parseHuaweiEnv({ HW_ACCESS_KEY: 'AK3AAAAAAAAAAAAAAAAA', HW_SECRET_KEY: 'sk3', HW_SECURITY_TOKEN: 'st' })
        .candidates[0].secret,
      { accessKey: 'AK3AAAAAAAAAAAAAAAAA', secretKey: 'sk3', securityToken: 'st' },
    );
  });

  it('an AK without its SK comes without a secret, to be asked for', () => {
    const [candidate] = parseHuaweiEnv({
      CLOUD_SDK_AK: 'AK2AAAAAAAAAAAAAAAAA',
      HW_SECRET_KEY: 'sk3',
    }).candidates;
    assert.equal(candidate.secret, undefined);
    assert.equal(candidate.missingSecret, 'absent');
    assert.deepEqual(parseHuaweiEnv({ HOME: '/root' }).candidates, []);
  });
});
