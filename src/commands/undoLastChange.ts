import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import { registerCommand } from './registerCommand';
import { redoChange, undoChange, type HistoryEntry, type HistoryStep } from '../metadata/changeHistory';
import { serverLabel } from '../core';
import { writeConfirmed, type OwnQuestion } from '../metadata/confirmChange';
import { readAllFresh } from '../metadata/readFresh';
import { reportWrite } from '../metadata/reportWrite';
import type { CommandDeps } from './commandDeps';

/**
 * `ecsMetadata.undoLastChange`: takes back the newest change of this session's history (kept in
 * memory only): keys it changed get their old values, keys it added are deleted, keys it removed
 * come back. Asks first: "Undo the change of 12:03 to web-01?" with each key old → new (and the
 * second modal for a protected key). Run again, it undoes the change before; when there is none,
 * it offers to Redo the change it undid — asked as such, never silently.
 */
export function registerUndoLastChange(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.undoLastChange, async (call) => {
    const { history } = deps.writer;
    const undo = history.toUndo;
    const redo = history.toRedo;
    const step: HistoryStep | undefined = undo
      ? { step: 'undo', entry: undo }
      : redo
        ? { step: 'redo', entry: redo }
        : undefined;
    if (!step) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no metadata change to undo.'));
      return false;
    }
    const { target } = step.entry;
    call.subject = { profile: target.profile, serverId: target.serverId };
    const change = step.step === 'undo' ? undoChange(step.entry) : redoChange(step.entry);
    const current = await readAllFresh(deps.clients, target);
    const summary = step.step === 'undo' ? undoQuestion(step.entry, redo) : redoQuestion(step.entry);
    const written = await writeConfirmed(deps, target, change, current, { summary, step });
    if (!written) return false;
    reportWrite(written.target, written.outcome, step.step);
    return written.outcome.failed.length === 0;
  });
}

/** "Undo the change of 12:03 to web-01 (…)?", saying which change is already undone, if one is. */
function undoQuestion(entry: HistoryEntry, undone: HistoryEntry | undefined): OwnQuestion {
  return {
    question: (server) =>
      vscode.l10n.t('Undo the change of {0} to server {1}?', changeTime(entry.at), server),
    button: vscode.l10n.t('Undo'),
    lines: undone
      ? [
          vscode.l10n.t(
            'Already undone: the change of {0} to server {1}. This undoes the change before it.',
            changeTime(undone.at),
            serverLabel(undone.target),
          ),
        ]
      : [],
  };
}

function redoQuestion(entry: HistoryEntry): OwnQuestion {
  return {
    question: (server) =>
      vscode.l10n.t(
        'There is no earlier change to undo. Redo the change of {0} to server {1}, which was undone?',
        changeTime(entry.at),
        server,
      ),
    button: vscode.l10n.t('Redo'),
  };
}

/** The time of a change as the person's locale writes it: "12:03", with the date when not today. */
function changeTime(at: Date): string {
  const locale = vscode.env.language;
  return at.toDateString() === new Date().toDateString()
    ? at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : at.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
}
