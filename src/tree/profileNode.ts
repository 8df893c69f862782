import * as vscode from 'vscode';
import type { ServerSummary } from '../core';
import type { Profile } from '../profiles/profile';
import { ContextValue } from './contextValues';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { ServerNode } from './serverNode';
import { ServerPager } from './serverPager';
import type { TreeContext } from './treeContext';
import { TreeNode } from './treeNode';

/**
 * A profile: its configured servers first, then (when discovery is on) the project's other servers,
 * a page at a time. The filter narrows both by name or id.
 */
export class ProfileNode extends TreeNode {
  private configured: Promise<ServerSummary[]> | undefined;
  private pager: ServerPager;
  /** Reused across re-renders (filter changes) so expanded servers keep their keys. */
  private serverNodes = new Map<string, ServerNode>();

  constructor(
    readonly profile: Profile,
    private readonly context: TreeContext,
  ) {
    super(undefined);
    this.pager = this.newPager();
  }

  getTreeItemId(): string {
    return `profile:${this.profile.name}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.profile.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.getTreeItemId();
    item.contextValue = ContextValue.Profile;
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.description = this.profile.region ?? this.profile.ecsEndpoint;
    item.tooltip = [
      this.profile.name,
      vscode.l10n.t('ECS endpoint: {0}', this.profile.ecsEndpoint || '—'),
      vscode.l10n.t('Project: {0}', this.profile.projectId ?? vscode.l10n.t('looked up from the region')),
      vscode.l10n.t('Sign-in: {0}', this.profile.auth),
    ].join('\n');
    return item;
  }

  override async getChildren(): Promise<TreeNode[]> {
    try {
      await this.context.clients.get(this.profile.name);
    } catch (err) {
      return [MessageNode.forError(this, err, { profile: this.profile.name })];
    }
    const nodes: TreeNode[] = [];
    const configured = await this.configuredServers();
    const configuredIds = new Set(configured.map((s) => s.id));
    for (const server of configured.filter((s) => this.matches(s))) {
      nodes.push(this.serverNode(server, true));
    }
    if (this.profile.discoverServers) {
      try {
        await this.pager.firstPage();
        for (const server of this.pager.servers) {
          if (!configuredIds.has(server.id) && this.matches(server)) {
            nodes.push(this.serverNode(server, false));
          }
        }
        const marker = this.pager.nextMarker;
        if (nodes.length === 0) nodes.push(this.emptyState());
        if (marker) nodes.push(new LoadMoreNode(this, marker));
      } catch (err) {
        nodes.push(MessageNode.forError(this, err, { profile: this.profile.name }));
      }
    } else if (nodes.length === 0) {
      nodes.push(this.emptyState());
    }
    return nodes;
  }

  /** Fetches the next page of discovered servers; see ServerPager for why a double click is harmless. */
  loadMore(marker: string): Promise<void> {
    return this.pager.loadMore(marker);
  }

  override reset(): void {
    this.configured = undefined;
    this.pager = this.newPager();
    this.serverNodes = new Map();
  }

  /** The node of a server this profile has shown, if any (no request). */
  shownServer(serverId: string): ServerNode | undefined {
    return this.serverNodes.get(serverId);
  }

  private serverNode(server: ServerSummary, configured: boolean): ServerNode {
    let node = this.serverNodes.get(server.id);
    if (!node) {
      node = new ServerNode(this, this.context, server, configured);
      this.serverNodes.set(server.id, node);
    }
    return node;
  }

  private newPager(): ServerPager {
    return new ServerPager(() => this.context.clients.get(this.profile.name), this.context.pageSize);
  }

  /** Configured servers with their current name and status; one that cannot be read still shows. */
  private configuredServers(): Promise<ServerSummary[]> {
    this.configured ??= (async () => {
      const client = await this.context.clients.get(this.profile.name);
      return Promise.all(
        this.profile.servers.map(async (ref): Promise<ServerSummary> => {
          try {
            const live = await client.getServer(ref.id);
            return { id: ref.id, name: ref.name || live.name, status: live.status };
          } catch {
            return { id: ref.id, name: ref.name ?? '' };
          }
        }),
      );
    })();
    return this.configured;
  }

  private matches(server: ServerSummary): boolean {
    const filter = this.context.filter();
    if (!filter) return true;
    return server.name.toLowerCase().includes(filter) || server.id.toLowerCase().includes(filter);
  }

  private emptyState(): MessageNode {
    return this.context.filter()
      ? new MessageNode(this, vscode.l10n.t('No servers match the filter'), undefined, false)
      : new MessageNode(this, vscode.l10n.t('No servers yet: use Add Server'), undefined, false);
  }
}
