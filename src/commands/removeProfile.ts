import * as vscode from 'vscode';
import { confirmRemoveProfile } from '../credentials/confirmCredentialChange';
import type { CommandDeps } from './commandDeps';
import { namedOrPickedProfile } from './pickers/pickProfile';
import { profileOfNode } from './serverTarget';
import { scriptCommands } from './commandArguments';
import { declaredArgument, registerDeclared } from './registerDeclared';
import { notConfirmed } from './notConfirmed';

/**
 * `ecsMetadata.removeProfile`: removes the settings entry and the profile's secrets, always after a
 * modal naming the profile — also when a script passes `{ profile }` or the name. Resolves to true
 * when removed; a person who declines gets false, a script a `cancelled` rejection.
 */
export function registerRemoveProfile(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.removeProfile, async (call) => {
    const profile = await namedOrPickedProfile(
      deps.profiles,
      declaredArgument(scriptCommands.removeProfile, call)?.profile ?? profileOfNode(call.arg),
      call,
      vscode.l10n.t('Remove Profile'),
    );
    if (!profile) return false;
    if (!(await confirmRemoveProfile(profile.name))) {
      if (call.byPerson) return false;
      throw notConfirmed();
    }
    // Secrets first: a profile without settings but with secrets left behind is the worse outcome.
    await deps.credentials.delete(profile.name);
    await deps.credentials.forgetAgency(profile.name);
    await deps.profiles.remove(profile.name);
    return true;
  });
}
