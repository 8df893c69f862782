import * as vscode from 'vscode';
import type { ServerSummary } from '../core';
import { settings } from '../settings/settings';
import { ContextValue } from './contextValues';
import { MessageNode } from './messageNode';
import { MetadataKeyNode } from './metadataKeyNode';
import type { ProfileNode } from './profileNode';
import { serverStatusIcon } from './serverStatusIcon';
import type { TreeContext } from './treeContext';
import { TreeNode } from './treeNode';

/** A server: configured in the profile's settings, or discovered by listing the project. Expands to its keys. */
export class ServerNode extends TreeNode {
  readonly profile: string;
  private children: Promise<TreeNode[]> | undefined;

  constructor(
    override readonly parent: ProfileNode,
    private readonly context: TreeContext,
    readonly server: ServerSummary,
    readonly configured: boolean,
  ) {
    super(parent);
    this.profile = parent.profile.name;
  }

  get serverId(): string {
    return this.server.id;
  }

  getTreeItemId(): string {
    return `${this.parent.getTreeItemId()}/server:${this.server.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { id, name, status } = this.server;
    const item = new vscode.TreeItem(name || id, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.getTreeItemId();
    item.contextValue = this.configured ? ContextValue.ConfiguredServer : ContextValue.DiscoveredServer;
    item.description = status ? `${id} · ${status}` : id;
    item.iconPath = serverStatusIcon(status);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escape(name || id)}**\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('ID: {0}', escape(id))}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Status: {0}', escape(status ?? vscode.l10n.t('unknown')))}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Profile: {0}', escape(this.profile))}\n\n`);
    tooltip.appendMarkdown(
      this.configured ? vscode.l10n.t('Configured in settings') : vscode.l10n.t('Discovered in the project'),
    );
    item.tooltip = tooltip;
    return item;
  }

  override getChildren(): Promise<TreeNode[]> {
    this.children ??= this.loadKeys();
    return this.children;
  }

  override reset(): void {
    this.children = undefined;
  }

  /** One list call gives every key and value, so previews cost nothing extra. */
  private async loadKeys(): Promise<TreeNode[]> {
    try {
      const client = await this.context.clients.get(this.profile);
      const metadata = await client.listMetadata(this.server.id);
      const keys = Object.keys(metadata).sort((a, b) => a.localeCompare(b));
      if (keys.length === 0) {
        return [new MessageNode(this, vscode.l10n.t('No metadata on this server'), undefined, false)];
      }
      const hide = settings.hideValuePreviews();
      return keys.map((key) => new MetadataKeyNode(this, key, metadata[key], hide));
    } catch (err) {
      // Keep the error item, not the failure: the next expand or a click on the item retries.
      this.children = undefined;
      return [MessageNode.forError(this, err, { profile: this.profile, serverId: this.server.id })];
    }
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
