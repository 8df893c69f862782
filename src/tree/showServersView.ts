import * as vscode from 'vscode';
import { MetadataKeyNode } from './metadataKeyNode';
import type { ServerTreeProvider } from './serverTreeProvider';
import type { TreeNode } from './treeNode';
import type { ViewOverlay } from './viewOverlay';

/**
 * Creates the Servers view (several servers can be selected, for Compare) and keeps the filter or
 * the find (the overlay) visible: the view's description names it, and the `ecsMetadata.filtered`
 * context key shows the Clear Filter button (the overlay's own keys, such as `ecsMetadata.findShown`,
 * the export of the find results).
 */
export function showServersView(
  tree: ServerTreeProvider,
  overlay: ViewOverlay,
): vscode.Disposable & { view: vscode.TreeView<TreeNode> } {
  const view = vscode.window.createTreeView('ecsMetadata.servers', {
    treeDataProvider: tree,
    showCollapseAll: true,
    canSelectMany: true,
  });
  const show = (): void => {
    const filter = tree.filter;
    const shown = overlay.shown;
    if (shown) {
      const text = overlay.viewText();
      view.description = text.description;
      view.message = text.message;
    } else {
      view.description = filter ? vscode.l10n.t('Filter: {0}', filter) : undefined;
      view.message = filter
        ? vscode.l10n.t('Showing servers whose name or id contains "{0}".', filter)
        : undefined;
    }
    void vscode.commands.executeCommand('setContext', 'ecsMetadata.filtered', filter !== undefined || shown);
    for (const [key, value] of Object.entries(overlay.contextKeys())) {
      void vscode.commands.executeCommand('setContext', key, value);
    }
  };
  show();
  const disposable = vscode.Disposable.from(
    view,
    tree.followExpansion(view),
    // One key row selected: Ctrl+C (Cmd+C) copies its value (the keybinding's `when`).
    view.onDidChangeSelection(({ selection }) => {
      const oneKey = selection.length === 1 && selection[0] instanceof MetadataKeyNode;
      void vscode.commands.executeCommand('setContext', 'ecsMetadata.keySelected', oneKey);
    }),
    tree.onDidChangeFilter(show),
    overlay.onDidChange((profile) => {
      if (profile === undefined) show();
      // One profile's rows changed: a message that counts (the policy check's per rule) grows.
      else if (overlay.shown) {
        const { message } = overlay.viewText();
        if (message !== view.message) view.message = message;
      }
    }),
  );
  return Object.assign(disposable, { view });
}
