/**
 * The one argument door, in a real VS Code: every command a script may call with an argument
 * refuses one that does not fit its declared shape at once — nothing asked, nothing sent — with
 * kind `invalidInput`, the reason code and the localized words; and the old ids of the folded
 * twins (setMetadataKey, deleteMetadataKey, openKey) still run their command.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scriptCommands } from '../../src/commands/commandArguments';
import { CommandId } from '../../src/commandBase/commandIds';
import { closePanel, panelTabs, panelTabsShowing } from './panelTabs';
import { credentialSecretKeys } from '../../src/credentials/credentialStore';
import { fixture, storedProfiles, type Fixture } from './fixture';
import { translated } from './l10nBundle';
import { confirmingModals } from './modalAnswer';
import { withLocalProfile } from './support/testSetup';

type ScriptRejection = Error & { kind?: string; reason?: string };

/** The profiles setting, and the credential secrets of every profile in it and of `names`. */
async function settingsAndSecrets(names: string[]): Promise<unknown> {
  const { api } = await fixture();
  const profiles = vscode.workspace.getConfiguration('ecsMetadata').inspect('profiles')?.globalValue;
  const keys = [...(storedProfiles() ?? []).map((p) => p.name), ...names].flatMap(credentialSecretKeys);
  return { profiles, secrets: await Promise.all(keys.map(async (key) => [key, await api.secrets.get(key)])) };
}

describe('script arguments: one door', () => {
  let f: Fixture;
  let serverId: string;

  before(async () => {
    f = await fixture();
    serverId = f.server.seed.servers[0].id;
  });

  afterEach(async () => {
    await closePanel();
  });

  async function rejection(command: string, arg: unknown): Promise<ScriptRejection> {
    f.server.clearRequests();
    try {
      await vscode.commands.executeCommand(command, arg);
    } catch (err) {
      // Refused before anything reached the cloud.
      assert.equal(f.server.requests.length, 0, `${command} sent a request`);
      return err as ScriptRejection;
    }
    assert.fail(`${command} accepted ${JSON.stringify(arg)}`);
  }

  for (const command of Object.values(scriptCommands)) {
    for (const id of [command.id, ...command.aliases.map((a) => a.id)]) {
      it(`${id}: an argument of the wrong shape is invalidInput, argumentsExpected, with its usage`, async () => {
        const err = await rejection(id, 42);
        assert.equal(err.kind, 'invalidInput');
        assert.equal(err.reason, 'argumentsExpected');
        assert.equal(err.message, translated('Expected arguments {0}.', command.shape.usage));
      });
    }
  }

  it('says which field is wrong, with the reason of its rule', async () => {
    const key = { profile: f.profileName, serverId, key: 'owner' };
    const cases: [string, unknown, string, string][] = [
      [CommandId.setValue, key, 'metadataValueNotText', translated('The value must be text.')],
      [
        CommandId.setMetadataKey,
        { ...key, value: 'v'.repeat(300) },
        'metadataValueTooLong',
        translated('The value is {0} characters long; the limit is 255.', 300),
      ],
      [
        CommandId.getMetadataKey,
        { ...key, region: 7 },
        'argumentNotText',
        translated('The argument "{0}" must be a string.', 'region'),
      ],
      [
        CommandId.copyMetadataJson,
        { profile: f.profileName, serverId: 'web-01' },
        'serverIdInvalid',
        translated(
          'The request was not sent because an input is not valid. {0}',
          translated(
            '"{0}" is not a server id. A server id is a UUID such as 998af54b-5762-4041-abc1-f98a2c27b3a2.',
            'web-01',
          ),
        ),
      ],
      [
        CommandId.deleteMetadataKey,
        { ...key, key: 'a b' },
        'metadataKeyCharacters',
        translated(
          'The request was not sent because an input is not valid. {0}',
          translated(
            'The metadata key "{0}" has characters ECS does not allow. Use only A-Z a-z 0-9 - _ : .',
            'a b',
          ),
        ),
      ],
    ];
    for (const [command, arg, reason, message] of cases) {
      const err = await rejection(command, arg);
      assert.deepEqual([err.kind, err.reason, err.message], ['invalidInput', reason, message], command);
    }
  });

  it('profiles, credentials, servers, import and policy: a bad argument is refused with its reason, and settings and secrets stay as they were', async () => {
    const usage = (command: { shape: { usage: string } }) =>
      translated('Expected arguments {0}.', command.shape.usage);
    const notSent = (problem: string) =>
      translated('The request was not sent because an input is not valid. {0}', problem);
    const profile = f.profileName;
    const aksk = { accessKey: f.server.credentials.accessKey, secretKey: f.server.credentials.secretKey };
    const c = scriptCommands;
    const cases: [string, unknown, string, string][] = [
      [c.setCredentials.id, { profile, credentials: {} }, 'argumentsExpected', usage(c.setCredentials)],
      [
        c.setCredentials.id,
        { profile, credentials: { accessKey: 'AK' } },
        'argumentsExpected',
        usage(c.setCredentials),
      ],
      [c.setCredentials.id, { credentials: aksk }, 'argumentsExpected', usage(c.setCredentials)],
      [
        c.addProfile.id,
        { profile: { ...f.profile, name: 'Refused' } },
        'argumentsExpected',
        usage(c.addProfile),
      ],
      [c.addProfile.id, { profile: 'Refused', credentials: aksk }, 'argumentsExpected', usage(c.addProfile)],
      [
        c.importProfiles.id,
        { source: 'yaml', path: '/tmp/clouds.yaml' },
        'argumentsExpected',
        usage(c.importProfiles),
      ],
      [
        c.importProfiles.id,
        { source: 'env', env: 'OS_USERNAME=u' },
        'argumentsExpected',
        usage(c.importProfiles),
      ],
      [
        c.addServer.id,
        { profile, serverId: '../../x' },
        'serverIdInvalid',
        notSent(
          translated(
            '"{0}" is not a server id. A server id is a UUID such as 998af54b-5762-4041-abc1-f98a2c27b3a2.',
            '../../x',
          ),
        ),
      ],
      [
        c.addServer.id,
        { profile, serverId, region: 1 },
        'argumentNotText',
        translated('The argument "{0}" must be a string.', 'region'),
      ],
      [
        c.removeServer.id,
        { profile, serverId: 7 },
        'argumentNotText',
        translated('The argument "{0}" must be a string.', 'serverId'),
      ],
      [c.removeServer.id, { serverId }, 'argumentsExpected', usage(c.removeServer)],
      [c.removeProfile.id, { name: profile }, 'argumentsExpected', usage(c.removeProfile)],
      [c.confirmEndpoints.id, { name: profile }, 'argumentsExpected', usage(c.confirmEndpoints)],
      [c.turnOffDiscovery.id, { profile: [profile] }, 'argumentsExpected', usage(c.turnOffDiscovery)],
      [c.checkPolicy.id, { profile, policies: {} }, 'argumentsExpected', usage(c.checkPolicy)],
      [c.checkPolicy.id, { region: 'cn-north-4' }, 'argumentsExpected', usage(c.checkPolicy)],
    ];
    const before = await settingsAndSecrets(['Refused']);
    for (const [command, arg, reason, message] of cases) {
      const err = await rejection(command, arg);
      assert.deepEqual(
        [err.kind, err.reason, err.message],
        ['invalidInput', reason, message],
        `${command} ${JSON.stringify(arg)}`,
      );
    }
    assert.deepEqual(await settingsAndSecrets(['Refused']), before);
  });

  it('addServer and removeServer from a script pin and unpin the server named, with no prompt', async () => {
    const name = 'argdoor-servers';
    await withLocalProfile(name, {}, 'local keys');
    const servers = () => storedProfiles()?.find((p) => p.name === name)?.servers;
    const added = await vscode.commands.executeCommand(CommandId.addServer, {
      profile: name,
      serverId,
      name: 'pinned',
    });
    assert.equal(added, true);
    assert.deepEqual(servers(), [{ id: serverId, name: 'pinned' }]);
    const removed = await vscode.commands.executeCommand(CommandId.removeServer, { profile: name, serverId });
    assert.equal(removed, true);
    assert.deepEqual(servers(), []);
  });

  describe('the old ids of the folded commands', () => {
    const key = 'argdoor-alias';

    it('setMetadataKey and deleteMetadataKey write as setValue and deleteKey do, after the modal', async () => {
      const args = { profile: f.profileName, serverId, key };
      assert.equal(
        await confirmingModals(() =>
          vscode.commands.executeCommand(CommandId.setMetadataKey, { ...args, value: 'v1' }),
        ),
        true,
      );
      assert.equal(f.server.metadataOf(serverId)[key], 'v1');
      assert.equal(
        await confirmingModals(() =>
          vscode.commands.executeCommand(CommandId.setValue, { ...args, value: 'v2' }),
        ),
        true,
      );
      assert.equal(f.server.metadataOf(serverId)[key], 'v2');
      assert.equal(
        await confirmingModals(() => vscode.commands.executeCommand(CommandId.deleteMetadataKey, args)),
        true,
      );
      assert.equal(f.server.metadataOf(serverId)[key], undefined);
    });

    it('openKey from a script shows the key in the panel, and resolves to its value', async () => {
      const value = await vscode.commands.executeCommand(CommandId.openKey, {
        profile: f.profileName,
        serverId,
        key: 'owner',
      });
      assert.equal(value, f.server.metadataOf(serverId).owner);
      // The workbench tells the extension host of the tab after the command returned.
      assert.equal((await panelTabsShowing('owner')).length, 1);
      assert.equal(f.api.panelView()?.value, value);
    });

    it('getMetadataKey from a script shows no panel unless asked', async () => {
      await closePanel();
      f.server.clearRequests();
      const value = await vscode.commands.executeCommand(CommandId.getMetadataKey, {
        profile: f.profileName,
        serverId,
        key: 'owner',
      });
      assert.equal(value, f.server.metadataOf(serverId).owner);
      assert.equal(f.server.requests.length, 1, 'one read');
      assert.deepEqual(panelTabs(), []);
    });
  });
});
