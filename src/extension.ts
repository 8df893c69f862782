import * as vscode from 'vscode';
import { registerAddKey } from './commands/addKey';
import { registerAddProfile } from './commands/addProfile';
import { registerAddServer } from './commands/addServer';
import { registerConfirmEndpoints } from './commands/confirmEndpoints';
import type { CommandDeps } from './commands/commandDeps';
import { registerCopyValue } from './commands/copyValue';
import { registerDeleteKey } from './commands/deleteKey';
import { registerEditMetadataJson } from './commands/editMetadataJson';
import { registerClearFilter, registerFilter } from './commands/filter';
import { registerImportProfiles } from './commands/importProfiles';
import { registerGetMetadataKey } from './commands/getMetadataKey';
import { registerLoadMore } from './commands/loadMore';
import { registerMaskValues, registerUnmaskValues } from './commands/maskValues';
import { registerRefresh, registerRefreshNode } from './commands/refresh';
import { registerRemoveProfile } from './commands/removeProfile';
import { registerRemoveServer } from './commands/removeServer';
import { registerSetCredentials } from './commands/setCredentials';
import { registerSetValue } from './commands/setValue';
import { registerShowLog } from './commands/showLog';
import { registerTurnOffDiscovery } from './commands/turnOffDiscovery';
import { registerUndoLastChange } from './commands/undoLastChange';
import { destroyAgents } from './core';
import { keepCredentialsInStep } from './credentials/credentialHousekeeping';
import { CredentialStore } from './credentials/credentialStore';
import { ProfileTokenStore } from './credentials/profileTokenStore';
import { ClientProvider } from './clients/clientProvider';
import { BulkBatches } from './commands/bulkEdit/bulkBatch';
import { BulkDocuments } from './commands/bulkEdit/bulkDocuments';
import { registerBulkEditMetadata, registerUndoBulkChange } from './commands/bulkEdit/bulkEditMetadata';
import { registerCheckPolicy } from './commands/checkPolicy';
import { registerFixPolicy } from './commands/fixPolicy';
import { PolicyDiagnostics } from './policyCheck/policyDiagnostics';
import { violationLines, violationsLine } from './policyCheck/violationText';
import { registerCompareMetadata } from './commands/compareMetadata';
import { registerCopyMetadataJson } from './commands/copyMetadataJson';
import { registerExportMetadata } from './commands/exportMetadata';
import { registerFindServers } from './commands/findServers';
import { FindOverlay } from './find/findOverlay';
import { FindSession } from './find/findSession';
import type { ExtensionApi } from './extensionApi';
import { currentStepInput } from './input/multiStepInput';
import { OutputChannelLog } from './log/log';
import { MetadataWriter } from './metadata/metadataWriter';
import { PanelController } from './panel/panelController';
import { registerPanelSerializer } from './panel/registerPanelSerializer';
import { ProfileStore } from './profiles/profileStore';
import { ServerTreeProvider } from './tree/serverTreeProvider';
import { showServersView } from './tree/showServersView';
import { trackWalkthrough } from './walkthrough/walkthroughProgress';

/** Every command, each registered the same way: `registerX(deps)`. */
const commands: ((deps: CommandDeps) => vscode.Disposable)[] = [
  registerAddProfile,
  registerImportProfiles,
  registerSetCredentials,
  registerConfirmEndpoints,
  registerRemoveProfile,
  registerAddServer,
  registerRemoveServer,
  registerRefresh,
  registerRefreshNode,
  registerFilter,
  registerClearFilter,
  registerLoadMore,
  registerShowLog,
  registerTurnOffDiscovery,
  registerGetMetadataKey,
  registerCopyValue,
  registerFindServers,
  registerCheckPolicy,
  registerFixPolicy,
  registerCompareMetadata,
  registerCopyMetadataJson,
  registerExportMetadata,
  registerMaskValues,
  registerUnmaskValues,
  registerSetValue,
  registerDeleteKey,
  registerAddKey,
  registerUndoLastChange,
  registerEditMetadataJson,
];

/**
 * Wires the objects together and registers them for disposal. No network I/O happens here.
 * Returns the test handle only to the integration tests: any other extension would read secrets and
 * write unconfirmed through it, so outside `ExtensionMode.Test` our `exports` are undefined.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const log = new OutputChannelLog(vscode.l10n.t('ECS Metadata'));
  const profiles = new ProfileStore();
  const credentials = new CredentialStore(context.secrets);
  const tokens = new ProfileTokenStore(context.secrets);
  const clients = new ClientProvider(profiles, credentials, log, tokens);
  const find = new FindSession(clients);
  // The find shows in the Servers view as its overlay; a policy check's violations read as its room words them.
  const findView = new FindOverlay(find, profiles, { line: violationsLine, lines: violationLines });
  const tree = new ServerTreeProvider(profiles, clients, credentials, findView);
  const panel = new PanelController(context.extensionUri, { profiles, clients });
  const serversView = showServersView(tree, findView);
  const writer = new MetadataWriter(clients);
  context.subscriptions.push(log, profiles, credentials, clients, find, tree, serversView, panel, writer);
  context.subscriptions.push(new PolicyDiagnostics(find));
  context.subscriptions.push(
    registerPanelSerializer(panel),
    keepCredentialsInStep(profiles, credentials, log, tokens, context.globalState),
    trackWalkthrough(context.extension.id, serversView.view, writer),
  );

  const deps: CommandDeps = {
    profiles,
    credentials,
    clients,
    tree,
    find,
    view: serversView.view,
    panel,
    log,
    writer,
  };
  context.subscriptions.push(...commands.map((register) => register(deps)));
  const bulkDocuments = new BulkDocuments();
  const batches = new BulkBatches(clients, writer, bulkDocuments);
  context.subscriptions.push(
    bulkDocuments,
    registerBulkEditMetadata(deps, batches, bulkDocuments),
    registerUndoBulkChange(batches),
  );

  context.subscriptions.push(
    writer.onDidWrite(({ target, keys, after }) => {
      tree.refreshServer(target.profile, target.serverId, after, target.region);
      panel.refreshIfShowing(target.profile, target.serverId, keys);
    }),
  );
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    tree,
    find,
    view: serversView.view,
    panelView: () => panel.currentView,
    stepInput: currentStepInput,
    secrets: context.secrets,
    changeHistory: writer.history,
  };
}

export function deactivate(): void {
  // Everything else is disposed through context.subscriptions; pooled keep-alive sockets are process-wide.
  destroyAgents();
}
