import * as vscode from 'vscode';
import type { CommandDeps } from './commandDeps';
import { namedOrPickedProfile } from './pickers/pickProfile';
import { profileOfNode } from './serverTarget';
import { scriptCommands } from './commandArguments';
import { declaredArgument, registerDeclared } from './registerDeclared';

/**
 * `ecsMetadata.turnOffDiscovery`: sets the profile's `discoverServers` to false, offered where the
 * listing of a project's servers fails (a cloud without a network service answers 500): the
 * profile then shows only its configured servers. Resolves to true when changed.
 */
export function registerTurnOffDiscovery(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.turnOffDiscovery, async (call) => {
    const profile = await namedOrPickedProfile(
      deps.profiles,
      declaredArgument(scriptCommands.turnOffDiscovery, call)?.profile ?? profileOfNode(call.arg),
      call,
      vscode.l10n.t('Turn Off Discovery'),
    );
    if (!profile) return false;
    await deps.profiles.update(profile.name, (p) => ({ ...p, discoverServers: false }));
    return true;
  });
}
