import type * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { registerCommand } from './registerCommand';

/** `ecsMetadata.showLog`: reveals the output channel with one line per request. */
export function registerShowLog(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.showLog, () => deps.log.show());
}
