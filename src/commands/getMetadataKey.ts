import * as vscode from 'vscode';
import type { KeyTarget } from '../core';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { asKeyTarget } from '../metadata/keyTarget';
import { keyErrorSubject, readKey } from '../metadata/readKeyValue';
import { revealKey } from '../tree/revealKey';
import { TreeNode } from '../tree/treeNode';
import { scriptCommands } from './commandArguments';
import { pickKeyTarget } from './pickers/pickKeyTarget';
import { registerDeclared } from './registerDeclared';

/**
 * `ecsMetadata.getMetadataKey`. A script passes `{ profile, serverId, key, show? }`: no pickers, the
 * command resolves to the value, and the panel shows it only with `show: true` (a script reading
 * thousands of keys wants no panel). A person is shown the key in the panel: the key row clicked or
 * opened (its old id `ecsMetadata.openKey`, which a script may still call: it shows the panel), or
 * the panel's own; from the palette or the view title (whatever row is focused) the person is asked
 * profile → server → key, and the key is revealed in the tree too.
 */
export function registerGetMetadataKey(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.getMetadataKey, async (call) => {
    if (call.script) {
      const { target, show } = call.script;
      call.subject = keyErrorSubject(deps, target);
      return show ? (await deps.panel.showKey(target)).value : (await readKey(deps, target)).value;
    }
    // A view-title button passes the focused row too: only the row's own click and menu name the key.
    const given =
      call.calledAs === CommandId.openKey || !(call.arg instanceof TreeNode)
        ? asKeyTarget(call.arg)
        : undefined;
    const target: KeyTarget | undefined =
      given ?? (await pickKeyTarget(deps.profiles, deps.clients, vscode.l10n.t('Get Metadata Key')));
    if (!target) return undefined;
    call.subject = keyErrorSubject(deps, target);
    // Where the key lives, for the person who asked through the palette; the panel opens meanwhile.
    if (!given) void revealKey(deps.view, (node) => deps.tree.getChildren(node), target);
    return (await deps.panel.showKey(target)).value;
  });
}
