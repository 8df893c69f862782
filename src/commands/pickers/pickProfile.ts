import * as vscode from 'vscode';
import { CommandId } from '../../commandBase/commandIds';
import type { Profile } from '../../profiles/profile';
import type { ProfileStore } from '../../profiles/profileStore';
import { unknownProfileError } from '../../errors/setupError';
import type { CommandCall } from '../registerCommand';

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

/**
 * The profile a command was called for: the one `name` names (named in the call's error messages
 * from then on; an unknown name is refused), or, with no name, the person's pick. Undefined when
 * the person backs out.
 */
export async function namedOrPickedProfile(
  profiles: ProfileStore,
  name: string | undefined,
  call: CommandCall,
  title: string,
): Promise<Profile | undefined> {
  return name === undefined ? pickProfile(profiles, title) : namedProfile(profiles, name, call);
}

/** The profile `name` names, named in the call's error messages from then on; an unknown name is refused. */
export function namedProfile(profiles: ProfileStore, name: string, call: CommandCall): Profile {
  const profile = profiles.get(name);
  if (!profile) throw unknownProfileError(name);
  call.subject = { ...call.subject, profile: profile.name };
  return profile;
}
