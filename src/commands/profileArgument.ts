import * as vscode from 'vscode';
import type { Profile } from '../profiles/profile';
import type { ProfileStore } from '../profiles/profileStore';
import { ProfileNode } from '../tree/profileNode';
import { TreeNode } from '../tree/treeNode';

/**
 * The profile a command was invoked for: a tree node (or a descendant of one), `{ profile }`, a
 * name, or — with no argument — the user's pick. Undefined when the user cancels.
 */
export async function profileFromArgument(
  profiles: ProfileStore,
  arg: unknown,
): Promise<Profile | undefined> {
  const name = profileNameOf(arg);
  if (name !== undefined) {
    const profile = profiles.get(name);
    if (!profile) throw new Error(vscode.l10n.t('There is no profile named "{0}".', name));
    return profile;
  }
  return pickProfile(profiles);
}

export function profileNameOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof TreeNode) {
    let node: TreeNode | undefined = arg;
    while (node && !(node instanceof ProfileNode)) node = node.parent;
    return node?.profile.name;
  }
  if (typeof arg === 'object' && arg !== null && typeof (arg as { profile?: unknown }).profile === 'string') {
    return (arg as { profile: string }).profile;
  }
  return undefined;
}

export async function pickProfile(profiles: ProfileStore): Promise<Profile | undefined> {
  const all = profiles.list();
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No ECS profile yet. Add one first.'));
    return undefined;
  }
  if (all.length === 1) return all[0];
  const picked = await vscode.window.showQuickPick(
    all.map((p) => ({ label: p.name, description: p.region ?? p.ecsEndpoint, profile: p })),
    { title: vscode.l10n.t('Choose a profile'), ignoreFocusOut: true },
  );
  return picked?.profile;
}
