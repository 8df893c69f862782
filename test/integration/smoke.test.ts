/**
 * Proves the runner itself: the suite runs inside a real VS Code, the extension is present under
 * its agreed id, activates, hands back its test API, and registers every agreed command.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'ecs-tools.ecs-metadata-explorer';

const agreedCommands = [
  'ecsMetadata.refresh',
  'ecsMetadata.refreshNode',
  'ecsMetadata.addProfile',
  'ecsMetadata.setCredentials',
  'ecsMetadata.removeProfile',
  'ecsMetadata.addServer',
  'ecsMetadata.removeServer',
  'ecsMetadata.filter',
  'ecsMetadata.clearFilter',
  'ecsMetadata.getMetadataKey',
  'ecsMetadata.copyValue',
  'ecsMetadata.openKey',
  'ecsMetadata.loadMore',
  'ecsMetadata.showLog',
];

describe('smoke: the extension in a real VS Code', () => {
  it('is installed under its agreed id and runs in a Node extension host', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among the loaded extensions`);
    assert.equal(typeof process.versions.node, 'string');
  });

  it('activates and returns its test API with the tree provider', async () => {
    const extension = vscode.extensions.getExtension<{ tree?: { getChildren?: unknown } }>(extensionId);
    assert.ok(extension);
    const api = await extension.activate();
    assert.equal(extension.isActive, true);
    assert.equal(
      typeof api?.tree?.getChildren,
      'function',
      'activate() must return { tree } with getChildren',
    );
  });

  it('registers every agreed command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = agreedCommands.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
  });

  it('declares every agreed command in package.json', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    const contributed = new Set(
      (
        (extension?.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes
          ?.commands ?? []
      ).map((c) => c.command),
    );
    const missing = agreedCommands.filter((command) => !contributed.has(command));
    assert.deepEqual(missing, [], `commands not contributed: ${missing.join(', ')}`);
  });
});
