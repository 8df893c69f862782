import * as vscode from 'vscode';
import { registerAddKey } from './commands/addKey';
import { registerAddProfile } from './commands/addProfile';
import { registerAddServer } from './commands/addServer';
import type { CommandDeps } from './commands/commandDeps';
import { registerDeleteKey } from './commands/deleteKey';
import { registerEditMetadataJson } from './commands/editMetadataJson';
import { registerFilter } from './commands/filter';
import { registerLoadMore } from './commands/loadMore';
import { registerRefresh } from './commands/refresh';
import { registerRemoveProfile } from './commands/removeProfile';
import { registerRemoveServer } from './commands/removeServer';
import { registerSetCredentials } from './commands/setCredentials';
import { registerSetValue } from './commands/setValue';
import { registerShowLog } from './commands/showLog';
import { registerUndoMetadataChange } from './commands/undoMetadataChange';
import { destroyAgents } from './core';
import { CredentialStore } from './credentials/credentialStore';
import { ClientProvider } from './clients/clientProvider';
import { sendErrorDetailsTo } from './errors/userMessage';
import type { ExtensionApi } from './extensionApi';
import { OutputChannelLog } from './log/log';
import { MetadataWriter } from './metadata/metadataWriter';
import { registerPanelFeatures } from './panel/registerPanelFeatures';
import { ProfileStore } from './profiles/profileStore';
import { ServerTreeProvider } from './tree/serverTreeProvider';
import { showServersView } from './tree/showServersView';

/** Wires the objects together and registers them for disposal. No network I/O happens here. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = new OutputChannelLog(vscode.l10n.t('ECS Metadata'));
  sendErrorDetailsTo(log);
  context.subscriptions.push({ dispose: () => sendErrorDetailsTo(undefined) });
  const profiles = new ProfileStore();
  const credentials = new CredentialStore(context.secrets);
  const clients = new ClientProvider(profiles, credentials, log);
  const tree = new ServerTreeProvider(profiles, clients, credentials);
  context.subscriptions.push(log, profiles, credentials, clients, tree, showServersView(tree));

  const deps: CommandDeps = { profiles, credentials, clients, tree, log };
  context.subscriptions.push(
    registerAddProfile(deps),
    registerSetCredentials(deps),
    registerRemoveProfile(deps),
    registerAddServer(deps),
    registerRemoveServer(deps),
    ...registerRefresh(deps),
    ...registerFilter(deps),
    registerLoadMore(deps),
    registerShowLog(deps),
  );
  const panel = registerPanelFeatures(context, { profiles, clients });

  const writer = new MetadataWriter(clients);
  const editDeps = { profiles, clients, writer };
  context.subscriptions.push(
    writer,
    writer.onDidWrite(({ target, keys }) => {
      tree.refreshServer(target.profile, target.serverId);
      panel.refreshIfShowing(target.profile, target.serverId, keys);
    }),
    ...registerSetValue(editDeps),
    ...registerDeleteKey(editDeps),
    registerAddKey(editDeps),
    registerUndoMetadataChange(editDeps),
    registerEditMetadataJson(editDeps),
  );
  return { tree, panel };
}

export function deactivate(): void {
  // Everything else is disposed through context.subscriptions; pooled keep-alive sockets are process-wide.
  destroyAgents();
}
