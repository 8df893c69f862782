import { isRecord } from '../core';

/** Which metadata key of which server of which profile: the argument of openKey, getMetadataKey, copyValue. */
export interface KeyTarget {
  profile: string;
  /** The server's region, in a profile of several regions. */
  region?: string;
  serverId: string;
  key: string;
  /** Shown beside the id when known (from the tree, a picker, or the profile's configured servers). */
  serverName?: string;
}

/**
 * Reads a KeyTarget out of a command argument: a `{ profile, serverId, key }` object (scripts, the
 * panel) or a key tree node, which has those fields. Only the argument's own fields are read: a
 * nested argument is never unwrapped, so no argument can make this walk deep.
 */
export function asKeyTarget(arg: unknown): KeyTarget | undefined {
  if (!isRecord(arg)) return undefined;
  const { profile, region, serverId, key, serverName } = arg;
  if (typeof profile !== 'string' || typeof serverId !== 'string' || typeof key !== 'string')
    return undefined;
  return {
    profile,
    ...(typeof region === 'string' && region.length > 0 ? { region } : {}),
    serverId,
    key,
    ...(typeof serverName === 'string' && serverName.length > 0 ? { serverName } : {}),
  };
}
