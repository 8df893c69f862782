import * as vscode from 'vscode';
import type { ChangeSummary } from './metadataChange';
import type { ServerTarget } from './metadataWriter';
import { settings } from '../settings/settings';

/** "web-01 (3f1c…)" or the id alone. */
export function serverLabel(target: ServerTarget): string {
  return target.serverName ? `${target.serverName} (${target.serverId})` : target.serverId;
}

/** A modal summary of a change (added / changed / removed, with the keys); true when confirmed. */
export async function confirmChange(target: ServerTarget, summary: ChangeSummary): Promise<boolean> {
  const lines: string[] = [];
  if (summary.added.length > 0) lines.push(vscode.l10n.t('Added: {0}', summary.added.join(', ')));
  if (summary.changed.length > 0) lines.push(vscode.l10n.t('Changed: {0}', summary.changed.join(', ')));
  if (summary.removed.length > 0) lines.push(vscode.l10n.t('Removed: {0}', summary.removed.join(', ')));
  const write = vscode.l10n.t('Write');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Change the metadata of server {0}?', serverLabel(target)),
    { modal: true, detail: lines.join('\n') },
    write,
  );
  return answer === write;
}

/**
 * Modal confirmation of deleting one key, naming the server, the key and its current value — or,
 * while `ecsMetadata.maskValues` is on, saying the value is hidden.
 */
export async function confirmDelete(target: ServerTarget, key: string, value: string): Promise<boolean> {
  const remove = vscode.l10n.t('Delete');
  const detail = settings.maskValues()
    ? vscode.l10n.t('The current value is hidden because Mask Values is on.')
    : vscode.l10n.t('Current value: {0}', JSON.stringify(value));
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete metadata key "{0}" of server {1}?', key, serverLabel(target)),
    { modal: true, detail },
    remove,
  );
  return answer === remove;
}

/** Modal confirmation of setting one key, with the value it replaces (if any), unless values are masked. */
export async function confirmSet(
  target: ServerTarget,
  key: string,
  value: string,
  current: string | undefined,
): Promise<boolean> {
  const set = vscode.l10n.t('Set');
  const detail = settings.maskValues()
    ? current === undefined
      ? vscode.l10n.t('New key. Its value is hidden because Mask Values is on.')
      : vscode.l10n.t('The current and new values are hidden because Mask Values is on.')
    : current === undefined
      ? vscode.l10n.t('New key. Value: {0}', JSON.stringify(value))
      : vscode.l10n.t('Current value: {0}\nNew value: {1}', JSON.stringify(current), JSON.stringify(value));
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Set metadata key "{0}" of server {1}?', key, serverLabel(target)),
    { modal: true, detail },
    set,
  );
  return answer === set;
}
