import * as vscode from 'vscode';
import type { ClientProvider } from '../../clients/clientProvider';
import type { KeyTarget } from '../../core';
import type { ProfileStore } from '../../profiles/profileStore';
import { pickKey } from './pickKey';
import { pickProfile } from './pickProfile';
import { pickServer } from './pickServer';

/**
 * Profile → server → key, as the palette commands ask; undefined when the user backs out. `action`
 * (the command's title: Delete Key, Set Value…) titles every picker, so none looks like a mere read.
 */
export async function pickKeyTarget(
  profiles: ProfileStore,
  clients: ClientProvider,
  action: string,
): Promise<KeyTarget | undefined> {
  const profile = await pickProfile(profiles, action);
  if (!profile) return undefined;
  const server = await pickServer(profile, clients, {
    title: vscode.l10n.t('{0} ({1})', action, profile.name),
    forAdding: false,
  });
  if (!server) return undefined;
  const key = await pickKey(profile.name, server, clients, action);
  if (key === undefined) return undefined;
  return {
    profile: profile.name,
    ...(server.region ? { region: server.region } : {}),
    serverId: server.id,
    key,
    ...(server.name ? { serverName: server.name } : {}),
  };
}
