import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import { onBehalfOfPerson } from '../commands/registerCommand';
import { isEcsError } from '../core';
import { describeError, type ErrorAction, type ErrorSubject } from '../errors/userMessage';
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
    /** Run on click instead of a retry: the fix the error names, or the action an info line offers. */
    readonly action?: ErrorAction,
    /** Lets menus offer more for some errors (Remove Server on "Server not found"). */
    readonly contextValue: string = ContextValue.Message,
  ) {
    super(parent);
  }

  /** `removable`: the error is about a configured server, which Remove Server can take out of settings. */
  static forError(
    parent: TreeNode,
    err: unknown,
    context: ErrorSubject,
    options: { label?: string; removable?: boolean } = {},
  ): MessageNode {
    const { message, summary, fix } = describeError(err, context);
    const label = options.label;
    const notFound = isEcsError(err) && err.kind === 'serverNotFound' && options.removable === true;
    return new MessageNode(
      parent,
      label ?? summary,
      message,
      true,
      fix,
      notFound ? ContextValue.ServerNotFoundMessage : ContextValue.Message,
    );
  }

  /** An info line that does something on click (Add Server by Id, Turn Off Discovery). */
  static forAction(parent: TreeNode, action: ErrorAction, icon: string): MessageNode {
    const node = new MessageNode(parent, action.title, undefined, false, action);
    node.icon = icon;
    return node;
  }

  private icon = 'info';

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.contextValue = this.contextValue;
    item.tooltip = this.detail;
    if (this.isError) {
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      if (this.action) {
        item.description = vscode.l10n.t('click to fix: {0}', this.action.title);
        item.command = actionCommand(this.action);
      } else {
        item.description = vscode.l10n.t('click to retry');
        item.command = {
          title: vscode.l10n.t('Retry'),
          command: CommandId.refreshNode,
          arguments: [this.parent],
        };
      }
    } else {
      item.iconPath = new vscode.ThemeIcon(this.icon);
      if (this.action) item.command = actionCommand(this.action);
    }
    return item;
  }
}

/** A click is a person: the extension's own commands get their arguments on the person's behalf. */
function actionCommand(action: ErrorAction): vscode.Command {
  const own = (Object.values(CommandId) as string[]).includes(action.command);
  const args = action.args ?? [];
  return { title: action.title, command: action.command, arguments: own ? args.map(onBehalfOfPerson) : args };
}
