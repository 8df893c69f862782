/**
 * Editing metadata in the real VS Code: Set Value…, Delete Key, Add Key…, Undo Last Metadata Change
 * and the script commands. The modal confirmations are answered by the suite's shared answerer
 * (modalAnswer.ts), the input boxes by replacing `vscode.window.showInputBox` for the test (a
 * person's click cannot be made from the extension host); everything else — commands, client, HTTP,
 * the local server, the tree and the panel — is the real thing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childNamed, eventually, fixture, profileRoot, type Fixture, type RenderedNode } from './fixture';
import { confirmingModals, decliningModals, type ModalShown } from './modalAnswer';
import { closePanel } from './panelTabs';
import { withSetting } from './support/testSetup';
import { CommandId } from '../../src/commandBase/commandIds';

type Window = typeof vscode.window;

describe('editing metadata', () => {
  let f: Fixture;
  let web02: Fixture['seed']['servers'][number];
  const restore: (() => void)[] = [];
  /** The modals the commands showed, in order. */
  const asked: ModalShown[] = [];
  const inputs: vscode.InputBoxOptions[] = [];

  /** Replaces one `vscode.window` function until the end of the test. */
  function replace<K extends keyof Window>(name: K, impl: Window[K]): void {
    const original = vscode.window[name];
    (vscode.window as Record<K, Window[K]>)[name] = impl;
    restore.push(() => ((vscode.window as Record<K, Window[K]>)[name] = original));
  }

  /** Runs a command with its modals confirmed (recorded in `asked`). */
  function confirming(command: string, arg?: unknown): Promise<unknown> {
    return confirmingModals(() => vscode.commands.executeCommand(command, arg), asked);
  }

  /** Runs a command with its modals closed unanswered (recorded in `asked`). */
  function declining(command: string, arg?: unknown): Promise<unknown> {
    return decliningModals(() => vscode.commands.executeCommand(command, arg), asked);
  }

  /** Information toasts shown until the end of the test, recorded and dismissed (modals too). */
  function recordToasts(): string[] {
    const toasts: string[] = [];
    replace('showInformationMessage', ((message: string) => {
      toasts.push(message);
      return Promise.resolve(undefined);
    }) as Window['showInformationMessage']);
    return toasts;
  }

  /** The times a change made between `from` and now may be named by (the minute may turn meanwhile). */
  function timesSince(from: Date): string {
    const at = (d: Date): string =>
      d.toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' });
    return `(?:${at(from)}|${at(new Date())})`;
  }

  const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  /** Input boxes answered in order with `answers` (undefined = Escape). */
  function answerInputs(...answers: (string | undefined)[]): void {
    replace('showInputBox', ((options?: vscode.InputBoxOptions) => {
      inputs.push(options ?? {});
      return Promise.resolve(answers.shift());
    }) as Window['showInputBox']);
  }

  before(async () => {
    f = await fixture();
    web02 = f.seed.servers[1];
  });

  afterEach(async () => {
    while (restore.length > 0) restore.pop()?.();
    asked.length = 0;
    inputs.length = 0;
    f.server.setTaskState(web02.id, undefined);
    // Back to the seed, whatever the test wrote.
    for (const key of Object.keys(f.server.metadataOf(web02.id))) f.server.deleteMetadata(web02.id, key);
    for (const [key, value] of Object.entries(web02.metadata)) f.server.setMetadata(web02.id, key, value);
    await closePanel();
  });

  const keyArgs = (key: string) => ({ profile: f.profileName, serverId: web02.id, key });

  async function serverRow(): Promise<RenderedNode> {
    const root = await profileRoot(f.api, f.profileName);
    return childNamed(f.api, root.node, web02.name);
  }

  /** The tree's description (value preview) of `key` under web-02, once it equals `expected`. */
  async function treeShows(key: string, expected: string | undefined): Promise<void> {
    const row = await serverRow();
    await eventually(
      async () => {
        const tree = f.api.tree as unknown as vscode.TreeDataProvider<unknown>;
        const children = (await tree.getChildren(row.node)) ?? [];
        const items = await Promise.all(children.map((c) => tree.getTreeItem(c)));
        const item = items.find((i) => i.label === key);
        if (expected === undefined) return item === undefined ? true : undefined;
        return item?.description === expected ? true : undefined;
      },
      `the tree to show ${key} = ${String(expected)}`,
    );
  }

  describe('script commands', () => {
    it('setMetadataKey asks with a modal naming server, key, current and new value, then writes', async () => {
      const done = await confirming(CommandId.setMetadataKey, { ...keyArgs('owner'), value: 'team-ops' });
      assert.equal(done, true);
      assert.equal(f.server.metadataOf(web02.id).owner, 'team-ops');
      assert.equal(asked.length, 1, 'one modal');
      assert.match(asked[0].message, /"owner"/);
      assert.match(asked[0].message, new RegExp(web02.id));
      assert.match(asked[0].detail ?? '', /"team-web"[\s\S]*"team-ops"/);
    });

    it('setMetadataKey declined rejects with a cancelled error and writes nothing', async () => {
      f.server.clearRequests();
      await assert.rejects(
        declining(CommandId.setMetadataKey, { ...keyArgs('owner'), value: 'x' }),
        (err: { kind?: string }) => err.kind === 'cancelled',
      );
      assert.equal(asked.length, 1, 'one modal');
      assert.equal(f.server.metadataOf(web02.id).owner, 'team-web');
      assert.deepEqual(
        f.server.requests.filter((r) => r.method !== 'GET'),
        [],
      );
    });

    it('setMetadataKey refuses a value over 255 characters before asking or sending', async () => {
      await assert.rejects(
        confirming(CommandId.setMetadataKey, { ...keyArgs('owner'), value: 'v'.repeat(256) }),
        /255/,
      );
      assert.equal(asked.length, 0);
    });

    it('deleteMetadataKey asks naming the current value, then deletes; declined rejects with cancelled', async () => {
      await assert.rejects(
        declining(CommandId.deleteMetadataKey, keyArgs('env')),
        (err: { kind?: string }) => err.kind === 'cancelled',
      );
      assert.equal(f.server.metadataOf(web02.id).env, 'production');
      assert.equal(await confirming(CommandId.deleteMetadataKey, keyArgs('env')), true);
      assert.equal('env' in f.server.metadataOf(web02.id), false);
      assert.equal(asked.length, 2, 'one modal each time');
      assert.match(asked.at(-1)?.message ?? '', /"env"/);
      assert.match(asked.at(-1)?.detail ?? '', /"production"/);
    });

    it('a busy server: the rejection names its task state', async () => {
      f.server.setTaskState(web02.id, 'resize_migrating');
      await assert.rejects(
        confirming(CommandId.setMetadataKey, { ...keyArgs('owner'), value: 'x' }),
        /resize_migrating/,
      );
    });
  });

  describe('tree commands', () => {
    it('Set Value… fills the box with the value read fresh, validates live, writes, and the tree updates', async () => {
      const row = await serverRow();
      const keyRow = await childNamed(f.api, row.node, 'env');
      f.server.setMetadata(web02.id, 'env', 'changed-behind-the-tree');
      answerInputs('staging');
      assert.equal(await vscode.commands.executeCommand(CommandId.setValue, keyRow.node), true);
      assert.equal(inputs[0].value, 'changed-behind-the-tree');
      const validate = inputs[0].validateInput as (v: string) => vscode.InputBoxValidationMessage;
      assert.equal(validate('中'.repeat(250)).severity, vscode.InputBoxValidationSeverity.Info);
      assert.match(validate('中'.repeat(250)).message, /\b5\b/);
      assert.equal(validate('v'.repeat(256)).severity, vscode.InputBoxValidationSeverity.Error);
      assert.equal(f.server.metadataOf(web02.id).env, 'staging');
      await treeShows('env', 'staging');
    });

    it('Set Value… and then Escape writes nothing', async () => {
      const keyRow = await childNamed(f.api, (await serverRow()).node, 'env');
      answerInputs(undefined);
      f.server.clearRequests();
      assert.equal(await vscode.commands.executeCommand(CommandId.setValue, keyRow.node), false);
      assert.deepEqual(
        f.server.requests.filter((r) => r.method !== 'GET'),
        [],
      );
    });

    it('Delete Key asks with a modal and deletes; the key leaves the tree', async () => {
      const keyRow = await childNamed(f.api, (await serverRow()).node, 'backup.policy');
      assert.equal(await confirming(CommandId.deleteKey, keyRow.node), true);
      assert.equal(asked.length, 1, 'one modal');
      assert.match(asked[0].detail ?? '', /"daily-7"/);
      assert.equal('backup.policy' in f.server.metadataOf(web02.id), false);
      await treeShows('backup.policy', undefined);
    });

    it('Add Key… validates the key against the allowed characters and existing keys, then writes', async () => {
      const row = await serverRow();
      answerInputs('app:version', '1.2.3');
      assert.equal(await vscode.commands.executeCommand(CommandId.addKey, row.node), true);
      const validateKey = inputs[0].validateInput as (v: string) => string | undefined;
      assert.ok(validateKey('bad key'));
      assert.match(validateKey('owner') ?? '', /owner/);
      assert.equal(validateKey('app:version'), undefined);
      assert.equal(f.server.metadataOf(web02.id)['app:version'], '1.2.3');
      await treeShows('app:version', '1.2.3');
    });

    it('an open panel for the key written refreshes', async () => {
      await vscode.commands.executeCommand(CommandId.openKey, {
        ...keyArgs('owner'),
        serverName: web02.name,
      });
      await confirming(CommandId.setMetadataKey, { ...keyArgs('owner'), value: 'panel-sees-it' });
      await eventually(
        async () => (f.api.panelView()?.value === 'panel-sees-it' ? true : undefined),
        'the panel to show the new value',
      );
    });
  });

  describe('with Mask Values on', () => {
    beforeEach(() => withSetting('maskValues', true));

    /** Everything the Set Value box shows a person, as one text. */
    const shown = (options: vscode.InputBoxOptions): string =>
      [options.title, options.prompt, options.placeHolder, options.value].join('\n');

    it('Set Value… starts empty, says the current value is hidden, and an empty box keeps it', async () => {
      const keyRow = await childNamed(f.api, (await serverRow()).node, 'env');
      answerInputs('');
      f.server.clearRequests();
      assert.equal(await vscode.commands.executeCommand(CommandId.setValue, keyRow.node), false);
      assert.equal(inputs[0].value, '');
      assert.doesNotMatch(shown(inputs[0]), /production/);
      assert.match(inputs[0].prompt ?? '', /hidden/);
      const validate = inputs[0].validateInput as (v: string) => vscode.InputBoxValidationMessage;
      assert.equal(validate('').severity, vscode.InputBoxValidationSeverity.Info);
      assert.match(validate('').message, /keep the current value/);
      assert.doesNotMatch(validate('').message, /production/);
      assert.equal(validate('v'.repeat(256)).severity, vscode.InputBoxValidationSeverity.Error);
      assert.equal(f.server.metadataOf(web02.id).env, 'production', 'the empty box cleared the value');
      assert.deepEqual(
        f.server.requests.filter((r) => r.method !== 'GET'),
        [],
      );
    });

    it('Set Value… writes what is typed, and the tree keeps it masked', async () => {
      const keyRow = await childNamed(f.api, (await serverRow()).node, 'env');
      answerInputs('staging');
      assert.equal(await vscode.commands.executeCommand(CommandId.setValue, keyRow.node), true);
      assert.equal(f.server.metadataOf(web02.id).env, 'staging');
      await treeShows('env', '••••••');
    });

    it('Delete Key asks naming the key but not its value', async () => {
      const keyRow = await childNamed(f.api, (await serverRow()).node, 'backup.policy');
      assert.equal(await declining(CommandId.deleteKey, keyRow.node), false);
      assert.equal(asked.length, 1);
      assert.match(asked[0].message, /"backup\.policy"/);
      assert.doesNotMatch(`${asked[0].message}\n${asked[0].detail ?? ''}`, /daily-7/);
      assert.match(asked[0].detail ?? '', /hidden/);
      assert.equal(f.server.metadataOf(web02.id)['backup.policy'], 'daily-7');
    });

    it('the Undo modal names the time and the server, with each value masked', async () => {
      const from = new Date();
      await confirming('ecsMetadata.setMetadataKey', { ...keyArgs('owner'), value: 'team-hidden' });
      await declining('ecsMetadata.undoLastChange');
      const undo = asked.at(-1);
      assert.match(undo?.message ?? '', new RegExp(`^Undo the change of ${timesSince(from)} to server`));
      assert.match(undo?.detail ?? '', /owner: •+ → •+/);
      assert.doesNotMatch(`${undo?.message}\n${undo?.detail}`, /team-hidden|team-web/);
      assert.equal(f.server.metadataOf(web02.id).owner, 'team-hidden', 'declined: nothing written');
    });

    it("setMetadataKey's confirmation shows neither the current nor the new value", async () => {
      await confirming(CommandId.setMetadataKey, { ...keyArgs('owner'), value: 'team-secret' });
      assert.equal(f.server.metadataOf(web02.id).owner, 'team-secret');
      assert.equal(asked.length, 1);
      assert.doesNotMatch(`${asked[0].message}\n${asked[0].detail ?? ''}`, /team-web|team-secret/);
      assert.match(asked[0].detail ?? '', /hidden/);
    });
  });

  describe('Undo Last Metadata Change', () => {
    it('restores a changed value, deletes an added key and brings back a deleted one, with the modal summary', async () => {
      await confirming(CommandId.setMetadataKey, { ...keyArgs('owner'), value: 'x' });
      assert.equal(await confirming(CommandId.undoLastChange), true);
      assert.equal(f.server.metadataOf(web02.id).owner, 'team-web');
      assert.equal(asked.length, 2, 'the undo asked too');
      assert.match(asked.at(-1)?.detail ?? '', /owner/);

      await confirming(CommandId.setMetadataKey, { ...keyArgs('fresh'), value: 'new' });
      await confirming(CommandId.undoLastChange);
      assert.equal('fresh' in f.server.metadataOf(web02.id), false);

      await confirming(CommandId.deleteMetadataKey, keyArgs('env'));
      await confirming(CommandId.undoLastChange);
      assert.equal(f.server.metadataOf(web02.id).env, 'production');
      await treeShows('env', 'production');
    });

    it('says "Undo the change of <time> to server <name (id)>" with each key old → new; a second Undo names the change before, then offers Redo', async () => {
      f.api.changeHistory.clear();
      const toasts = recordToasts();
      const server = escaped(`${web02.name} (${web02.id})`);
      const from = new Date();
      // A person's Set Value… and Delete Key: each toast names the key first, and a delete as deleted.
      answerInputs('team-ops');
      await confirming(
        'ecsMetadata.setValue',
        (await childNamed(f.api, (await serverRow()).node, 'owner')).node,
      );
      assert.match(toasts.at(-1) ?? '', new RegExp(`^set: owner — metadata of server ${server}$`));
      await confirming(
        'ecsMetadata.deleteKey',
        (await childNamed(f.api, (await serverRow()).node, 'env')).node,
      );
      assert.match(toasts.at(-1) ?? '', new RegExp(`^deleted: env — metadata of server ${server}$`));
      const times = timesSince(from);

      // The first Undo takes back the delete.
      assert.equal(await confirming('ecsMetadata.undoLastChange'), true);
      const first = asked.at(-1);
      assert.match(first?.message ?? '', new RegExp(`^Undo the change of ${times} to server ${server}\\?$`));
      assert.deepEqual(first?.buttons, ['Undo']);
      assert.match(first?.detail ?? '', /env: \(new key\) → "production"/);
      assert.equal(f.server.metadataOf(web02.id).env, 'production');
      assert.match(toasts.at(-1) ?? '', new RegExp(`^restored: env — undone on server ${server}$`));

      // The second names the change before it (not the undo just made) and says the first is undone.
      assert.equal(await confirming('ecsMetadata.undoLastChange'), true);
      const second = asked.at(-1);
      assert.match(second?.message ?? '', new RegExp(`^Undo the change of ${times} to server ${server}\\?$`));
      assert.match(second?.detail ?? '', /owner: "team-ops" → "team-web"/);
      assert.match(
        second?.detail ?? '',
        new RegExp(`Already undone: the change of ${times} to server ${server}`),
      );
      assert.equal(f.server.metadataOf(web02.id).owner, 'team-web');
      assert.equal(f.server.metadataOf(web02.id).env, 'production', 'the undone delete was not re-applied');

      // Nothing earlier: the third offers Redo, named as such; declined, nothing is written.
      const writes = f.server.requests.filter((r) => r.method !== 'GET').length;
      assert.equal(await declining('ecsMetadata.undoLastChange'), false);
      const redo = asked.at(-1);
      assert.match(
        redo?.message ?? '',
        new RegExp(
          `^There is no earlier change to undo\\. Redo the change of ${times} to server ${server}, which was undone\\?$`,
        ),
      );
      assert.deepEqual(redo?.buttons, ['Redo']);
      assert.match(redo?.detail ?? '', /owner: "team-web" → "team-ops"/);
      assert.equal(f.server.requests.filter((r) => r.method !== 'GET').length, writes, 'declined Redo wrote');

      // Confirmed, Redo puts back the change undone last (the owner); the next Undo takes that back
      // again, naming it, while the delete stays undone.
      assert.equal(await confirming('ecsMetadata.undoLastChange'), true);
      assert.equal(f.server.metadataOf(web02.id).owner, 'team-ops');
      assert.equal(f.server.metadataOf(web02.id).env, 'production');
      assert.match(toasts.at(-1) ?? '', new RegExp(`^set: owner — redone on server ${server}$`));
      assert.equal(await declining('ecsMetadata.undoLastChange'), false);
      assert.match(asked.at(-1)?.message ?? '', new RegExp(`^Undo the change of ${times} to server`));
      assert.match(asked.at(-1)?.detail ?? '', /owner: "team-ops" → "team-web"/);
      assert.match(asked.at(-1)?.detail ?? '', /Already undone: the change of/);
    });

    it('after an undo that removed an added key, the toast says it was removed', async () => {
      f.api.changeHistory.clear();
      const toasts = recordToasts();
      await confirming('ecsMetadata.setMetadataKey', { ...keyArgs('bad-key'), value: 'oops' });
      assert.equal(await confirming('ecsMetadata.undoLastChange'), true);
      assert.match(asked.at(-1)?.detail ?? '', /bad-key: "oops" → \(deleted\)/);
      assert.equal('bad-key' in f.server.metadataOf(web02.id), false);
      assert.match(toasts.at(-1) ?? '', /^removed: bad-key — undone on server/);
      assert.doesNotMatch(toasts.join('\n'), /written/);
    });

    it('declined, it writes nothing', async () => {
      await confirming(CommandId.setMetadataKey, { ...keyArgs('owner'), value: 'kept' });
      assert.equal(await declining(CommandId.undoLastChange), false);
      assert.equal(asked.length, 2, 'the undo asked');
      assert.equal(f.server.metadataOf(web02.id).owner, 'kept');
    });
  });
});
