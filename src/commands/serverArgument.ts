import type { ServerRef } from '../profiles/profile';
import { MessageNode } from '../tree/messageNode';
import { ServerNode } from '../tree/serverNode';

/** The server a command was invoked for: a server tree node (or its error item), or `{ serverId, name? }` from a script. */
export function serverFromArgument(arg: unknown): ServerRef | undefined {
  // "Server not found" under a configured server offers Remove Server for that server.
  if (arg instanceof MessageNode && arg.parent instanceof ServerNode) return serverFromArgument(arg.parent);
  if (arg instanceof ServerNode) return { id: arg.serverId, name: arg.server.name || undefined };
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { serverId, name } = arg as { serverId?: unknown; name?: unknown };
  if (typeof serverId !== 'string') return undefined;
  return typeof name === 'string' && name ? { id: serverId, name } : { id: serverId };
}
