import type { ServerRef } from '../profiles/profile';
import { MessageNode } from '../tree/messageNode';
import { ServerNode } from '../tree/serverNode';

/**
 * The server a command was invoked for: a server tree node (or its error item), or
 * `{ serverId, name?, region? }` from a script. The region only in a profile of several regions.
 */
export function serverFromArgument(arg: unknown): ServerRef | undefined {
  // "Server not found" under a configured server offers Remove Server for that server.
  if (arg instanceof MessageNode && arg.parent instanceof ServerNode) return serverFromArgument(arg.parent);
  if (arg instanceof ServerNode) {
    return {
      id: arg.serverId,
      ...(arg.server.name ? { name: arg.server.name } : {}),
      ...(arg.region ? { region: arg.region } : {}),
    };
  }
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { serverId, name, region } = arg as { serverId?: unknown; name?: unknown; region?: unknown };
  if (typeof serverId !== 'string') return undefined;
  return {
    id: serverId,
    ...(typeof name === 'string' && name ? { name } : {}),
    ...(typeof region === 'string' && region ? { region } : {}),
  };
}
