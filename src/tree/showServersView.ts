import * as vscode from 'vscode';
import type { FindSession } from '../find/findSession';
import { countsPerRule } from '../policy/evaluatePolicy';
import { MetadataKeyNode } from './metadataKeyNode';
import type { ServerTreeProvider } from './serverTreeProvider';
import type { TreeNode } from './treeNode';

/**
 * Creates the Servers view (several servers can be selected, for Compare) and keeps the filter or
 * the find visible: the view's description names it, and the `ecsMetadata.filtered` context key
 * shows the Clear Filter button (`ecsMetadata.findShown` the export of the find results).
 */
export function showServersView(
  tree: ServerTreeProvider,
  find: FindSession,
): vscode.Disposable & { view: vscode.TreeView<TreeNode> } {
  const view = vscode.window.createTreeView('ecsMetadata.servers', {
    treeDataProvider: tree,
    showCollapseAll: true,
    canSelectMany: true,
  });
  const show = (): void => {
    const filter = tree.filter;
    const query = find.query?.text;
    const check = find.policyCheck;
    if (check) {
      view.description = vscode.l10n.t('Policy: {0}', check.source);
      view.message = policyMessage(find);
    } else if (query !== undefined) {
      view.description = vscode.l10n.t('Find: {0}', query);
      view.message = vscode.l10n.t('Showing servers whose metadata matches "{0}".', query);
    } else {
      view.description = filter ? vscode.l10n.t('Filter: {0}', filter) : undefined;
      view.message = filter
        ? vscode.l10n.t('Showing servers whose name or id contains "{0}".', filter)
        : undefined;
    }
    void vscode.commands.executeCommand(
      'setContext',
      'ecsMetadata.filtered',
      filter !== undefined || query !== undefined,
    );
    void vscode.commands.executeCommand('setContext', 'ecsMetadata.findShown', query !== undefined);
    void vscode.commands.executeCommand('setContext', 'ecsMetadata.policyShown', check !== undefined);
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
    find.onDidChange((profile) => {
      if (profile === undefined) show();
      // The counts per rule grow as each profile's pages arrive.
      else if (find.policyCheck) view.message = policyMessage(find);
    }),
  );
  return Object.assign(disposable, { view });
}

/** The counts per rule of the policy check shown: "owner: 3 servers · env values: 1 server". */
function policyMessage(find: FindSession): string | undefined {
  const check = find.policyCheck;
  if (!check) return undefined;
  const matches = find.allMatches().map((m) => ({ violations: m.server.violations ?? [] }));
  const counts = countsPerRule(check.policy, matches)
    .map(({ rule, servers }) =>
      servers === 1 ? vscode.l10n.t('{0}: 1 server', rule) : vscode.l10n.t('{0}: {1} servers', rule, servers),
    )
    .join(' · ');
  return vscode.l10n.t('Servers that break the policy {0} — {1}', check.source, counts);
}
