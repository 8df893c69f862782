import * as vscode from 'vscode';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import type { PanelView } from './messages';

/**
 * Copy Value for the panel's value. While the panel shows it as pretty JSON, both texts are offered —
 * the raw value first, and the default, since that is what the server holds. Resolves to what was
 * copied, undefined when the user closed the choice.
 */
export async function copyShownValue(
  view: PanelView & { value: string },
  prettyShown: boolean,
): Promise<string | undefined> {
  const pretty = prettyShown ? prettyJson(view.value) : undefined;
  let text = view.value;
  if (pretty !== undefined && pretty !== view.value) {
    const raw = {
      label: vscode.l10n.t('Raw value'),
      description: vscode.l10n.t('as stored'),
      text: view.value,
    };
    const shown = {
      label: vscode.l10n.t('Pretty JSON'),
      description: vscode.l10n.t('as shown'),
      text: pretty,
    };
    const picked = await vscode.window.showQuickPick([raw, shown], {
      title: vscode.l10n.t('Copy the value of "{0}"', view.target.key),
      placeHolder: vscode.l10n.t('The panel shows the value as pretty JSON. Copy which?'),
    });
    if (!picked) return undefined;
    text = picked.text;
  }
  await copyToClipboard(text, view.target.key);
  return text;
}

/** The same text the page shows for a JSON object or array; undefined for anything else. */
function prettyJson(value: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? JSON.stringify(parsed, null, 2) : undefined;
  } catch {
    return undefined;
  }
}
