import * as vscode from 'vscode';
import type { Profile } from '../profiles/profile';
import type { ProfileStore } from '../profiles/profileStore';
import { ProfileNode } from '../tree/profileNode';
import { TreeNode } from '../tree/treeNode';
import { pickProfile } from './pickers/pickProfile';

/**
 * The profile a command was invoked for: a tree node (or a descendant of one), `{ profile }`, a
 * name, or — with no argument — the user's pick (`title` names the command). Undefined when the
 * user cancels.
 */
export async function profileFromArgument(
  profiles: ProfileStore,
  arg: unknown,
  title: string,
): Promise<Profile | undefined> {
  const name = profileNameOf(arg);
  if (name !== undefined) {
    const profile = profiles.get(name);
    if (!profile) throw new Error(vscode.l10n.t('There is no profile named "{0}".', name));
    return profile;
  }
  return pickProfile(profiles, title);
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
