import type * as vscode from 'vscode';
import type { PanelView } from '../panel/messages';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { keyTargetOf } from './keyTargetArgument';
import { registerCommand } from './registerCommand';

/**
 * `ecsMetadata.openKey` — what clicking a key in the tree runs: read it fresh and show it in the
 * panel (a failure too). Resolves to what the panel then shows, which lets tests check the panel's
 * content without reaching into the webview.
 */
export function registerOpenKey(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.openKey, async (call): Promise<PanelView | undefined> => {
    const target = keyTargetOf(call);
    if (!target) return undefined;
    await deps.panel.showKey(target);
    return deps.panel.currentView;
  });
}
