import * as vscode from 'vscode';
import type { ServerSummary } from '../core';
import type { ErrorSubject } from '../errors/userMessage';
import type { Profile } from '../profiles/profile';
import type { PagedNode } from './childrenLoader';
import { ContextValue } from './contextValues';
import { ServerNode } from './serverNode';
import { ServerPager } from './serverPager';
import type { TreeContext } from './treeContext';
import { TreeNode, type ChildNodes } from './treeNode';

/**
 * A profile: its configured servers first, then (when discovery is on) the project's other servers,
 * a page at a time. The filter narrows both by name or id.
 */
export class ProfileNode extends TreeNode implements PagedNode {
  private configured: Promise<ServerSummary[]> | undefined;
  private pager: ServerPager;
  /** Reused across re-renders (filter changes) so expanded servers keep their keys. */
  private serverNodes = new Map<string, ServerNode>();

  constructor(
    readonly profile: Profile,
    protected readonly context: TreeContext,
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
      this.profile.endpointFromCatalog
        ? vscode.l10n.t(
            'ECS endpoint: {0} (from the service catalog)',
            this.context.clients.catalogEndpoint(this.profile.name) ?? '…',
          )
        : vscode.l10n.t('ECS endpoint: {0}', this.profile.ecsEndpoint || '—'),
      vscode.l10n.t('Project: {0}', this.profile.projectId ?? vscode.l10n.t('looked up from the region')),
      vscode.l10n.t('Sign-in: {0}', this.profile.auth),
    ].join('\n');
    return item;
  }

  override async loadChildren(signal: AbortSignal): Promise<ChildNodes> {
    // Fails here (no credentials, a profile to fix) before anything else is tried.
    await this.context.clients.get(this.profile.name);
    const nodes: TreeNode[] = [];
    const configured = await this.configuredServers(signal);
    const configuredIds = new Set(configured.map((s) => s.id));
    for (const server of configured.filter((s) => this.matches(s))) {
      nodes.push(this.serverNode(server, true));
    }
    const empty = this.context.filter()
      ? vscode.l10n.t('No servers match the filter')
      : vscode.l10n.t('No servers yet: use Add Server');
    if (!this.profile.discoverServers) return { nodes, empty };
    try {
      await this.pager.firstPage(signal);
    } catch (failure) {
      return { nodes, failure };
    }
    for (const server of this.pager.servers) {
      if (!configuredIds.has(server.id) && this.matches(server)) nodes.push(this.serverNode(server, false));
    }
    const more = this.pager.nextMarker;
    return more ? { nodes, empty, more } : { nodes, empty };
  }

  override errorSubject(): ErrorSubject {
    return { profile: this.profile.name };
  }

  /** Fetches the next page of discovered servers; see ServerPager for why a double click is harmless. */
  loadMore(marker: string, signal: AbortSignal): Promise<void> {
    return this.pager.loadMore(marker, signal);
  }

  override reset(): void {
    this.configured = undefined;
    this.pager = this.newPager();
    this.serverNodes = new Map();
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
  private configuredServers(signal: AbortSignal): Promise<ServerSummary[]> {
    this.configured ??= (async () => {
      const client = await this.context.clients.get(this.profile.name);
      return Promise.all(
        this.profile.servers.map(async (ref): Promise<ServerSummary> => {
          try {
            const live = await client.getServer(ref.id, { signal });
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
}
