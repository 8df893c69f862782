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
import { fixture, type Fixture } from './fixture';
import { translated } from './l10nBundle';
import { confirmingModals } from './modalAnswer';

type ScriptRejection = Error & { kind?: string; reason?: string };

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
