import * as vscode from 'vscode';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import { keyErrorSubject, readKeyWithProgress } from '../metadata/readKeyValue';
import { copyShownValue } from '../panel/copyShownValue';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { asKeyTarget } from '../metadata/keyTarget';
import { scriptCommands } from './commandArguments';
import { pickKeyTarget } from './pickers/pickKeyTarget';
import { registerCommand } from './registerCommand';
import { registerDeclared } from './registerDeclared';
import { MetadataKeyNode } from '../tree/metadataKeyNode';

/**
 * `ecsMetadata.copyValue`: reads the key fresh and puts its value on the clipboard, resolving to
 * what was copied. Entry points: `{ profile, serverId, key }` from a script, a key in the tree
 * (context menu, inline icon), the palette — which copies the panel's value when the panel is
 * focused, and otherwise asks profile → server → key. `ecsMetadata.copySelectedValue` (Ctrl+C or
 * Cmd+C on a key row) copies the key selected in the Servers view.
 */
export function registerCopyValue(deps: CommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    copyValue(deps),
    // Ctrl+C (Cmd+C) in the Servers view: the key row selected there, as Copy Value on that row.
    registerCommand(CommandId.copySelectedValue, async () => {
      const [node, ...more] = deps.view.selection;
      if (!(node instanceof MetadataKeyNode) || more.length > 0) return undefined;
      return vscode.commands.executeCommand(CommandId.copyValue, node);
    }),
  );
}

function copyValue(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.copyValue, async (call) => {
    let target = call.script ?? asKeyTarget(call.arg);
    if (!target) {
      const shown = deps.panel.activeView;
      if (shown?.value !== undefined) {
        return copyShownValue({ ...shown, value: shown.value }, deps.panel.activeShowsPretty);
      }
      target = await pickKeyTarget(deps.profiles, deps.clients, vscode.l10n.t('Copy Value'));
      if (!target) return undefined;
    }
    // Errors name the server by name when the tree, a picker or the profile knows it.
    call.subject = keyErrorSubject(deps, target);
    const read = await readKeyWithProgress(deps, target);
    await copyToClipboard(read.value, target.key);
    return read.value;
  });
}
