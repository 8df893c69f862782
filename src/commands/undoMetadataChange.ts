import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import { registerCommand } from './registerCommand';
import { writeConfirmed } from '../metadata/confirmChange';
import { isEmptyChange } from '../metadata/metadataChange';
import { readAllFresh } from '../metadata/readFresh';
import { reportWrite } from '../metadata/reportWrite';
import type { CommandDeps } from './commandDeps';

/**
 * `ecsMetadata.undoLastChange`: writes back what the last write of this session replaced (kept in
 * memory only): keys it changed get their old values, keys it added are deleted, keys it removed come
 * back. Shows the same modal summary as any change first (and the second modal for a protected key). Undoing twice redoes.
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
    const written = await writeConfirmed(deps, target, undo, current, { summary: 'change' });
    if (!written) return false;
    reportWrite(written.target, written.outcome);
    return written.outcome.failed.length === 0;
  });
}
