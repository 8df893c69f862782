import * as vscode from 'vscode';
import { serverIdInputProblem } from '../errors/inputProblems';
import type { ServerRef } from '../profiles/profile';
import { ServerNode } from '../tree/serverNode';
import type { CommandDeps } from './commandDeps';
import { pickServer } from './pickers/pickServer';
import { profileFromArgument } from './profileArgument';

/**
 * `ecsMetadata.addServer`: pins a server to a profile. From a discovered server's menu it adds that
 * server; with `{ profile, serverId, name? }` it adds without prompts; otherwise the user picks from
 * the project's servers or types an id. Resolves to true when added.
 */
export function registerAddServer(deps: CommandDeps): vscode.Disposable {
  return vscode.commands.registerCommand('ecsMetadata.addServer', async (arg?: unknown) => {
    const title = vscode.l10n.t('Add Server');
    const profile = await profileFromArgument(deps.profiles, arg, title);
    if (!profile) return false;
    const server =
      serverOf(arg) ??
      (await pickServer(profile, deps.clients, {
        title: vscode.l10n.t('Add a server to "{0}"', profile.name),
        forAdding: true,
      }));
    if (!server) return false;
    const problem = serverIdInputProblem(server.id);
    if (problem) throw new Error(problem);
    await deps.profiles.addServer(profile.name, server.name ? server : { id: server.id });
    return true;
  });
}

function serverOf(arg: unknown): ServerRef | undefined {
  if (arg instanceof ServerNode) return { id: arg.serverId, name: arg.server.name || undefined };
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { serverId, name } = arg as { serverId?: unknown; name?: unknown };
  if (typeof serverId !== 'string') return undefined;
  return typeof name === 'string' && name ? { id: serverId, name } : { id: serverId };
}
