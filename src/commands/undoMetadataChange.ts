import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { registerCommand } from './registerCommand';
import { confirmChange } from '../metadata/confirmChange';
import { isEmptyChange, summarize } from '../metadata/metadataChange';
import { readAllFresh } from '../metadata/readFresh';
import { reportWrite } from '../metadata/reportWrite';
import type { CommandDeps } from './commandDeps';

/**
 * `ecsMetadata.undoLastChange`: writes back what the last write of this session replaced (kept in
 * memory only): keys it changed get their old values, keys it added are deleted, keys it removed come
 * back. Shows the same modal summary as any change first. Undoing twice redoes.
 */
export function registerUndoMetadataChange(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.undoLastChange, async (call) => {
    const last = deps.writer.lastChange;
    if (!last || isEmptyChange(last.undo)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no metadata change to undo.'));
      return false;
    }
    const { target, undo } = last;
    call.subject = { profile: target.profile, serverId: target.serverId };
    const current = await readAllFresh(deps.clients, target);
    if (!(await confirmChange(target, summarize(undo, current)))) return false;
    const outcome = await deps.writer.apply(target, undo, current);
    reportWrite(target, outcome);
    return outcome.failed.length === 0;
  });
}
