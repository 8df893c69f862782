import * as vscode from 'vscode';
import type { CommandDeps } from './commandDeps';

/**
 * `ecsMetadata.filter` narrows servers by name or id (a string argument skips the prompt);
 * `ecsMetadata.clearFilter` shows everything again (ending a find too).
 */
export function registerFilter(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('ecsMetadata.filter', async (text?: unknown) => {
      const value =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Filter servers'),
              prompt: vscode.l10n.t('Part of a server name or id; empty shows all'),
              value: deps.tree.filter ?? '',
            });
      if (value === undefined) return;
      deps.tree.setFilter(value);
    }),
    vscode.commands.registerCommand('ecsMetadata.clearFilter', () => {
      deps.find.clear();
      deps.tree.setFilter(undefined);
    }),
  ];
}
