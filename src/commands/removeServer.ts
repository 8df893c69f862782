import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { profileFromArgument } from './profileArgument';
import { registerCommand } from './registerCommand';
import { serverFromArgument } from './serverArgument';

/** `ecsMetadata.removeServer`: from a configured server's context menu, or `{ profile, serverId }`. */
export function registerRemoveServer(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.removeServer, async (call) => {
    const profile = await profileFromArgument(deps.profiles, call, vscode.l10n.t('Remove Server'));
    if (!profile) return false;
    let serverId = serverFromArgument(call.arg)?.id;
    if (!serverId) {
      const picked = await vscode.window.showQuickPick(
        profile.servers.map((s) => ({ label: s.name || s.id, description: s.id, id: s.id })),
        { title: vscode.l10n.t('Remove which server from "{0}"?', profile.name) },
      );
      serverId = picked?.id;
    }
    if (!serverId) return false;
    await deps.profiles.removeServer(profile.name, serverId);
    return true;
  });
}
