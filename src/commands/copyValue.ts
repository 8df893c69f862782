import type * as vscode from 'vscode';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import { keyErrorSubject, readKeyWithProgress } from '../metadata/readKeyValue';
import { copyShownValue } from '../panel/copyShownValue';
import { CommandId } from './commandIds';
import type { CommandDeps } from './commandDeps';
import { keyTargetOf, subjectOf } from './keyTargetArgument';
import { pickKeyTarget } from './pickers/pickKeyTarget';
import { registerCommand } from './registerCommand';

/**
 * `ecsMetadata.copyValue`: reads the key fresh and puts its value on the clipboard, resolving to
 * what was copied. Entry points: `{ profile, serverId, key }` from a script, a key in the tree
 * (context menu, inline icon), the palette — which copies the panel's value when the panel is
 * focused, and otherwise asks profile → server → key.
 */
export function registerCopyValue(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.copyValue, async (call) => {
    let target = keyTargetOf(call);
    if (!target) {
      const shown = deps.panel.activeView;
      if (shown?.value !== undefined) {
        return copyShownValue({ ...shown, value: shown.value }, deps.panel.activeShowsPretty);
      }
      target = await pickKeyTarget(deps.profiles, deps.clients);
      if (!target) return undefined;
      call.subject = subjectOf(target);
    }
    // Errors name the server by name when the tree, a picker or the profile knows it.
    call.subject = keyErrorSubject(deps, target);
    const read = await readKeyWithProgress(deps, target);
    await copyToClipboard(read.value, target.key);
    return read.value;
  });
}
