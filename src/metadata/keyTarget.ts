import { isRecord, type KeyTarget } from '../core';

/**
 * The key a person's call names: a key tree node, or the `{ profile, serverId, key }` the panel
 * passes on the person's behalf (a script's argument is parsed by its command's declared shape). Only the argument's own fields are read: a
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
