import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import type { CommandDeps } from './commandDeps';
import { profileFromArgument } from './profileArgument';
import { registerCommand } from './registerCommand';

/**
 * `ecsMetadata.removeProfile`: removes the settings entry and the profile's secrets. A person is
 * asked first; a script passes `{ profile }` or the name. Resolves to true when removed.
 */
export function registerRemoveProfile(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.removeProfile, async (call) => {
    const profile = await profileFromArgument(deps.profiles, call, vscode.l10n.t('Remove Profile'));
    if (!profile) return false;
    if (call.byPerson) {
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
