import * as vscode from 'vscode';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import type { ClientProvider } from '../clients/clientProvider';
import { describeError, showError } from '../errors/userMessage';
import { asKeyTarget, type KeyTarget } from '../metadata/keyTarget';
import { keyErrorContext, readKeyWithProgress } from '../metadata/readKeyValue';
import { copyShownValue } from '../panel/copyShownValue';
import type { PanelController } from '../panel/panelController';
import type { ProfileStore } from '../profiles/profileStore';
import { TreeNode } from '../tree/treeNode';
import { pickKeyTarget } from './pickers/pickKeyTarget';

/**
 * `ecsMetadata.copyValue`: reads the key fresh and puts its value on the clipboard, resolving to
 * what was copied. Entry points: `{ profile, serverId, key }` arguments (rejects with the
 * user-facing message), a key in the tree (context menu, inline icon), the palette — which copies
 * the panel's value when the panel is focused, and otherwise asks profile → server → key.
 */
export function registerCopyValue(
  controller: PanelController,
  profiles: ProfileStore,
  clients: ClientProvider,
): vscode.Disposable {
  return vscode.commands.registerCommand('ecsMetadata.copyValue', async (arg?: unknown) => {
    const given = asKeyTarget(arg);
    // A tree item is a person clicking; an object literal is a script that wants a rejection.
    const interactive = given === undefined || arg instanceof TreeNode;
    if (!given) {
      const shown = controller.activeView;
      if (shown?.value !== undefined) {
        return copyShownValue({ ...shown, value: shown.value }, controller.activeShowsPretty);
      }
    }
    const target = given ?? (await pickKeyTarget(profiles, clients));
    if (!target) return undefined;
    return copyFresh({ profiles, clients }, target, interactive);
  });
}

async function copyFresh(
  deps: { profiles: ProfileStore; clients: ClientProvider },
  target: KeyTarget,
  interactive: boolean,
): Promise<string | undefined> {
  try {
    const read = await readKeyWithProgress(deps, target);
    await copyToClipboard(read.value, target.key);
    return read.value;
  } catch (err) {
    const context = keyErrorContext(deps, target);
    if (!interactive) throw new Error(describeError(err, context).message);
    void showError(err, context);
    return undefined;
  }
}
