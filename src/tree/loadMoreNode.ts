import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import { ContextValue } from './contextValues';
import { TreeNode } from './treeNode';

/** "Load more" at the end of a paged list; remembers which page it asks for, and shows when it is loading. */
export class LoadMoreNode extends TreeNode {
  constructor(
    override readonly parent: TreeNode,
    readonly marker: string,
    readonly busy: boolean,
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.busy ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…'),
      vscode.TreeItemCollapsibleState.None,
    );
    item.contextValue = ContextValue.LoadMore;
    item.iconPath = new vscode.ThemeIcon(this.busy ? 'loading~spin' : 'more');
    item.command = { title: vscode.l10n.t('Load more'), command: CommandId.loadMore, arguments: [this] };
    return item;
  }
}
