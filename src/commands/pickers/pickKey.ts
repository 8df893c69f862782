import * as vscode from 'vscode';
import { metadataKeyProblem } from '../../core';
import type { ClientProvider } from '../../clients/clientProvider';
import { describeError } from '../../errors/userMessage';
import { keyPreview } from '../../metadata/valuePreview';
import { settings } from '../../settings/settings';
import type { ServerRef } from '../../profiles/profile';
import { ListingPick } from './listingPick';

const PREVIEW_LENGTH = 60;

interface KeyItem extends vscode.QuickPickItem {
  key?: string;
}

/**
 * A key of the server: its keys from one list call, or any valid key typed in (it may not be listed
 * yet). `action` names the command asking (Get Metadata Key, Delete Key…).
 */
export function pickKey(
  profileName: string,
  server: ServerRef,
  clients: ClientProvider,
  action: string,
): Promise<string | undefined> {
  const pick = new ListingPick<KeyItem, string>({
    typedItem: (typed, listed) =>
      typed && !listed.some((i) => i.key === typed) && metadataKeyProblem(typed) === undefined
        ? { label: `$(edit) ${vscode.l10n.t('Use key "{0}"', typed)}`, key: typed, alwaysShow: true }
        : undefined,
    resultOf: (item) => item.key,
  });
  const { quickPick, abort } = pick;
  quickPick.title = vscode.l10n.t('{0} ({1})', action, server.name || server.id);
  quickPick.placeholder = vscode.l10n.t('Select a key, or type one');
  quickPick.busy = true;

  const hidePreviews = settings.hideValuePreviews();
  clients
    .get(profileName, server.region)
    .then((client) => client.listMetadata(server.id, { signal: abort.signal }))
    .then((metadata) => {
      pick.list(
        Object.keys(metadata)
          .sort((a, b) => a.localeCompare(b))
          .map((key) =>
            hidePreviews
              ? { label: key, key }
              : { label: key, description: keyPreview(metadata[key], PREVIEW_LENGTH), key },
          ),
      );
    })
    .catch((err: unknown) => {
      if (abort.signal.aborted) return;
      const { summary } = describeError(err, { profile: profileName, serverId: server.id });
      pick.listingFailed(vscode.l10n.t('Could not list the keys: {0}', summary));
    })
    .finally(() => {
      quickPick.busy = false;
    });

  return pick.run();
}
