import * as vscode from 'vscode';
import type { CommandDeps } from './commandDeps';

/** `ecsMetadata.showLog`: reveals the output channel with one line per request. */
export function registerShowLog(deps: CommandDeps): vscode.Disposable {
  return vscode.commands.registerCommand('ecsMetadata.showLog', () => deps.log.show());
}
