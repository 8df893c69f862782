import type { ServerTarget } from '../core';
import { MessageNode } from '../tree/messageNode';
import { ProfileRowNode } from '../tree/profileRowNode';
import { ServerNode } from '../tree/serverNode';
import { TreeNode } from '../tree/treeNode';
import type { CommandDeps } from './commandDeps';
import { pickProfile } from './pickers/pickProfile';
import { pickServer } from './pickers/pickServer';

/** The server a server tree node shows; undefined for anything else. */
export function serverTargetOfNode(arg: unknown): ServerTarget | undefined {
  if (!(arg instanceof ServerNode)) return undefined;
  return {
    profile: arg.profileName,
    ...(arg.region ? { region: arg.region } : {}),
    serverId: arg.serverId,
    ...(arg.server.name ? { serverName: arg.server.name } : {}),
  };
}

/** The server a message under a server row is about ("Server not found" offers Remove Server there). */
export function serverTargetOfMessage(arg: unknown): ServerTarget | undefined {
  return arg instanceof MessageNode ? serverTargetOfNode(arg.parent) : undefined;
}

/** The profile of a tree node: its profile row, or the row it sits under; undefined for anything else. */
export function profileOfNode(arg: unknown): string | undefined {
  let node: TreeNode | undefined = arg instanceof TreeNode ? arg : undefined;
  while (node && !(node instanceof ProfileRowNode)) node = node.parent;
  return node?.profile.name;
}

/** Asks for a profile (when there are several), then one of its servers other than `other`. */
export async function pickServerTarget(
  deps: CommandDeps,
  title: string,
  other?: ServerTarget,
): Promise<ServerTarget | undefined> {
  const profile = await pickProfile(deps.profiles, title);
  if (!profile) return undefined;
  const server = await pickServer(profile, deps.clients, {
    title,
    forAdding: false,
    ...(other?.profile === profile.name ? { leaveOut: other.serverId } : {}),
  });
  if (!server) return undefined;
  return {
    profile: profile.name,
    ...(server.region ? { region: server.region } : {}),
    serverId: server.id,
    ...(server.name ? { serverName: server.name } : {}),
  };
}

/** Fills in the server's name when it is not known; a failure leaves the id standing in. */
export async function withServerName(deps: CommandDeps, target: ServerTarget): Promise<ServerTarget> {
  if (target.serverName) return target;
  try {
    const client = await deps.clients.get(target.profile, target.region);
    const { name } = await client.getServer(target.serverId);
    return name ? { ...target, serverName: name } : target;
  } catch {
    return target;
  }
}
