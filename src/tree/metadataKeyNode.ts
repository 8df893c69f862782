import * as vscode from 'vscode';
import { ContextValue } from './contextValues';
import type { ServerNode } from './serverNode';
import { TreeNode } from './treeNode';

const previewLength = 40;

/**
 * One metadata key of a server. Carries `profile`, `serverId` and `key`, so commands invoked from
 * the tree (open, copy) accept it like their `{ profile, serverId, key }` argument.
 */
export class MetadataKeyNode extends TreeNode {
  readonly profile: string;
  readonly serverId: string;

  constructor(
    override readonly parent: ServerNode,
    readonly key: string,
    private readonly value: string,
    private readonly hidePreview: boolean,
  ) {
    super(parent);
    this.profile = parent.profile;
    this.serverId = parent.serverId;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.key, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parent.getTreeItemId()}/key:${this.key}`;
    item.contextValue = ContextValue.MetadataKey;
    item.iconPath = new vscode.ThemeIcon('symbol-key');
    if (!this.hidePreview) item.description = preview(this.value);
    item.tooltip = this.key;
    item.command = {
      title: vscode.l10n.t('Open Metadata Key'),
      command: 'ecsMetadata.openKey',
      arguments: [{ profile: this.profile, serverId: this.serverId, key: this.key }],
    };
    return item;
  }
}

/** One line, bounded length: values may be long JSON or contain line breaks. */
function preview(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > previewLength ? `${line.slice(0, previewLength - 1)}…` : line;
}
