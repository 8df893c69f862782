import * as vscode from 'vscode';
import { metadataKeyProblem } from '../../core';
import type { ClientProvider } from '../../clients/clientProvider';
import { describeError } from '../../errors/userMessage';
import { keyPreview } from '../../metadata/valuePreview';
import { settings } from '../../settings/settings';
import type { ServerRef } from '../../profiles/profile';
import { runQuickPick } from './runQuickPick';

const PREVIEW_LENGTH = 60;

interface KeyItem extends vscode.QuickPickItem {
  key?: string;
}

/** A key of the server: its keys from one list call, or any valid key typed in (it may not be listed yet). */
export function pickKey(
  profileName: string,
  server: ServerRef,
  clients: ClientProvider,
): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick<KeyItem>();
  quickPick.title = vscode.l10n.t('Get Metadata Key ({0})', server.name || server.id);
  quickPick.placeholder = vscode.l10n.t('Select a key, or type one');
  quickPick.busy = true;

  const hidePreviews = settings.hideValuePreviews();
  let listed: KeyItem[] = [];
  let problem: KeyItem[] = [];
  const abort = new AbortController();

  const render = (): void => {
    const typed = quickPick.value;
    const known = listed.some((i) => i.key === typed);
    const typedItem: KeyItem[] =
      typed && !known && metadataKeyProblem(typed) === undefined
        ? [{ label: `$(edit) ${vscode.l10n.t('Use key "{0}"', typed)}`, key: typed, alwaysShow: true }]
        : [];
    quickPick.items = [...typedItem, ...listed, ...problem];
  };

  clients
    .get(profileName, server.region)
    .then((client) => client.listMetadata(server.id, { signal: abort.signal }))
    .then((metadata) => {
      listed = Object.keys(metadata)
        .sort((a, b) => a.localeCompare(b))
        .map((key) =>
          hidePreviews
            ? { label: key, key }
            : { label: key, description: keyPreview(metadata[key], PREVIEW_LENGTH), key },
        );
    })
    .catch((err: unknown) => {
      if (abort.signal.aborted) return;
      const { summary } = describeError(err, { profile: profileName, serverId: server.id });
      problem = [
        {
          label: vscode.l10n.t('Could not list the keys: {0}', summary),
          kind: vscode.QuickPickItemKind.Separator,
        },
      ];
    })
    .finally(() => {
      quickPick.busy = false;
      render();
    });
  render();

  return runQuickPick(quickPick, { render, resultOf: (item) => item.key, abort });
}
