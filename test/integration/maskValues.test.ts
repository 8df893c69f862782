/**
 * Mask Values in every place that shows values, in the real VS Code: Compare Metadata With… (both
 * sides of the diff editor, redrawn when the setting changes), the find results' descriptions, the
 * metadata JSON document (a person is asked before it opens) and Export's notification. The tree,
 * the panel and the confirmations have their own suites. Messages and pickers are answered by
 * replacing `vscode.window` functions for the test; commands, HTTP and documents are the real thing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Comparison } from '../../src/commands/compareMetadata';
import { childNamed, childrenOf, eventually, fixture, profileRoot, type Fixture } from './fixture';
import { withSetting } from './support/testSetup';
import { CommandId } from '../../src/commandBase/commandIds';

type Window = typeof vscode.window;
const MASK = '••••••';

describe('Mask Values covers every view', () => {
  let f: Fixture;
  const restore: (() => void)[] = [];

  function replace<K extends keyof Window>(name: K, impl: Window[K]): void {
    const original = vscode.window[name];
    (vscode.window as Record<K, Window[K]>)[name] = impl;
    restore.push(() => ((vscode.window as Record<K, Window[K]>)[name] = original));
  }

  const maskValues = (on: boolean): Promise<void> => withSetting('maskValues', on ? true : undefined);

  /** The values of the seed's servers (but the shortest), none of which may show while masked. */
  const allValues = (): string[] =>
    f.seed.servers.flatMap((s) => Object.values(s.metadata)).filter((v) => v.length > 3); // "5" is in ids
  const showsNoValue = (text: string, what: string): void => {
    for (const value of allValues()) assert.ok(!text.includes(value), `${what} shows the value ${value}`);
  };

  before(async () => {
    f = await fixture();
  });

  beforeEach(() => maskValues(true));

  afterEach(async () => {
    while (restore.length > 0) restore.pop()?.();
    await vscode.commands.executeCommand(CommandId.clearFilter);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Compare shows masks on both sides, marks the values that differ, and shows values again when unmasked', async () => {
    const [web01, , db] = f.seed.servers;
    const comparison = await vscode.commands.executeCommand<Comparison>(CommandId.compareMetadata, {
      left: { profile: f.profileName, serverId: web01.id },
      right: { profile: f.profileName, serverId: db.id },
    });
    const left = await vscode.workspace.openTextDocument(vscode.Uri.parse(comparison.left));
    const right = await vscode.workspace.openTextDocument(vscode.Uri.parse(comparison.right));
    showsNoValue(left.getText() + right.getText(), 'the comparison');
    const leftShown = JSON.parse(left.getText()) as Record<string, string>;
    const rightShown = JSON.parse(right.getText()) as Record<string, string>;
    // The same keys, one per line; equal values read alike, differing ones do not (the diff marks them).
    assert.deepEqual(Object.keys(leftShown), Object.keys(web01.metadata).sort());
    assert.deepEqual(Object.keys(rightShown), Object.keys(db.metadata).sort());
    assert.equal(leftShown.env, MASK);
    assert.equal(rightShown.env, MASK);
    assert.equal(leftShown.owner, `${MASK} (differs from ${db.name})`);
    assert.equal(rightShown.owner, `${MASK} (differs from ${web01.name})`);
    assert.equal(leftShown.note, `${MASK} (differs from ${db.name})`, 'a key the other side lacks');

    await maskValues(false);
    await eventually(
      async () =>
        JSON.parse(left.getText()).owner === web01.metadata.owner &&
        JSON.parse(right.getText()).owner === db.metadata.owner
          ? true
          : undefined,
      'both sides to show their values once unmasked',
    );
    assert.deepEqual(JSON.parse(left.getText()), web01.metadata);
    assert.deepEqual(JSON.parse(right.getText()), db.metadata);
  });

  it("find results' descriptions and tooltips show the matched keys, not their values", async () => {
    await vscode.commands.executeCommand(CommandId.findServers, {
      profile: f.profileName,
      query: 'env=production owner',
      showInView: true,
    });
    const root = await profileRoot(f.api, f.profileName);
    const servers = (await childrenOf(f.api, root.node)).filter((c) =>
      c.item.contextValue?.startsWith('server.'),
    );
    assert.ok(servers.length > 0, 'no match shown');
    for (const server of servers) {
      const description = String(server.item.description);
      assert.match(description, new RegExp(`env=${MASK}`));
      assert.match(description, new RegExp(`owner=${MASK}`));
      const tooltip = server.item.tooltip;
      const tooltipText = typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
      showsNoValue(`${description}\n${tooltipText}`, `the row of ${server.label}`);
    }
    await maskValues(false);
    const web01 = await eventually(async () => {
      const rows = await childrenOf(f.api, (await profileRoot(f.api, f.profileName)).node);
      const row = rows.find((r) => r.label === f.seed.servers[0].name);
      return row && String(row.item.description).includes('env=production') ? row : undefined;
    }, 'the values once unmasked');
    assert.match(String(web01.item.description), /owner=team-web/);
  });

  it('Edit Metadata as JSON asks a person first, and opens nothing when they decline', async () => {
    const web02 = f.seed.servers[1];
    const row = await childNamed(f.api, (await profileRoot(f.api, f.profileName)).node, web02.name);
    const asked: { message: string; detail?: string; items: string[] }[] = [];
    let answerWith: 'decline' | 'open' = 'decline';
    replace('showWarningMessage', ((message: string, options: vscode.MessageOptions, ...items: string[]) => {
      asked.push({ message, detail: options?.detail, items });
      return Promise.resolve(answerWith === 'open' ? items[0] : undefined);
    }) as Window['showWarningMessage']);

    assert.equal(await vscode.commands.executeCommand(CommandId.editMetadataJson, row.node), undefined);
    assert.equal(asked.length, 1);
    assert.match(asked[0].message, /Mask Values is on.*web-02.*every value/);
    // Editors, not documents: VS Code keeps closed documents of earlier suites around for a while.
    const isOpen = (): boolean =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .some((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'ecs-metadata');
    assert.equal(isOpen(), false, 'the document opened though the person declined');

    answerWith = 'open';
    const uri = await vscode.commands.executeCommand<string>(CommandId.editMetadataJson, row.node);
    assert.equal(asked.length, 2);
    assert.ok(uri, 'the document did not open once confirmed');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri);
  });

  it('turned on while a metadata JSON document is open, it offers to close the document', async () => {
    await maskValues(false);
    const web02 = f.seed.servers[1];
    const uri = await vscode.commands.executeCommand<string>(CommandId.editMetadataJson, {
      profile: f.profileName,
      serverId: web02.id,
      serverName: web02.name,
    });
    const offered: { message: string; items: string[] }[] = [];
    replace('showWarningMessage', ((message: string, ...items: unknown[]) => {
      offered.push({ message, items: items as string[] });
      return Promise.resolve(items[0]);
    }) as Window['showWarningMessage']);
    await maskValues(true);
    const notice = await eventually(async () => offered[0], 'the notice about the open document');
    assert.match(notice.message, /Mask Values is on, but the metadata JSON documents open \(1\) still show/);
    await eventually(
      async () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri)
          ? undefined
          : true,
      'the document to be closed',
    );
  });

  it("Export's notification says the file holds the values in clear", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-mask-export-'));
    const file = path.join(folder, 'masked.json');
    const notices: string[] = [];
    replace('showQuickPick', ((items: unknown) =>
      Promise.resolve(
        (items as vscode.QuickPickItem[]).find((i) => i.label === 'JSON'),
      )) as Window['showQuickPick']);
    replace('showSaveDialog', (() => Promise.resolve(vscode.Uri.file(file))) as Window['showSaveDialog']);
    replace('showInformationMessage', ((message: string) => {
      notices.push(message);
      return Promise.resolve(undefined);
    }) as Window['showInformationMessage']);
    try {
      const root = await profileRoot(f.api, f.profileName);
      await vscode.commands.executeCommand(CommandId.exportMetadata, root.node);
      assert.ok(fs.existsSync(file), 'nothing exported');
      assert.equal(notices.length, 1);
      assert.match(notices[0], /Exported the metadata of \d+ servers/);
      assert.match(notices[0], /values in clear: Mask Values hides them only on screen/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
