import * as vscode from 'vscode';
import { EcsError } from '../core';

/** The rejection of a script command whose confirmation was declined. */
export function notConfirmed(): EcsError {
  return new EcsError('cancelled', vscode.l10n.t('The change was not confirmed; nothing was written.'));
}
