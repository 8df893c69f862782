import * as vscode from 'vscode';
import { InputError } from '../errors/inputError';
import { serverIdInputProblem } from '../errors/inputProblems';
import { CommandId } from './commandIds';
import type { CommandDeps } from './commandDeps';
import { pickServer } from './pickers/pickServer';
import { profileFromArgument } from './profileArgument';
import { registerCommand } from './registerCommand';
import { serverFromArgument } from './serverArgument';

/**
 * `ecsMetadata.addServer`: pins a server to a profile. From a discovered server's menu it adds that
 * server; with `{ profile, serverId, name? }` it adds without prompts; otherwise the user picks from
 * the project's servers or types an id. Resolves to true when added.
 */
export function registerAddServer(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.addServer, async (call) => {
    const profile = await profileFromArgument(deps.profiles, call, vscode.l10n.t('Add Server'));
    if (!profile) return false;
    const server =
      serverFromArgument(call.arg) ??
      (await pickServer(profile, deps.clients, {
        title: vscode.l10n.t('Add a server to "{0}"', profile.name),
        forAdding: true,
      }));
    if (!server) return false;
    const problem = serverIdInputProblem(server.id);
    if (problem) throw new InputError(problem);
    await deps.profiles.addServer(profile.name, server.name ? server : { id: server.id });
    return true;
  });
}
