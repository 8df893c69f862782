/**
 * Profile names: one with a control character is refused wherever a name enters (the rule lives once,
 * in the core), and a profile's cache and SecretStorage keys are structural, so no name can spell
 * another profile's region key ("Prod\nlocal-1" was Prod in region local-1).
 */
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { profileNameProblem } from '../../src/core';
import { ProfileTokenStore } from '../../src/credentials/profileTokenStore';
import { profileOfKey, profileRegionKey } from '../../src/profiles/profileRegionKey';
import { resolveProfile } from '../../src/profiles/resolveProfile';

describe('profile names', () => {
  const refused = ['Prod\nlocal-1', 'Prod\r', 'tab\there', 'nul\u0000', 'del\u007f', 'c1\u0085', 'ls\u2028'];
  for (const name of refused) {
    it(`refuses ${JSON.stringify(name).replace(/[\u007f-\u009f\u2028]/g, '\\u…')}, showing the control character escaped`, () => {
      const problem = profileNameProblem(name);
      assert.equal(problem?.code, 'profileNameControl');
      // eslint-disable-next-line no-control-regex -- no raw control character may be left
      assert.ok(!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(problem.detail), problem.detail);
      assert.match(problem.detail, /\\(n|r|t|u[0-9a-f]{4})/);
    });
  }

  it('accepts ordinary names, spaces and any script included', () => {
    for (const name of ['Prod', 'Local sample', '生产 环境', 'a/b "c" [d]', '["Prod","local-1"]']) {
      assert.equal(profileNameProblem(name), undefined, name);
    }
    assert.equal(profileNameProblem('')?.code, 'profileNameEmpty');
  });

  it('keys no profile the same as another profile in a region, whatever the names', () => {
    const keys = [
      profileRegionKey('Prod', 'local-1'),
      profileRegionKey('Prod\nlocal-1'),
      profileRegionKey('Prod'),
      profileRegionKey('["Prod","local-1"]'),
      profileRegionKey('Prod\n', 'local-1'),
    ];
    assert.equal(new Set(keys).size, keys.length, keys.join(' | '));
    assert.equal(profileOfKey(profileRegionKey('Prod\nlocal-1')), 'Prod\nlocal-1');
    assert.equal(profileOfKey(profileRegionKey('Prod', 'local-1')), 'Prod');
  });

  it("keeps one profile's region token apart from a profile named after that region", async () => {
    const entries = new Map<string, string>();
    const secrets = {
      get: async (key: string) => entries.get(key),
      store: async (key: string, value: string) => void entries.set(key, value),
      delete: async (key: string) => void entries.delete(key),
    } as unknown as vscode.SecretStorage;
    const store = new ProfileTokenStore(secrets);
    const profile = (name: string) =>
      resolveProfile({ name, auth: 'password', regions: ['local-1'], iamEndpoint: 'https://iam.example' });
    const expiresAt = '2999-01-01T00:00:00.000Z';
    await store.cacheFor(profile('Prod'), 'pw', 'local-1').save({ token: 'MIIprod', expiresAt });
    await store.cacheFor(profile('Prod\nlocal-1'), 'pw').save({ token: 'MIIother', expiresAt });
    assert.equal(entries.size, 2, [...entries.keys()].join(' | '));
    await store.forget('Prod\nlocal-1');
    assert.equal((await store.cacheFor(profile('Prod'), 'pw', 'local-1').load())?.token, 'MIIprod');
  });
});
