import * as vscode from 'vscode';
import type { CommandDeps } from './commandDeps';
import { scriptCommands } from './commandArguments';
import { namedOrPickedProfile } from './pickers/pickProfile';
import { declaredArgument, registerDeclared } from './registerDeclared';
import { profileOfNode, serverTargetOfMessage, serverTargetOfNode } from './serverTarget';

/**
 * `ecsMetadata.removeServer`: from a configured server's context menu (or the "Server not found"
 * message under it), or `{ profile, serverId? }`; without a server the person picks one.
 */
export function registerRemoveServer(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.removeServer, async (call) => {
    const given = declaredArgument(scriptCommands.removeServer, call);
    const node = serverTargetOfNode(call.arg) ?? serverTargetOfMessage(call.arg);
    const profile = await namedOrPickedProfile(
      deps.profiles,
      given?.profile ?? profileOfNode(call.arg),
      call,
      vscode.l10n.t('Remove Server'),
    );
    if (!profile) return false;
    let serverId = node?.serverId ?? given?.serverId;
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
