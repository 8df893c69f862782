import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import { onBehalfOfPerson } from '../commandBase/personRequest';
import { isEcsError } from '../core';
import { describeError, type ErrorAction, type ErrorSubject } from '../errors/userMessage';
import { ContextValue } from './contextValues';
import { TreeNode } from './treeNode';

/**
 * A line of text where children would be: an empty state (`info`), or an error that says what went
 * wrong (`error`), which retries its parent on click instead of throwing into the tree — or, when
 * a retry alone cannot help, runs the error's fix (rejected credentials: Set Credentials, after
 * which the tree loads again by itself). An `info` line may offer an action on click.
 */
export class MessageNode extends TreeNode {
  private constructor(
    parent: TreeNode | undefined,
    readonly label: string,
    readonly detail: string | undefined,
    readonly kind: 'info' | 'error',
    /** Run on click: the fix an error names, or the action an info line offers. */
    readonly action?: ErrorAction,
    /** Lets menus offer more for some errors (Remove Server on "Server not found"). */
    readonly contextValue: string = ContextValue.Message,
    private readonly icon = 'info',
  ) {
    super(parent);
  }

  static info(parent: TreeNode, label: string): MessageNode {
    return new MessageNode(parent, label, undefined, 'info');
  }

  /** An info line that does something on click (Add Server by Id, Turn Off Discovery). */
  static action(parent: TreeNode, action: ErrorAction, icon: string): MessageNode {
    return new MessageNode(parent, action.title, undefined, 'info', action, ContextValue.Message, icon);
  }

  /** `label` replaces the error's summary where the place needs saying ("Listing servers failed: …"). */
  static error(parent: TreeNode, err: unknown, subject: ErrorSubject, label?: string): MessageNode {
    const { message, summary, fix } = describeError(err, subject);
    // A configured server the cloud does not know: the error item offers Remove Server.
    const removable = isEcsError(err) && err.kind === 'serverNotFound' && parent.removableServer;
    return new MessageNode(
      parent,
      label ?? summary,
      message,
      'error',
      fix,
      removable ? ContextValue.ServerNotFoundMessage : ContextValue.Message,
    );
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.contextValue = this.contextValue;
    item.tooltip = this.detail;
    if (this.kind === 'error') {
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
