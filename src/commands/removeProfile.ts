import * as vscode from 'vscode';
import { TreeNode } from '../tree/treeNode';
import type { CommandDeps } from './commandDeps';
import { profileFromArgument } from './profileArgument';

/**
 * `ecsMetadata.removeProfile`: removes the settings entry and the profile's secrets. Asks first,
 * unless called with `{ profile }` by a script. Resolves to true when removed.
 */
export function registerRemoveProfile(deps: CommandDeps): vscode.Disposable {
  return vscode.commands.registerCommand('ecsMetadata.removeProfile', async (arg?: unknown) => {
    const profile = await profileFromArgument(deps.profiles, arg, vscode.l10n.t('Remove Profile'));
    if (!profile) return false;
    const scripted = typeof arg === 'object' && arg !== null && !(arg instanceof TreeNode);
    if (!scripted) {
      const remove = vscode.l10n.t('Remove');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove profile "{0}" and its stored credentials?', profile.name),
        { modal: true },
        remove,
      );
      if (answer !== remove) return false;
    }
    // Secrets first: a profile without settings but with secrets left behind is the worse outcome.
    await deps.credentials.delete(profile.name);
    await deps.profiles.remove(profile.name);
    return true;
  });
}
