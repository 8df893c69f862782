/**
 * The editor side of kept temporary keys (ProfileTokenStore.keyCacheFor) over a SecretStorage in
 * memory: what the keys were issued for decides whether a later run gets them, and forget drops them.
 */
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { CachedTemporaryKey } from '../../src/core';
import type { Credentials } from '../../src/credentials/credentials';
import { ProfileTokenStore } from '../../src/credentials/profileTokenStore';
import type { Profile, ProfileSetting } from '../../src/profiles/profile';
import { resolveProfile } from '../../src/profiles/resolveProfile';

/** SecretStorage in memory; only the calls the store makes. */
function memorySecrets(): vscode.SecretStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (key: string) => entries.get(key),
    store: async (key: string, value: string) => {
      entries.set(key, value);
    },
    delete: async (key: string) => {
      entries.delete(key);
    },
  } as unknown as vscode.SecretStorage & { entries: Map<string, string> };
}

const KEY: CachedTemporaryKey = {
  accessKey: 'TMPKEPT',
  secretKey: 'kept-secret',
  securityToken: 'gQkept',
  expiresAt: '2999-01-01T00:00:00.000Z',
};
const PROJECT = '0b5b8a1f3e6c4d7a9f2e1c0d8b7a6f5e';

const source = (extra: Partial<ProfileSetting> = {}): Profile =>
  resolveProfile({
    name: 'Source',
    region: 'cn-north-4',
    auth: 'password',
    domain: 'acme',
    user: 'ops',
    ...extra,
  });
const agency = (extra: Partial<ProfileSetting> = {}): Profile =>
  resolveProfile({
    name: 'Partner',
    region: 'cn-north-4',
    auth: 'agency',
    sourceProfile: 'Source',
    agencyDomain: 'partner-account',
    agencyName: 'ecs_metadata_reader',
    ...extra,
  });
const temporary = (extra: Partial<ProfileSetting> = {}): Profile =>
  resolveProfile({
    name: 'Temp',
    region: 'cn-north-4',
    auth: 'temporary',
    domain: 'acme',
    user: 'ops',
    ...extra,
  });
const password: Credentials = { password: 'source-password' };

describe('temporary keys kept in SecretStorage (ProfileTokenStore.keyCacheFor)', () => {
  it('a later run (a new store over the same secrets) gets the keys and the project id looked up', async () => {
    const secrets = memorySecrets();
    const first = new ProfileTokenStore(secrets).keyCacheFor(agency(), password, source());
    assert.equal(await first.load(), undefined);
    await first.save(KEY);
    await first.noteProjectId(PROJECT);
    const later = new ProfileTokenStore(secrets).keyCacheFor(agency(), password, source());
    assert.equal(await later.projectId(), PROJECT);
    assert.deepEqual(await later.load(), KEY);
  });

  const changes: [string, () => [Profile, Credentials, Profile | undefined, string?]][] = [
    ['the agency name', () => [agency({ agencyName: 'other_agency' }), password, source()]],
    ['the delegating account', () => [agency({ agencyDomain: 'other-account' }), password, source()]],
    ['the session user', () => [agency({ sessionUser: 'someone' }), password, source()]],
    ['the lifetime', () => [agency({ durationSeconds: 900 }), password, source()]],
    ['the ECS endpoint', () => [agency({ ecsEndpoint: 'https://ecs.example.com' }), password, source()]],
    ['the source profile', () => [agency({ sourceProfile: 'Other' }), password, source({ name: 'Other' })]],
    ['the source password', () => [agency(), { password: 'new-password' }, source()]],
    ['the source user', () => [agency(), password, source({ user: 'someone-else' })]],
    [
      'the source IAM endpoint',
      () => [agency(), password, source({ iamEndpoint: 'https://iam.example.com' })],
    ],
    ["the source's project", () => [agency(), password, source({ projectId: 'f'.repeat(32) })]],
    ['the region', () => [agency(), password, source(), 'ap-southeast-1']],
  ];
  for (const [what, now] of changes) {
    it(`an agency's kept keys are dropped when ${what} changed`, async () => {
      const secrets = memorySecrets();
      const before = new ProfileTokenStore(secrets).keyCacheFor(agency(), password, source(), 'cn-north-4');
      await before.save(KEY);
      await before.noteProjectId(PROJECT);
      const [profile, credentials, src, region = 'cn-north-4'] = now();
      // The same entry name, unless the region (part of the name) changed.
      const after = new ProfileTokenStore(secrets).keyCacheFor(profile, credentials, src, region);
      assert.equal(await after.load(), undefined);
      assert.equal(await after.projectId(), undefined);
      if (region === 'cn-north-4') assert.equal(secrets.entries.size, 0, 'the stale entry is deleted');
    });
  }

  it("a temporary profile's kept keys are dropped when its user or password changed", async () => {
    const secrets = memorySecrets();
    await new ProfileTokenStore(secrets).keyCacheFor(temporary(), password, undefined).save(KEY);
    const store = new ProfileTokenStore(secrets);
    assert.equal(
      await store.keyCacheFor(temporary({ user: 'other' }), password, undefined).load(),
      undefined,
    );
    await new ProfileTokenStore(secrets).keyCacheFor(temporary(), password, undefined).save(KEY);
    assert.equal(await store.keyCacheFor(temporary(), { password: 'new' }, undefined).load(), undefined);
  });

  it('clear (after a 401) drops the keys but keeps the project id', async () => {
    const secrets = memorySecrets();
    const cache = new ProfileTokenStore(secrets).keyCacheFor(agency(), password, source());
    await cache.save(KEY);
    await cache.noteProjectId(PROJECT);
    await cache.clear();
    const later = new ProfileTokenStore(secrets).keyCacheFor(agency(), password, source());
    assert.equal(await later.load(), undefined);
    assert.equal(await later.projectId(), PROJECT);
  });

  it('forget (profile removed or renamed, credentials set again) drops kept keys and tokens, each region too', async () => {
    const secrets = memorySecrets();
    const store = new ProfileTokenStore(secrets);
    await store.keyCacheFor(agency(), password, source()).save(KEY);
    await store.keyCacheFor(agency(), password, source(), 'ap-southeast-1').save(KEY);
    await store.cacheFor(source(), 'source-password').save({ token: 'MIIkept', expiresAt: KEY.expiresAt });
    await store.forget('Partner', ['ap-southeast-1']);
    assert.deepEqual([...secrets.entries.keys()], ['ecsMetadata.token/["Source"]']);
    await store.forget('Source');
    assert.equal(secrets.entries.size, 0);
  });

  it('holds the source password only as a hash', async () => {
    const secrets = memorySecrets();
    await new ProfileTokenStore(secrets).keyCacheFor(agency(), password, source()).save(KEY);
    const [[name, value]] = [...secrets.entries];
    assert.equal(name, 'ecsMetadata.temporaryKeys/["Partner"]');
    assert.ok(!value.includes('source-password'), 'the source password is only hashed');
  });
});
