import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import { InputError } from '../errors/inputError';
import { serverIdInputProblem } from '../errors/inputProblems';
import { describeError } from '../errors/userMessage';
import { MultiStepInput } from '../input/multiStepInput';
import type { Profile, ServerRef } from '../profiles/profile';
import { CommandId } from './commandIds';
import type { CommandDeps } from './commandDeps';
import { pickServer } from './pickers/pickServer';
import { profileFromArgument } from './profileArgument';
import { registerCommand } from './registerCommand';
import { serverFromArgument } from './serverArgument';

/**
 * `ecsMetadata.addServer`: pins a server to a profile. From a discovered server's menu it adds that
 * server; with `{ profile, serverId, name? }` it adds without prompts; with `{ profile, byId: true }`
 * (offered where listing failed) it asks for an id; otherwise the user picks from the project's
 * servers or types an id. A typed id is checked once (`GET servers/{id}`) before it is added.
 * Resolves to true when added.
 */
export function registerAddServer(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.addServer, async (call) => {
    const profile = await profileFromArgument(deps.profiles, call, vscode.l10n.t('Add Server'));
    if (!profile) return false;
    const byId =
      typeof call.arg === 'object' && call.arg !== null && (call.arg as { byId?: unknown }).byId === true;
    const picked =
      serverFromArgument(call.arg) ??
      (byId
        ? await askServerId(profile)
        : await pickServer(profile, deps.clients, {
            title: vscode.l10n.t('Add a server to "{0}"', profile.name),
            forAdding: true,
          }));
    if (!picked) return false;
    const problem = serverIdInputProblem(picked.id);
    if (problem) throw new InputError(problem);
    const typed = byId || ('typed' in picked && picked.typed === true);
    const server = typed ? await checkTypedId(profile, deps.clients, picked) : picked;
    if (!server) return false;
    await deps.profiles.addServer(profile.name, server.name ? server : { id: server.id });
    return true;
  });
}

async function askServerId(profile: Profile): Promise<ServerRef | undefined> {
  let id = '';
  const asked = await MultiStepInput.run(
    vscode.l10n.t('Add a server to "{0}"', profile.name),
    () => 0,
    async (input) => {
      id = await input.showInputBox({
        prompt: vscode.l10n.t('Server id (a UUID, as the console shows it)'),
        placeholder: '998af54b-5762-4041-abc1-f98a2c27b3a2',
        validate: (v) => serverIdInputProblem(v),
      });
      return undefined;
    },
  );
  return asked ? { id } : undefined;
}

/**
 * One `GET servers/{id}` for an id the user typed: its name when found; when not, the user decides
 * (a cloud may refuse the lookup yet serve the metadata). Undefined when the user drops it.
 */
async function checkTypedId(
  profile: Profile,
  clients: ClientProvider,
  server: ServerRef,
): Promise<ServerRef | undefined> {
  let failure: unknown;
  try {
    const found = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Checking server {0}…', server.id),
      },
      async () => (await clients.get(profile.name)).getServer(server.id),
    );
    return found.name ? { id: server.id, name: found.name } : { id: server.id };
  } catch (err) {
    failure = err;
  }
  const { message } = describeError(failure, { profile: profile.name, serverId: server.id });
  const addAnyway = vscode.l10n.t('Add Anyway');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Server {0} could not be checked: {1}', server.id, message),
    { modal: true },
    addAnyway,
  );
  return answer === addAnyway ? { id: server.id } : undefined;
}
