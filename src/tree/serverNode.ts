import * as vscode from 'vscode';
import type { ServerSummary } from '../core';
import { describeError } from '../errors/userMessage';
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
    /** Why the server's details (name, status) could not be read, for a configured server. */
    private readonly detailError?: unknown,
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
    const problem =
      this.detailError === undefined
        ? undefined
        : describeError(this.detailError, {
            profile: this.profile,
            serverId: id,
            serverName: name || undefined,
          });
    item.description = problem ? `${id} · ${problem.summary}` : status ? `${id} · ${status}` : id;
    item.iconPath = problem
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : serverStatusIcon(status);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escape(name || id)}**\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('ID: {0}', escape(id))}\n\n`);
    tooltip.appendMarkdown(
      problem
        ? `${vscode.l10n.t('Details could not be read: {0}', escape(problem.message))}\n\n`
        : `${vscode.l10n.t('Status: {0}', escape(status ?? vscode.l10n.t('unknown')))}\n\n`,
    );
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
      const context = { profile: this.profile, serverId: this.server.id, serverName: this.server.name || undefined };
      return [MessageNode.forError(this, err, context, { removable: this.configured })];
    }
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
