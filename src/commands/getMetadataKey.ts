import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import type { CommandDeps } from './commandDeps';
import { keyErrorSubject } from '../metadata/readKeyValue';
import { revealKey } from '../tree/revealKey';
import { keyTargetOf } from './keyTargetArgument';
import { pickKeyTarget } from './pickers/pickKeyTarget';
import { registerCommand } from './registerCommand';

/**
 * `ecsMetadata.getMetadataKey`. A script passes `{ profile, serverId, key }`: no pickers, the key
 * shows in the panel and the command resolves to the value. A person (palette, view title — whatever
 * row is focused) is asked profile → server → key, and the key is revealed in the tree too.
 */
export function registerGetMetadataKey(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.getMetadataKey, async (call) => {
    const target = call.byPerson
      ? await pickKeyTarget(deps.profiles, deps.clients, vscode.l10n.t('Get Metadata Key'))
      : keyTargetOf(call);
    if (!target) return undefined;
    call.subject = keyErrorSubject(deps, target);
    // Where the key lives, for the person who asked through the palette; the panel opens meanwhile.
    if (call.byPerson) void revealKey(deps.view, (node) => deps.tree.getChildren(node), target);
    return (await deps.panel.showKey(target)).value;
  });
}
