import type { Profile } from '../profiles/profile';
import type { ProfileStore } from '../profiles/profileStore';
import { ProfileRowNode } from '../tree/profileRowNode';
import { TreeNode } from '../tree/treeNode';
import { pickProfile } from './pickers/pickProfile';
import type { CommandCall } from './registerCommand';
import { unknownProfileError } from '../errors/setupError';

/**
 * The profile a command was called for: the profile a script's declared argument names, a tree node
 * (or a descendant of one), `{ profile }` or a name the extension's own UI passed, or — with none of
 * those — the person's pick (`title` names the command). Names it in the call's error messages.
 * Undefined when the person cancels.
 */
export async function profileFromArgument(
  profiles: ProfileStore,
  call: CommandCall & { script?: { profile: string } },
  title: string,
): Promise<Profile | undefined> {
  const name = call.script ? call.script.profile : profileNameOf(call.arg);
  if (name === undefined) return pickProfile(profiles, title);
  const profile = profiles.get(name);
  if (!profile) {
    throw unknownProfileError(name);
  }
  call.subject = { ...call.subject, profile: profile.name };
  return profile;
}

/** The profile name an argument names, if any. */
export function profileNameOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof TreeNode) {
    let node: TreeNode | undefined = arg;
    while (node && !(node instanceof ProfileRowNode)) node = node.parent;
    return node?.profile.name;
  }
  if (typeof arg === 'object' && arg !== null && typeof (arg as { profile?: unknown }).profile === 'string') {
    return (arg as { profile: string }).profile;
  }
  return undefined;
}
