/**
 * The one argument door: every command a script may call declares its argument's shape once
 * (src/commands/commandArguments.ts), and its parser refuses what does not fit with
 * EcsError('invalidInput') and a reason code — before anything is asked, read or written.
 */
import * as assert from 'node:assert/strict';
import { scriptCommands } from '../../src/commands/commandArguments';
import { CommandId } from '../../src/commandBase/commandIds';
import { EcsError, serverLabel, type InputProblemCode, type ScriptShape } from '../../src/core';

const serverId = '998af54b-5762-4041-abc1-f98a2c27b3a2';
const otherId = '3f1c2b4a-0000-4000-8000-000000000002';
const key = { profile: 'p', serverId, key: 'env' };

function refusal(shape: ScriptShape<unknown>, arg: unknown): { code: InputProblemCode; message: string } {
  try {
    shape.parse(arg);
  } catch (err) {
    assert.ok(err instanceof EcsError, `not an EcsError: ${String(err)}`);
    assert.equal(err.kind, 'invalidInput');
    assert.ok(err.problem, 'no reason code');
    return { code: err.problem.code, message: err.message };
  }
  assert.fail(`accepted ${JSON.stringify(arg)}`);
}

function refusedAs(shape: ScriptShape<unknown>, arg: unknown, code: InputProblemCode): string {
  const refused = refusal(shape, arg);
  assert.equal(refused.code, code, `${JSON.stringify(arg)}: ${refused.message}`);
  return refused.message;
}

describe('script arguments: one declared shape per command', () => {
  for (const [name, command] of Object.entries(scriptCommands)) {
    it(`${name}: a number, null or an array is refused with its usage`, () => {
      for (const arg of [42, null, []]) {
        const message = refusedAs(command.shape as ScriptShape<unknown>, arg, 'argumentsExpected');
        assert.equal(message, `Expected arguments ${command.shape.usage}.`);
      }
    });
  }

  it('each declaration names its own command id, and no id is declared twice (aliases included)', () => {
    const ids = Object.values(scriptCommands).flatMap((c) => [c.id, ...c.aliases.map((a) => a.id)]);
    assert.equal(new Set(ids).size, ids.length);
    for (const [name, command] of Object.entries(scriptCommands)) {
      assert.equal(command.id, CommandId[name as keyof typeof CommandId]);
    }
  });

  it('the twins are one command each: the old ids are aliases', () => {
    const aliases = (c: { aliases: readonly { id: string }[] }) => c.aliases.map((a) => a.id);
    assert.deepEqual(aliases(scriptCommands.setValue), [CommandId.setMetadataKey]);
    assert.deepEqual(aliases(scriptCommands.deleteKey), [CommandId.deleteMetadataKey]);
    assert.deepEqual(aliases(scriptCommands.getMetadataKey), [CommandId.openKey]);
    // openKey showed the key in the panel: a script calling it still does.
    assert.deepEqual(scriptCommands.getMetadataKey.aliases[0].defaults, { show: true });
  });

  describe('a key: getMetadataKey, copyValue, deleteKey, setValue', () => {
    it('reads { profile, region?, serverId, key, serverName? } and flags that are exactly true', () => {
      assert.deepEqual(
        scriptCommands.getMetadataKey.shape.parse({ ...key, region: 'r1', serverName: 'web', show: true }),
        { target: { profile: 'p', region: 'r1', serverId, key: 'env', serverName: 'web' }, show: true },
      );
      assert.equal(scriptCommands.getMetadataKey.shape.parse({ ...key, show: 'yes' }).show, false);
      assert.deepEqual(scriptCommands.copyValue.shape.parse({ ...key, region: '' }), key);
      assert.equal(
        scriptCommands.deleteKey.shape.parse({ ...key, allowProtected: 'yes' }).allowProtected,
        false,
      );
      assert.equal(
        scriptCommands.deleteKey.shape.parse({ ...key, allowProtected: true }).allowProtected,
        true,
      );
    });

    it('refuses a missing field with the usage, a bad server id or key with its rule', () => {
      const { shape } = scriptCommands.copyValue;
      assert.equal(
        refusedAs(shape, { profile: 'p', serverId }, 'argumentsExpected'),
        'Expected arguments { profile, serverId, key }.',
      );
      refusedAs(shape, { ...key, profile: 42 }, 'argumentsExpected');
      refusedAs(shape, { ...key, serverId: 'web-01' }, 'serverIdInvalid');
      refusedAs(shape, { ...key, key: 'a b' }, 'metadataKeyCharacters');
      refusedAs(shape, { ...key, key: '' }, 'metadataKeyEmpty');
      assert.equal(
        refusedAs(shape, { ...key, region: 7 }, 'argumentNotText'),
        'The argument "region" must be a string.',
      );
    });

    it('setValue needs a value of text, at most 255 characters', () => {
      const { shape } = scriptCommands.setValue;
      assert.deepEqual(shape.parse({ ...key, value: '生产' }), {
        target: key,
        value: '生产',
        allowProtected: false,
      });
      assert.equal(refusedAs(shape, key, 'metadataValueNotText'), 'The value must be text.');
      refusedAs(shape, { ...key, value: 5 }, 'metadataValueNotText');
      assert.equal(
        refusedAs(shape, { ...key, value: 'v'.repeat(256) }, 'metadataValueTooLong'),
        'The value is 256 characters long; the limit is 255.',
      );
      // Characters as ECS counts them: 255 emoji fit.
      assert.equal(shape.parse({ ...key, value: '😀'.repeat(255) }).value.length, 510);
    });
  });

  describe('a server: addKey, editMetadataJson, copyMetadataJson, compareMetadata', () => {
    it('reads serverName (or name) and allowProtected', () => {
      assert.deepEqual(scriptCommands.copyMetadataJson.shape.parse({ profile: 'p', serverId, name: 'web' }), {
        profile: 'p',
        serverId,
        serverName: 'web',
      });
      assert.deepEqual(scriptCommands.addKey.shape.parse({ profile: 'p', serverId, allowProtected: true }), {
        target: { profile: 'p', serverId },
        allowProtected: true,
      });
      refusedAs(scriptCommands.editMetadataJson.shape, { profile: 'p' }, 'argumentsExpected');
      refusedAs(scriptCommands.addKey.shape, { profile: 'p', serverId: 'x' }, 'serverIdInvalid');
    });

    it('compareMetadata reads both sides, and refuses with its own usage', () => {
      const { shape } = scriptCommands.compareMetadata;
      assert.deepEqual(
        shape.parse({
          left: { profile: 'p', serverId },
          right: { profile: 'q', region: 'r', serverId: otherId },
        }),
        [
          { profile: 'p', serverId },
          { profile: 'q', region: 'r', serverId: otherId },
        ],
      );
      assert.equal(
        refusedAs(shape, { left: { profile: 'p', serverId } }, 'argumentsExpected'),
        'Expected arguments { left: { profile, serverId }, right: { profile, serverId } }.',
      );
      refusedAs(shape, { left: { profile: 'p', serverId }, right: { profile: 'p' } }, 'argumentsExpected');
    });
  });

  it('findServers: a query, a region only with its profile', () => {
    const { shape } = scriptCommands.findServers;
    assert.deepEqual(shape.parse({ query: 'env=prod' }), { query: 'env=prod', showInView: false });
    assert.deepEqual(shape.parse({ query: 'a', profile: 'p', region: 'r', showInView: true }), {
      query: 'a',
      profile: 'p',
      region: 'r',
      showInView: true,
    });
    refusedAs(shape, { profile: 'p' }, 'argumentsExpected');
    refusedAs(shape, { query: 'a', region: 'r' }, 'argumentsExpected');
    refusedAs(shape, { query: 'a', profile: 1 }, 'argumentNotText');
  });

  it('exportMetadata: a profile or the find, a format, a path', () => {
    const { shape } = scriptCommands.exportMetadata;
    assert.deepEqual(shape.parse({ profile: 'p', format: 'csv', path: '/tmp/x.csv' }), {
      source: { kind: 'profile', profile: 'p' },
      format: 'csv',
      path: '/tmp/x.csv',
    });
    assert.deepEqual(shape.parse({ findResults: true, format: 'json', path: '/x' }).source, { kind: 'find' });
    refusedAs(shape, { profile: 'p', format: 'xml', path: '/x' }, 'argumentsExpected');
    refusedAs(shape, { profile: 'p', format: 'json', path: '' }, 'argumentsExpected');
    refusedAs(shape, { format: 'json', path: '/x' }, 'argumentsExpected');
  });

  it("bulkEditMetadata: a query or servers, text values, and the allowProtected flag (its rules are the bulk change's own)", () => {
    const { shape } = scriptCommands.bulkEditMetadata;
    assert.deepEqual(
      shape.parse({ query: 'env=prod', set: { a: 'b' }, remove: ['c', 'c'], allowProtected: true }),
      {
        query: 'env=prod',
        request: { set: { a: 'b' }, remove: ['c'] },
        dryRun: false,
        allowProtected: true,
      },
    );
    const proto = shape.parse(JSON.parse('{"query":"a","set":{"__proto__":"x"}}'));
    assert.deepEqual(Object.keys(proto.request.set), ['__proto__']);
    assert.deepEqual(shape.parse({ servers: [{ profile: 'p', serverId }], dryRun: true }).servers, [
      { profile: 'p', serverId },
    ]);
    refusedAs(shape, { set: { a: 'b' } }, 'argumentsExpected');
    refusedAs(shape, { query: 'a', servers: [{ profile: 'p', serverId }] }, 'argumentsExpected');
    refusedAs(shape, { query: 'a', set: { a: 1 } }, 'argumentsExpected');
    refusedAs(shape, { servers: [] }, 'argumentsExpected');
    refusedAs(shape, { query: 'a', remove: 'c' }, 'argumentsExpected');
  });

  it('filter: the text itself', () => {
    assert.equal(scriptCommands.filter.shape.parse('web'), 'web');
    assert.equal(
      refusedAs(scriptCommands.filter.shape, { text: 'web' }, 'argumentsExpected'),
      'Expected arguments "text".',
    );
  });

  describe('profiles and credentials: setCredentials, addProfile, removeProfile, importProfiles', () => {
    const aksk = { accessKey: 'AK', secretKey: 'SK' };

    it('setCredentials: a profile, and credentials of one of the three kinds when given', () => {
      const { shape } = scriptCommands.setCredentials;
      assert.deepEqual(shape.parse({ profile: 'p', credentials: { ...aksk, extra: 1 } }), {
        profile: 'p',
        credentials: aksk,
      });
      assert.deepEqual(shape.parse({ profile: 'p', credentials: { password: 'pw' } }).credentials, {
        password: 'pw',
      });
      // Without credentials the person is asked for them, as from the tree.
      assert.deepEqual(shape.parse({ profile: 'p' }), { profile: 'p' });
      const usage =
        'Expected arguments { profile, credentials?: { accessKey, secretKey, securityToken? } | { password } | { token } }.';
      assert.equal(refusedAs(shape, { profile: 'p', credentials: {} }, 'argumentsExpected'), usage);
      refusedAs(shape, { profile: 'p', credentials: 'AK:SK' }, 'argumentsExpected');
      refusedAs(shape, { profile: 'p', credentials: { accessKey: 'AK' } }, 'argumentsExpected');
      refusedAs(shape, { credentials: aksk }, 'argumentsExpected');
      refusedAs(shape, { profile: 7, credentials: aksk }, 'argumentsExpected');
      // Scripts name the profile in an object; a bare name is a person's button only.
      refusedAs(shape, 'p', 'argumentsExpected');
    });

    it('addProfile: a settings entry, and credentials unless it is an agency profile', () => {
      const { shape } = scriptCommands.addProfile;
      const profile = { name: 'n', auth: 'aksk', region: 'r' };
      assert.deepEqual(shape.parse({ profile, credentials: aksk }), { profile, credentials: aksk });
      const agency = { name: 'a', auth: 'agency', sourceProfile: 'n' };
      assert.deepEqual(shape.parse({ profile: agency, credentials: aksk }), { profile: agency });
      assert.equal(
        refusedAs(shape, { profile }, 'argumentsExpected'),
        'Expected arguments { profile: { name, auth, … }, credentials }.',
      );
      refusedAs(shape, { profile, credentials: { token: '' } }, 'argumentsExpected');
      refusedAs(shape, { profile: 'n', credentials: aksk }, 'argumentsExpected');
      refusedAs(shape, { profile: [profile], credentials: aksk }, 'argumentsExpected');
      refusedAs(shape, { credentials: aksk }, 'argumentsExpected');
    });

    it('removeProfile, confirmEndpoints, turnOffDiscovery: the name or { profile }', () => {
      for (const { shape } of [
        scriptCommands.removeProfile,
        scriptCommands.confirmEndpoints,
        scriptCommands.turnOffDiscovery,
      ]) {
        assert.deepEqual(shape.parse('p'), { profile: 'p' });
        assert.deepEqual(shape.parse({ profile: 'p' }), { profile: 'p' });
        refusedAs(shape, { name: 'p' }, 'argumentsExpected');
      }
    });

    it('importProfiles: one of three sources, each with its own fields', () => {
      const { shape } = scriptCommands.importProfiles;
      assert.deepEqual(shape.parse({ source: 'cloudsYaml', path: '/c.yaml', clouds: ['a'] }), {
        source: 'cloudsYaml',
        path: '/c.yaml',
        clouds: ['a'],
      });
      assert.deepEqual(shape.parse({ source: 'koocli', path: '/k.json' }), {
        source: 'koocli',
        path: '/k.json',
      });
      // Only the variables that are text.
      assert.deepEqual(shape.parse({ source: 'env', env: { OS_USERNAME: 'u', OS_X: 1 } }), {
        source: 'env',
        env: { OS_USERNAME: 'u' },
      });
      const usage =
        "Expected arguments { source: 'cloudsYaml', path, clouds? } | { source: 'env', env } | { source: 'koocli', path, profiles? }.";
      assert.equal(refusedAs(shape, { source: 'yaml', path: '/c.yaml' }, 'argumentsExpected'), usage);
      refusedAs(shape, { path: '/c.yaml' }, 'argumentsExpected');
      refusedAs(shape, { source: 'cloudsYaml' }, 'argumentsExpected');
      refusedAs(shape, { source: 'cloudsYaml', path: '/c.yaml', clouds: 'a' }, 'argumentsExpected');
      refusedAs(shape, { source: 'koocli', path: '/k.json', profiles: [1] }, 'argumentsExpected');
      refusedAs(shape, { source: 'env', env: 'OS_USERNAME=u' }, 'argumentsExpected');
      refusedAs(shape, { source: 'env', env: [] }, 'argumentsExpected');
    });
  });

  describe('servers of a profile: addServer, removeServer', () => {
    it('addServer: a profile, and a server (checked as every server id is), or byId to ask for one', () => {
      const { shape } = scriptCommands.addServer;
      assert.deepEqual(shape.parse({ profile: 'p', serverId, name: 'web', region: 'r' }), {
        profile: 'p',
        region: 'r',
        server: { profile: 'p', region: 'r', serverId, serverName: 'web' },
        byId: false,
      });
      // Without a server the person picks one; with byId they type its id.
      assert.deepEqual(shape.parse({ profile: 'p' }), { profile: 'p', byId: false });
      assert.deepEqual(shape.parse({ profile: 'p', byId: true }), { profile: 'p', byId: true });
      refusedAs(shape, { profile: 'p', serverId: '../../x' }, 'serverIdInvalid');
      refusedAs(shape, { profile: 'p', serverId: 7 }, 'argumentsExpected');
      refusedAs(shape, { profile: 'p', serverId, region: 1 }, 'argumentNotText');
      assert.equal(
        refusedAs(shape, { serverId }, 'argumentsExpected'),
        'Expected arguments { profile, serverId?, name?, region?, byId? }.',
      );
    });

    it('removeServer: a profile, and the server when given', () => {
      const { shape } = scriptCommands.removeServer;
      assert.deepEqual(shape.parse({ profile: 'p', serverId }), { profile: 'p', serverId });
      assert.deepEqual(shape.parse({ profile: 'p' }), { profile: 'p' });
      refusedAs(shape, { profile: 'p', serverId: 7 }, 'argumentNotText');
      refusedAs(shape, { serverId }, 'argumentsExpected');
    });
  });

  it('checkPolicy: every field optional, none unknown, a region only with its profile', () => {
    const { shape } = scriptCommands.checkPolicy;
    const policy = { rules: [] };
    assert.deepEqual(shape.parse({ profile: 'p', region: 'r', policy, showInView: true }), {
      profile: 'p',
      region: 'r',
      policy,
      showInView: true,
    });
    assert.deepEqual(shape.parse({ showInView: false }), { showInView: false });
    const usage = 'Expected arguments { profile?, region?, policy?, showInView? }.';
    // A misspelt field would check the policy file instead of the policy meant.
    assert.equal(refusedAs(shape, { profile: 'p', policies: policy }, 'argumentsExpected'), usage);
    refusedAs(shape, { region: 'r' }, 'argumentsExpected');
    refusedAs(shape, { policy: [policy] }, 'argumentsExpected');
    refusedAs(shape, { policy: 'policy.json' }, 'argumentsExpected');
    refusedAs(shape, { showInView: 'yes' }, 'argumentsExpected');
    refusedAs(shape, { profile: 1 }, 'argumentNotText');
  });

  it('a nested argument is read only where the shape names it', () => {
    // The key of a nested object is not unwrapped into a target.
    refusedAs(scriptCommands.getMetadataKey.shape, { arg: key }, 'argumentsExpected');
  });
});

describe('serverLabel', () => {
  it('names a server by name and id, by name alone in titles, by id when the name is unknown', () => {
    assert.equal(serverLabel({ profile: 'p', serverId, serverName: 'web' }), `web (${serverId})`);
    assert.equal(serverLabel({ profile: 'p', serverId, serverName: 'web' }, 'name'), 'web');
    assert.equal(serverLabel({ profile: 'p', serverId }, 'name'), serverId);
  });
});
