import * as vscode from 'vscode';
import { walkthroughStepDone } from '../walkthrough/walkthroughProgress';

/** How long the status bar confirms a copy. */
const CONFIRMATION_MS = 3000;

/**
 * The one way the extension writes the clipboard. `what` names the copied thing for the
 * confirmation (e.g. the key); the copied text itself is never logged or shown.
 */
export async function copyToClipboard(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  walkthroughStepDone('readKey');
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', what), CONFIRMATION_MS);
}
