import * as vscode from 'vscode';
import { serverIdInputProblem } from '../errors/inputProblems';
import type { CommandDeps } from './commandDeps';
import { pickServer } from './pickers/pickServer';
import { profileFromArgument } from './profileArgument';
import { serverFromArgument } from './serverArgument';

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
      serverFromArgument(arg) ??
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
