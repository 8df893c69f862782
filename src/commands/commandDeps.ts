import type * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import type { CredentialStore } from '../credentials/credentialStore';
import type { FindSession } from '../find/findSession';
import type { OutputChannelLog } from '../log/log';
import type { PanelController } from '../panel/panelController';
import type { ProfileStore } from '../profiles/profileStore';
import type { ServerTreeProvider } from '../tree/serverTreeProvider';
import type { TreeNode } from '../tree/treeNode';

/** The objects activate() builds; every `registerX(deps)` of this folder takes them. */
export interface CommandDeps {
  profiles: ProfileStore;
  credentials: CredentialStore;
  clients: ClientProvider;
  tree: ServerTreeProvider;
  find: FindSession;
  /** The Servers view, to reveal what a palette command opened. */
  view: vscode.TreeView<TreeNode>;
  panel: PanelController;
  log: OutputChannelLog;
}
