import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import { regionalProfile } from '../clients/regionalProfile';
import { InputError } from '../errors/inputError';
import { serverIdInputProblem } from '../errors/inputProblems';
import { describeError } from '../errors/userMessage';
import { MultiStepInput } from '../input/multiStepInput';
import type { Profile, ServerRef } from '../profiles/profile';
import type { CommandDeps } from './commandDeps';
import { scriptCommands } from './commandArguments';
import { namedOrPickedProfile } from './pickers/pickProfile';
import { pickServer } from './pickers/pickServer';
import { declaredArgument, registerDeclared } from './registerDeclared';
import { profileOfNode, serverTargetOfNode } from './serverTarget';

/**
 * `ecsMetadata.addServer`: pins a server to a profile. From a discovered server's menu it adds that
 * server; with `{ profile, serverId, name?, region? }` it adds without prompts; with
 * `{ profile, byId: true, region? }` (offered where listing failed) it asks for an id; otherwise the
 * user picks from the project's servers or types an id. A typed id is checked once
 * (`GET servers/{id}`) before it is added. In a profile of several regions the server's region is
 * stored with it (and must be known). Resolves to true when added.
 */
export function registerAddServer(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.addServer, async (call) => {
    const given = declaredArgument(scriptCommands.addServer, call);
    const profile = await namedOrPickedProfile(
      deps.profiles,
      given?.profile ?? profileOfNode(call.arg),
      call,
      vscode.l10n.t('Add Server'),
    );
    if (!profile) return false;
    const byId = given?.byId === true;
    const givenRegion = given?.region;
    // Said before anything is asked: a profile of several regions must know the server's region.
    if (byId) regionalProfile(profile, givenRegion);
    // A discovered server's row, or the server a script names.
    const named = serverTargetOfNode(call.arg) ?? given?.server;
    const picked: ServerRef | undefined =
      (named && {
        id: named.serverId,
        ...(named.serverName ? { name: named.serverName } : {}),
        ...(named.region ? { region: named.region } : {}),
      }) ??
      (byId
        ? await askServerId(profile, givenRegion)
        : await pickServer(profile, deps.clients, {
            title: vscode.l10n.t('Add a server to "{0}"', profile.name),
            forAdding: true,
          }));
    if (!picked) return false;
    const problem = serverIdInputProblem(picked.id);
    if (problem) throw new InputError(problem);
    const region = profile.regions.length > 1 ? regionalProfile(profile, picked.region).region : undefined;
    const typed = byId || ('typed' in picked && picked.typed === true);
    const server = typed ? await checkTypedId(profile, region, deps.clients, picked) : picked;
    if (!server) return false;
    await deps.profiles.addServer(profile.name, {
      id: server.id,
      ...(server.name ? { name: server.name } : {}),
      ...(region ? { region } : {}),
    });
    return true;
  });
}

async function askServerId(profile: Profile, region: string | undefined): Promise<ServerRef | undefined> {
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
  return asked ? { id, ...(region ? { region } : {}) } : undefined;
}

/**
 * One `GET servers/{id}` for an id the user typed: its name when found; when not, the user decides
 * (a cloud may refuse the lookup yet serve the metadata). Undefined when the user drops it.
 */
async function checkTypedId(
  profile: Profile,
  region: string | undefined,
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
      async () => (await clients.get(profile.name, region)).getServer(server.id),
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
