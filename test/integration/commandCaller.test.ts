/**
 * The one command door tells a person from a script: VS Code passes the focused tree row (or a
 * URI, or an empty object) to view-title buttons, menus and keybindings, and those are a person
 * asking — the command prompts, and closing the prompt resolves it quietly. A script's own
 * argument that does not fit is refused with a localized message.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/commandBase/commandIds';
import { childNamed, childrenOf, fixture, profileRoot, type Fixture } from './fixture';

/** True when `promise` is still pending after `ms` (a prompt is waiting for the person). */
async function pendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return !settled;
}

describe('command callers: person or script', () => {
  let f: Fixture;
  const focused: [string, unknown][] = [];

  before(async () => {
    f = await fixture();
    const root = await profileRoot(f.api, f.profileName);
    const server = await childNamed(f.api, root.node, f.seed.servers[0].name);
    const [key] = await childrenOf(f.api, server.node);
    assert.equal(key.item.contextValue, 'metadataKey');
    focused.push(
      ['a profile row', root.node],
      ['a server row', server.node],
      ['a key row', key.node],
      ['a URI', vscode.Uri.file('/tmp/some-file')],
      ['an empty object', {}],
    );
  });

  for (const command of [CommandId.addProfile, CommandId.filter, CommandId.getMetadataKey]) {
    it(`${command} from the view title prompts whatever row is focused`, async () => {
      for (const [what, arg] of focused) {
        const run = Promise.resolve(vscode.commands.executeCommand(command, arg));
        assert.ok(await pendingAfter(run, 400), `${command} with ${what}: no prompt, it settled at once`);
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        assert.equal(await run, undefined, `${command} with ${what}`);
      }
    });
  }

  it('refuses a script argument that does not fit, with the localized message', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(CommandId.getMetadataKey, { profile: f.profileName })),
      /Expected arguments \{ profile, serverId, key \}/,
    );
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(CommandId.filter, { text: 'web' })),
      /Expected arguments "text"/,
    );
  });

  it("rejects a script's failure with the localized message and the error's kind", async () => {
    const serverId = f.seed.servers[0].id;
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.getMetadataKey, {
          profile: f.profileName,
          serverId,
          key: 'no-such-key',
        }),
      ),
      (err: Error & { kind?: string }) => err.kind === 'keyNotFound' && err.message.includes('no-such-key'),
    );
    // An argument that does not fit is invalidInput.
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(CommandId.filter, { text: 'web' })),
      (err: Error & { kind?: string }) => err.kind === 'invalidInput',
    );
  });
});
