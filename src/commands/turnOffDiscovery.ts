import * as vscode from 'vscode';
import type { CommandDeps } from './commandDeps';
import { profileFromArgument } from './profileArgument';

/**
 * `ecsMetadata.turnOffDiscovery`: sets the profile's `discoverServers` to false, offered where the
 * listing of a project's servers fails (a cloud without a network service answers 500): the
 * profile then shows only its configured servers. Resolves to true when changed.
 */
export function registerTurnOffDiscovery(deps: CommandDeps): vscode.Disposable {
  return vscode.commands.registerCommand('ecsMetadata.turnOffDiscovery', async (arg?: unknown) => {
    const profile = await profileFromArgument(deps.profiles, arg, vscode.l10n.t('Turn Off Discovery'));
    if (!profile) return false;
    await deps.profiles.update(profile.name, (p) => ({ ...p, discoverServers: false }));
    return true;
  });
}
