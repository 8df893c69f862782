import * as vscode from 'vscode';
import type { ServerTreeProvider } from './serverTreeProvider';
import type { TreeNode } from './treeNode';

/**
 * Creates the Servers view and keeps the filter visible: the view's description names it, and the
 * `ecsMetadata.filtered` context key shows the Clear Filter button.
 */
export function showServersView(
  tree: ServerTreeProvider,
): vscode.Disposable & { view: vscode.TreeView<TreeNode> } {
  const view = vscode.window.createTreeView('ecsMetadata.servers', {
    treeDataProvider: tree,
    showCollapseAll: true,
  });
  const showFilter = (filter: string | undefined): void => {
    view.description = filter ? vscode.l10n.t('Filter: {0}', filter) : undefined;
    view.message = filter
      ? vscode.l10n.t('Showing servers whose name or id contains "{0}".', filter)
      : undefined;
    void vscode.commands.executeCommand('setContext', 'ecsMetadata.filtered', filter !== undefined);
  };
  showFilter(tree.filter);
  return Object.assign(vscode.Disposable.from(view, tree.onDidChangeFilter(showFilter)), { view });
}
