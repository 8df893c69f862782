import * as vscode from 'vscode';
import { CommandId } from '../../commandBase/commandIds';
import type { Profile } from '../../profiles/profile';
import type { ProfileStore } from '../../profiles/profileStore';

/**
 * The profile to work in, for every command that needs one: asked only when there are several;
 * with none, offers to add one. `title` names the command asking. Undefined when the user backs out.
 */
export async function pickProfile(profiles: ProfileStore, title: string): Promise<Profile | undefined> {
  const all = profiles.list();
  if (all.length === 0) {
    const add = vscode.l10n.t('Add Profile');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('There is no ECS profile yet.'),
      add,
    );
    if (answer === add) await vscode.commands.executeCommand(CommandId.addProfile);
    return undefined;
  }
  if (all.length === 1) return all[0];
  const picked = await vscode.window.showQuickPick(
    all.map((profile) => ({
      label: profile.name,
      description: profile.region ?? profile.ecsEndpoint,
      profile,
    })),
    { title, placeHolder: vscode.l10n.t('Select a profile'), ignoreFocusOut: true },
  );
  return picked?.profile;
}
