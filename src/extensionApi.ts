import type { FindSession } from './find/findSession';
import type { ChangeHistory } from './metadata/changeHistory';
import type * as vscode from 'vscode';
import type { PanelView } from './panel/messages';
import type { ServerTreeProvider } from './tree/serverTreeProvider';
import type { TreeNode } from './tree/treeNode';

/**
 * What activate() returns, in `ExtensionMode.Test` only: a handle for integration tests, not a public
 * API. It reaches secrets and unconfirmed writes, so no other extension may ever get it.
 */
export interface ExtensionApi {
  tree: ServerTreeProvider;
  /** The find shown in the tree. */
  find: FindSession;
  view: vscode.TreeView<TreeNode>;
  /** The step a multi-step input (Add Profile) shows now, so tests can answer it as a person would. */
  stepInput: () => vscode.QuickInput | undefined;
  /** What the metadata panel shows now (undefined when it is closed). */
  panelView(): PanelView | undefined;
  /** The extension's SecretStorage, so the tests' set-up can note and put back what a test stored. */
  secrets: vscode.SecretStorage;
  /** The changes Undo Last Metadata Change takes back, so a test can start from an empty history. */
  changeHistory: ChangeHistory;
}
