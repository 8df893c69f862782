/**
 * AK/SK signatures reach IAM when a profile's keys are an agency's source (they sign assume_role at
 * its IAM endpoint), and so does a token (also for a service catalog), so an IAM endpoint of the
 * profile's own — not its region's default — is part of the credential binding: edited in settings,
 * the keys (or the token) are held back until the person confirms.
 */
import * as assert from 'node:assert/strict';
import { bindingChanges, bindingOf } from '../../src/credentials/credentialBinding';
import { resolveProfile } from '../../src/profiles/resolveProfile';
import type { ProfileSetting } from '../../src/profiles/profile';

const PROJECT = '0b5b8a1f3e6c4d7a9f2e1c0d8b7a6f5e';

const keys = (extra: Partial<ProfileSetting> = {}) =>
  bindingOf(resolveProfile({ name: 'p', region: 'cn-north-4', auth: 'aksk', projectId: PROJECT, ...extra }));

describe('credential binding of AK/SK that may sign at IAM', () => {
  it("the region's own IAM endpoint: the binding is as it always was (no IAM origin)", () => {
    assert.equal(keys().iamOrigin, undefined);
    assert.equal(keys({ iamEndpoint: 'https://iam.cn-north-4.myhuaweicloud.com/v3' }).iamOrigin, undefined);
  });

  it('an IAM endpoint of its own binds, so moving it is a change that holds the keys back', () => {
    const entered = keys({ iamEndpoint: 'https://iam.example.com' });
    assert.equal(entered.iamOrigin, 'https://iam.example.com');
    const moved = keys({ iamEndpoint: 'https://iam.attacker.example' });
    assert.deepEqual(bindingChanges(entered, moved), [
      { field: 'iamOrigin', was: 'https://iam.example.com', now: 'https://iam.attacker.example' },
    ]);
    // Keys entered with the region's IAM, then pointed elsewhere in settings: a change too.
    assert.equal(bindingChanges(keys(), moved).length, 1);
  });

  it('endpoints only, no region: a named IAM endpoint binds', () => {
    const binding = bindingOf(
      resolveProfile({
        name: 'p',
        ecsEndpoint: 'https://ecs.example.com',
        iamEndpoint: 'https://iam.example.com:5000',
        auth: 'aksk',
        projectId: PROJECT,
      }),
    );
    assert.equal(binding.iamOrigin, 'https://iam.example.com:5000');
  });
});

describe('credential binding of a token that reaches IAM', () => {
  const token = (extra: Partial<ProfileSetting> = {}) =>
    bindingOf(resolveProfile({ name: 't', auth: 'token', projectId: PROJECT, ...extra }));

  it('a token sent to ECS only, with its region’s IAM: no IAM origin (as before)', () => {
    assert.equal(token({ region: 'cn-north-4' }).iamOrigin, undefined);
  });

  it('a token that asks IAM for the service catalog binds its IAM origin', () => {
    const entered = token({ iamEndpoint: 'https://keystone.example.com:5000/v3' });
    assert.equal(entered.iamOrigin, 'https://keystone.example.com:5000');
    const moved = token({ iamEndpoint: 'https://keystone.attacker.example/v3' });
    assert.deepEqual(
      bindingChanges(entered, moved).map((c) => c.field),
      ['iamOrigin'],
    );
  });

  it("a token with an IAM endpoint of its own (an agency's source) binds it", () => {
    const binding = token({ ecsEndpoint: 'https://ecs.example.com', iamEndpoint: 'https://iam.example.com' });
    assert.equal(binding.iamOrigin, 'https://iam.example.com');
  });
});
