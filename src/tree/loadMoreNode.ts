import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import { ContextValue } from './contextValues';
import type { ProfileNode } from './profileNode';
import { TreeNode } from './treeNode';

/** "Load more" at the end of a profile's discovered servers; remembers which page it asks for. */
export class LoadMoreNode extends TreeNode {
  constructor(
    override readonly parent: ProfileNode,
    readonly marker: string,
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.contextValue = ContextValue.LoadMore;
    item.iconPath = new vscode.ThemeIcon('more');
    item.command = { title: vscode.l10n.t('Load more'), command: CommandId.loadMore, arguments: [this] };
    return item;
  }
}
