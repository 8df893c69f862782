import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import { isEcsError } from '../core';
import type { ServerTarget } from '../core';

/** Every key of the server, read now (never from the tree's cache), with a window progress indicator. */
export function readAllFresh(clients: ClientProvider, target: ServerTarget): Promise<Record<string, string>> {
  return withProgress(target, async () =>
    (await clients.get(target.profile, target.region)).listMetadata(target.serverId),
  );
}

/** One key's value read now; undefined when the key is not set. */
export function readKeyFresh(
  clients: ClientProvider,
  target: ServerTarget,
  key: string,
): Promise<string | undefined> {
  return withProgress(target, async () => {
    try {
      return await (await clients.get(target.profile, target.region)).getMetadataItem(target.serverId, key);
    } catch (error) {
      if (isEcsError(error) && error.kind === 'keyNotFound') return undefined;
      throw error;
    }
  });
}

function withProgress<T>(target: ServerTarget, task: () => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Reading metadata of server {0}…', target.serverName ?? target.serverId),
      },
      task,
    ),
  );
}
