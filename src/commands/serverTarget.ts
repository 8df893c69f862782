import * as vscode from 'vscode';
import { InputError } from '../errors/inputError';
import { ServerNode } from '../tree/serverNode';
import type { CommandDeps } from './commandDeps';
import { pickProfile } from './pickers/pickProfile';
import { pickServer } from './pickers/pickServer';

/** A server of a profile, as the metadata-wide commands (compare, copy as JSON) take it. */
export interface ServerTarget {
  profile: string;
  /** The server's region, in a profile of several regions. */
  region?: string;
  serverId: string;
  /** Known from the tree or a pick; otherwise the id stands in. */
  name?: string;
}

/**
 * A server tree node, or `{ profile, region?, serverId, name? }` from a script (`serverName` is
 * taken for `name`, as the write commands call it); undefined for anything else.
 */
export function serverTargetOf(arg: unknown): ServerTarget | undefined {
  if (arg instanceof ServerNode) {
    return {
      profile: arg.profileName,
      ...(arg.region ? { region: arg.region } : {}),
      serverId: arg.serverId,
      ...(arg.server.name ? { name: arg.server.name } : {}),
    };
  }
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { profile, region, serverId, name, serverName } = arg as Record<string, unknown>;
  if (typeof profile !== 'string' || typeof serverId !== 'string') return undefined;
  const label = [name, serverName].find((n): n is string => typeof n === 'string' && n !== '');
  return {
    profile,
    ...(typeof region === 'string' && region ? { region } : {}),
    serverId,
    ...(label ? { name: label } : {}),
  };
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
    ...(server.name ? { name: server.name } : {}),
  };
}

/** The name a person knows the server by, or its id. */
export function serverLabel(target: ServerTarget): string {
  return target.name ?? target.serverId;
}

/** Fills in the server's name when it is not known; a failure leaves the id standing in. */
export async function withServerName(deps: CommandDeps, target: ServerTarget): Promise<ServerTarget> {
  if (target.name) return target;
  try {
    const client = await deps.clients.get(target.profile, target.region);
    const { name } = await client.getServer(target.serverId);
    return name ? { ...target, name } : target;
  } catch {
    return target;
  }
}

export function expectedServerArgs(): Error {
  return new InputError(vscode.l10n.t('Expected arguments {0}.', '{ profile, serverId }'));
}
