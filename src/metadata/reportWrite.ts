import * as vscode from 'vscode';
import { showError } from '../errors/showError';
import { describeError } from '../errors/userMessage';
import { serverLabel } from './confirmChange';
import type { ServerTarget, WriteOutcome } from './metadataWriter';

/**
 * Tells the user what a write did: the keys written, or — when some failed — exactly which keys were
 * written and which were not, with why the first one failed. Resolves when the message is shown.
 */
export function reportWrite(target: ServerTarget, outcome: WriteOutcome): void {
  const { written, failed } = outcome;
  if (failed.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Metadata of server {0} written: {1}.', serverLabel(target), written.join(', ')),
    );
    return;
  }
  const context = { profile: target.profile, serverId: target.serverId, key: failed[0].key };
  if (written.length === 0) {
    void showError(failed[0].error, context);
    return;
  }
  void vscode.window.showErrorMessage(failureMessage(target, outcome));
}

/** The one-line account of a partial failure, also what a script's rejection says. */
export function failureMessage(target: ServerTarget, outcome: WriteOutcome): string {
  const first = outcome.failed[0];
  const why = describeError(first.error, {
    profile: target.profile,
    serverId: target.serverId,
    key: first.key,
  }).message;
  if (outcome.written.length === 0) return why;
  return vscode.l10n.t(
    'Server {0}: written {1}; not written {2}. {3}',
    serverLabel(target),
    outcome.written.join(', '),
    outcome.failed.map((f) => f.key).join(', '),
    why,
  );
}
