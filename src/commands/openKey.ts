import * as vscode from 'vscode';
import { asKeyTarget } from '../metadata/keyTarget';
import type { PanelController } from '../panel/panelController';
import type { PanelView } from '../panel/messages';

/**
 * `ecsMetadata.openKey` — what clicking a key in the tree runs: read it fresh and show it in the panel.
 * Failures are shown to the user (and in the panel), never thrown at the tree. Resolves to what the
 * panel then shows, which lets tests check the panel's content without reaching into the webview.
 */
export function registerOpenKey(controller: PanelController): vscode.Disposable {
  return vscode.commands.registerCommand(
    'ecsMetadata.openKey',
    async (arg: unknown): Promise<PanelView | undefined> => {
      const target = asKeyTarget(arg);
      if (!target) return undefined;
      // On failure showKey has already told the user and put the error in the panel.
      await controller.showKey(target, { interactive: true }).catch(() => undefined);
      return controller.currentView;
    },
  );
}
