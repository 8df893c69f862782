import * as vscode from 'vscode';
import { describeError, type ErrorAction, type ErrorContext } from '../errors/userMessage';
import { ContextValue } from './contextValues';
import { TreeNode } from './treeNode';

/**
 * A line of text where children would be: an empty state, or an error that says what went wrong.
 * An error item retries its parent on click instead of throwing into the tree.
 */
export class MessageNode extends TreeNode {
  constructor(
    parent: TreeNode | undefined,
    readonly label: string,
    readonly detail: string | undefined,
    readonly isError: boolean,
    private readonly fix?: ErrorAction,
  ) {
    super(parent);
  }

  static forError(parent: TreeNode, err: unknown, context: ErrorContext): MessageNode {
    const { message, summary, fix } = describeError(err, context);
    return new MessageNode(parent, summary, message, true, fix);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.contextValue = ContextValue.Message;
    item.tooltip = this.detail;
    if (this.isError && this.fix) {
      // Retrying would fail the same way; the click runs what fixes it.
      item.description = this.fix.title;
      item.iconPath = new vscode.ThemeIcon(
        'warning',
        new vscode.ThemeColor('problemsWarningIcon.foreground'),
      );
      item.command = { title: this.fix.title, command: this.fix.command, arguments: this.fix.args ?? [] };
    } else if (this.isError) {
      item.description = vscode.l10n.t('click to retry');
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.command = {
        title: vscode.l10n.t('Retry'),
        command: 'ecsMetadata.refreshNode',
        arguments: [this.parent],
      };
    } else {
      item.iconPath = new vscode.ThemeIcon('info');
    }
    return item;
  }
}
