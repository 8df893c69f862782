/** Protected (system) keys: the globs of `ecsMetadata.protectedKeys`, a change's protected keys, and their marks in a JSON document. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { keyChanges } from '../../src/metadata/metadataChange';
import { metadataDocumentText } from '../../src/metadata/metadataDocument';
import { protectedKeyMarks } from '../../src/metadata/protectedKeyMarks';
import {
  changedProtectedKeys,
  consequenceOf,
  globMatchesText as globMatches,
  isProtectedKey,
  protectedKeysOf,
} from '../../src/metadata/protectedKeys';
import { DEFAULT_PROTECTED_KEYS } from '../../src/settings/protectedKeyDefaults';

/** The system keys of a real Huawei answer (ecs-api.md §10). */
const huaweiSystemKeys = [
  'charging_mode',
  'metering.image_id',
  'metering.imagetype',
  'metering.resourcespeccode',
  'metering.order_id',
  'image_name',
  'os_bit',
  'cascaded.instance_extrainfo',
  'metering.resourcetype',
  'vpc_id',
  'os_type',
  '__support_agent_list',
  'agency_name',
  'EcmResStatus',
  'lockCheckEndpoint',
  'lockSource',
  'lockSourceId',
  'lockScene',
  'virtual_env_type',
];

describe('protected keys', () => {
  it('the default globs protect every documented system key and no user key', () => {
    for (const key of huaweiSystemKeys) assert.ok(isProtectedKey(key, DEFAULT_PROTECTED_KEYS), key);
    for (const key of [
      'env',
      'owner',
      'app:tier',
      'backup.policy',
      'metering',
      'agency',
      'os_type2',
      'block',
    ])
      assert.equal(isProtectedKey(key, DEFAULT_PROTECTED_KEYS), false, key);
  });

  it("the setting's default in package.json is the same list, application-scoped", () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
    ) as {
      contributes: { configuration: { properties: Record<string, { default: unknown; scope: string }> } };
    };
    const setting = manifest.contributes.configuration.properties['ecsMetadata.protectedKeys'];
    assert.deepEqual(setting.default, DEFAULT_PROTECTED_KEYS);
    assert.equal(setting.scope, 'application');
  });

  it('globs: * any run, ? one character, everything else literal and case-sensitive', () => {
    assert.ok(globMatches('a*c', 'abbbc'));
    assert.ok(globMatches('a*c', 'ac'));
    assert.ok(globMatches('*', ''));
    assert.ok(globMatches('a?c', 'abc'));
    assert.equal(globMatches('a?c', 'ac'), false);
    assert.equal(globMatches('a.c', 'abc'), false, 'a dot is a dot, not any character');
    assert.equal(globMatches('Lock*', 'lockScene'), false);
    assert.ok(globMatches('*_id', 'vpc_id'));
    assert.equal(globMatches('*_id', 'vpc_idx'), false);
    assert.equal(isProtectedKey('agency_name', []), false, 'an empty setting protects nothing');
  });

  it('matches adversarial globs against a 255-character key in linear time', () => {
    const key = 'a'.repeat(254) + 'b';
    const globs = ['*a*a*a*a*a*a*a*a*a*a*a*a*c', 'a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c'];
    const started = Date.now();
    for (let i = 0; i < 50; i++) assert.equal(isProtectedKey(key, globs), false);
    assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
  });

  it('names the consequence of each kind of system key', () => {
    assert.equal(consequenceOf('agency_name'), 'agency');
    assert.equal(consequenceOf('charging_mode'), 'billing');
    assert.equal(consequenceOf('metering.order_id'), 'billing');
    assert.equal(consequenceOf('lockScene'), 'lock');
    assert.equal(consequenceOf('EcmResStatus'), 'lock');
    assert.equal(consequenceOf('virtual_env_type'), 'refused');
    assert.equal(consequenceOf('vpc_id'), 'system');
  });

  it("a change's protected keys: set and removed, sorted", () => {
    const change = { set: { env: 'x', os_type: 'Windows' }, remove: ['agency_name', 'owner'] };
    assert.deepEqual(protectedKeysOf(change, DEFAULT_PROTECTED_KEYS), ['agency_name', 'os_type']);
    assert.deepEqual(
      changedProtectedKeys(
        { agency_name: 'a', vpc_id: 'v', os_bit: '64', env: 'p' },
        { vpc_id: 'v', os_bit: '32', charging_mode: '0', env: 'q' },
        DEFAULT_PROTECTED_KEYS,
      ),
      ['agency_name', 'charging_mode', 'os_bit'],
    );
  });

  it('lists each key of a change with its old and new value (deleted keys have no new value)', () => {
    const before = { env: 'prod', owner: 'web', agency_name: 'ops' };
    assert.deepEqual(keyChanges({ set: { env: 'test', new: 'n' }, remove: ['agency_name'] }, before), [
      { key: 'agency_name', before: 'ops' },
      { key: 'env', before: 'prod', after: 'test' },
      { key: 'new', after: 'n' },
    ]);
  });

  it('marks protected keys in a JSON document: kept, changed, added, and removed ones', () => {
    const base = { env: 'prod', agency_name: 'ops', os_type: 'Linux', vpc_id: 'v1' };
    const text = metadataDocumentText({ env: 'test', agency_name: 'admin', os_type: 'Linux', os_bit: '64' });
    const marks = protectedKeyMarks(text, base, DEFAULT_PROTECTED_KEYS);
    assert.deepEqual(
      marks.map((m) => [m.key, m.state, text.slice(m.start, m.end)]),
      [
        ['agency_name', 'changed', '"agency_name"'],
        ['os_bit', 'changed', '"os_bit"'],
        ['os_type', 'kept', '"os_type"'],
        ['vpc_id', 'removed', '{'],
      ],
    );
    assert.deepEqual(protectedKeyMarks('{ not json', base, DEFAULT_PROTECTED_KEYS), []);
  });
});
