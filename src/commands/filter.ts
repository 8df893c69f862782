import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { scriptCommands } from './commandArguments';
import { registerCommand } from './registerCommand';
import { registerDeclared } from './registerDeclared';

/** `ecsMetadata.filter` narrows servers by name or id; a script passes the text and skips the prompt. */
export function registerFilter(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.filter, async (call) => {
    const value =
      call.script ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter servers'),
        prompt: vscode.l10n.t('Part of a server name or id; empty shows all'),
        value: deps.tree.filter ?? '',
      }));
    if (value === undefined) return;
    deps.tree.setFilter(value);
  });
}

/** `ecsMetadata.clearFilter` shows every server again, ending a find too. */
export function registerClearFilter(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.clearFilter, () => {
    deps.find.clear();
    deps.tree.setFilter(undefined);
  });
}
