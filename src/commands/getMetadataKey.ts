import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { isRecord } from '../core';
import { keyErrorSubject, readKey } from '../metadata/readKeyValue';
import { revealKey } from '../tree/revealKey';
import { keyTargetOf } from './keyTargetArgument';
import { pickKeyTarget } from './pickers/pickKeyTarget';
import { registerCommand } from './registerCommand';

/**
 * `ecsMetadata.getMetadataKey`. A script passes `{ profile, serverId, key, show? }`: no pickers, the
 * command resolves to the value, and the panel shows it only with `show: true` (a script reading
 * thousands of keys wants no panel). A person (palette, view title — whatever row is focused) is asked
 * profile → server → key; the key shows in the panel and is revealed in the tree too.
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
    const show = call.byPerson || (isRecord(call.arg) && call.arg.show === true);
    return show ? (await deps.panel.showKey(target)).value : (await readKey(deps, target)).value;
  });
}
