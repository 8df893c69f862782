import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { profileFromArgument } from './profileArgument';
import { registerCommand } from './registerCommand';

/**
 * `ecsMetadata.turnOffDiscovery`: sets the profile's `discoverServers` to false, offered where the
 * listing of a project's servers fails (a cloud without a network service answers 500): the
 * profile then shows only its configured servers. Resolves to true when changed.
 */
export function registerTurnOffDiscovery(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.turnOffDiscovery, async (call) => {
    const profile = await profileFromArgument(deps.profiles, call, vscode.l10n.t('Turn Off Discovery'));
    if (!profile) return false;
    await deps.profiles.update(profile.name, (p) => ({ ...p, discoverServers: false }));
    return true;
  });
}
