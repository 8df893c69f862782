import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import { onBehalfOfPerson } from '../commands/registerCommand';
import { describeError, type ErrorAction, type ErrorSubject } from '../errors/userMessage';
import { ContextValue } from './contextValues';
import { TreeNode } from './treeNode';

/**
 * A line of text where children would be: an empty state (`info`), or an error that says what went
 * wrong (`error`), which retries its parent on click instead of throwing into the tree.
 */
export class MessageNode extends TreeNode {
  private constructor(
    parent: TreeNode | undefined,
    readonly label: string,
    readonly detail: string | undefined,
    readonly kind: 'info' | 'error',
    private readonly fix?: ErrorAction,
  ) {
    super(parent);
  }

  static info(parent: TreeNode, label: string): MessageNode {
    return new MessageNode(parent, label, undefined, 'info');
  }

  static error(parent: TreeNode, err: unknown, subject: ErrorSubject): MessageNode {
    const { message, summary, fix } = describeError(err, subject);
    return new MessageNode(parent, summary, message, 'error', fix);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.contextValue = ContextValue.Message;
    item.tooltip = this.detail;
    if (this.kind === 'error' && this.fix) {
      // Retrying would fail the same way; the click runs what fixes it.
      item.description = this.fix.title;
      item.iconPath = new vscode.ThemeIcon(
        'warning',
        new vscode.ThemeColor('problemsWarningIcon.foreground'),
      );
      item.command = {
        title: this.fix.title,
        command: this.fix.command,
        arguments: (this.fix.args ?? []).map(onBehalfOfPerson),
      };
    } else if (this.kind === 'error') {
      item.description = vscode.l10n.t('click to retry');
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.command = {
        title: vscode.l10n.t('Retry'),
        command: CommandId.refreshNode,
        arguments: [this.parent],
      };
    } else {
      item.iconPath = new vscode.ThemeIcon('info');
    }
    return item;
  }
}
