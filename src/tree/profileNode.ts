import * as vscode from 'vscode';
import type { ServerSummary } from '../core';
import { CommandId } from '../commandBase/commandIds';
import { isEcsError } from '../core';
import { describeError, type ErrorSubject } from '../errors/userMessage';
import { authMethodLabel } from '../profiles/authMethodLabel';
import type { Profile } from '../profiles/profile';
import type { PagedNode } from './childrenLoader';
import { ContextValue } from './contextValues';
import { MessageNode } from './messageNode';
import { ServerNode } from './serverNode';
import { ServerPager } from './serverPager';
import type { TreeContext } from './treeContext';
import { TreeNode, type ChildNodes } from './treeNode';

/**
 * A profile: its configured servers first, then (when discovery is on) the project's other servers,
 * a page at a time. The filter narrows both by name or id. A profile of several regions shows its
 * regions instead (RegionNode, the same listing for one region), which load only when expanded.
 */
export class ProfileNode extends TreeNode implements PagedNode {
  private configured: Promise<ServerSummary[]> | undefined;
  private pager: ServerPager;
  /** Reused across re-renders (filter changes) so expanded servers keep their keys. */
  private serverNodes = new Map<string, ServerNode>();
  /** Why a configured server's details could not be read, by server id. */
  private detailErrors = new Map<string, unknown>();
  /** The region nodes of a profile of several regions, kept so they stay expanded across redraws. */
  private regionNodes = new Map<string, ProfileNode>();

  constructor(
    readonly profile: Profile,
    protected readonly context: TreeContext<ProfileNode>,
    parent?: TreeNode,
  ) {
    super(parent);
    this.pager = this.newPager();
  }

  /** The region the client is asked for: a region node's; none for a profile of one region or none. */
  get region(): string | undefined {
    return undefined;
  }

  /** True when the children are regions rather than servers. */
  get listsRegions(): boolean {
    return this.profile.regions.length > 1;
  }

  getTreeItemId(): string {
    return `profile:${this.profile.name}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.profile.name, this.context.collapsibleState(this.getTreeItemId()));
    item.id = this.getTreeItemId();
    item.contextValue = ContextValue.Profile;
    item.iconPath = new vscode.ThemeIcon('cloud');
    const place = this.listsRegions
      ? this.profile.regions.join(', ')
      : (this.profile.region ?? this.profile.ecsEndpoint);
    const agency = this.agencyLine();
    item.description =
      this.profile.auth === 'agency'
        ? vscode.l10n.t('{0} · agency {1}', place, this.profile.agencyName ?? '')
        : place;
    if (this.listsRegions) {
      item.tooltip = [
        this.profile.name,
        vscode.l10n.t('Regions: {0}', this.profile.regions.join(', ')),
        vscode.l10n.t('Sign-in: {0}', authMethodLabel(this.profile.auth)),
        ...(agency ? [agency] : []),
      ].join('\n');
      return item;
    }
    item.tooltip = [
      this.profile.name,
      this.profile.endpointFromCatalog
        ? vscode.l10n.t(
            'ECS endpoint: {0} (from the service catalog)',
            this.context.clients.catalogEndpoint(this.profile.name, this.region) ?? '…',
          )
        : vscode.l10n.t('ECS endpoint: {0}', this.profile.ecsEndpoint || '—'),
      vscode.l10n.t('Project: {0}', this.profile.projectId ?? vscode.l10n.t('looked up from the region')),
      vscode.l10n.t('Sign-in: {0}', authMethodLabel(this.profile.auth)),
      ...(agency ? [agency] : []),
    ].join('\n');
    return item;
  }

  /** Which agency an agency profile acts through, and with whose credentials. */
  private agencyLine(): string | undefined {
    const { auth, agencyName, agencyDomain, sourceProfile } = this.profile;
    if (auth !== 'agency') return undefined;
    return vscode.l10n.t(
      'Acts through agency "{0}" of account "{1}", with the credentials of profile "{2}"',
      agencyName ?? '',
      agencyDomain ?? '',
      sourceProfile ?? '',
    );
  }

  override async loadChildren(signal: AbortSignal): Promise<ChildNodes> {
    // Regions cost nothing to show: each asks for its project only when it is expanded.
    if (this.listsRegions) return { nodes: this.profile.regions.map((region) => this.regionNode(region)) };
    // Fails here (no credentials, a profile to fix) before anything else is tried.
    await this.client();
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
      return this.listingFailed(nodes, failure);
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

  /** The client of this profile (of this region, for a region node). */
  protected client(): ReturnType<TreeContext['clients']['get']> {
    return this.context.clients.get(this.profile.name, this.region);
  }

  /**
   * A failed discovery. When the cloud refused the listing itself (a 500 from a Nova without a
   * network service, a 403 for ecs:servers:list), say that it is the listing, and offer the two ways
   * on that need none; rejected credentials or no network are said as they are, with their fix.
   */
  private listingFailed(nodes: TreeNode[], failure: unknown): ChildNodes {
    const refused =
      isEcsError(failure) &&
      failure.status !== undefined &&
      failure.kind !== 'auth' &&
      failure.kind !== 'throttled' &&
      failure.kind !== 'cancelled';
    if (!refused) return { nodes, failure };
    const subject = this.errorSubject();
    const label = vscode.l10n.t('Listing servers failed: {0}', describeError(failure, subject).summary);
    const profile = this.profile.name;
    return {
      nodes: [
        ...nodes,
        MessageNode.error(this, failure, subject, label),
        MessageNode.action(
          this,
          {
            title: vscode.l10n.t('Add Server by Id…'),
            command: CommandId.addServer,
            args: [{ profile, byId: true, ...(this.region ? { region: this.region } : {}) }],
          },
          'add',
        ),
        MessageNode.action(
          this,
          {
            title: vscode.l10n.t('Turn Off Discovery'),
            command: CommandId.turnOffDiscovery,
            args: [{ profile }],
          },
          'eye-closed',
        ),
      ],
    };
  }

  /** Fetches the next page of discovered servers; see ServerPager for why a double click is harmless. */
  loadMore(marker: string, signal: AbortSignal): Promise<void> {
    return this.pager.loadMore(marker, signal);
  }

  override reset(): void {
    this.configured = undefined;
    this.pager = this.newPager();
    this.serverNodes = new Map();
    this.regionNodes = new Map();
  }

  /** The node of a server this profile (in `region`, or any of its regions) has shown, if any (no request). */
  shownServer(serverId: string, region?: string): ServerNode | undefined {
    if (!this.listsRegions) return this.serverNodes.get(serverId);
    for (const [name, node] of this.regionNodes) {
      if (region !== undefined && name !== region) continue;
      const shown = node.shownServer(serverId);
      if (shown) return shown;
    }
    return undefined;
  }

  /** The node of one of this profile's regions (no request). */
  regionNode(region: string): ProfileNode {
    let node = this.regionNodes.get(region);
    if (!node) {
      node = this.context.regionNode(this, region);
      this.regionNodes.set(region, node);
    }
    return node;
  }

  private serverNode(server: ServerSummary, configured: boolean): ServerNode {
    let node = this.serverNodes.get(server.id);
    if (!node) {
      node = new ServerNode(this, this.context, server, configured, this.detailErrors.get(server.id));
      this.serverNodes.set(server.id, node);
    }
    return node;
  }

  private newPager(): ServerPager {
    return new ServerPager(() => this.client(), this.context.pageSize);
  }

  /**
   * Configured servers with their current name and status; one that cannot be read still shows,
   * with why (its details error) instead of a silent "unknown" status.
   */
  private configuredServers(signal: AbortSignal): Promise<ServerSummary[]> {
    this.configured ??= (async () => {
      const client = await this.client();
      this.detailErrors = new Map();
      return Promise.all(
        this.profile.servers.map(async (ref): Promise<ServerSummary> => {
          try {
            const live = await client.getServer(ref.id, { signal });
            return { id: ref.id, name: ref.name || live.name, status: live.status };
          } catch (err) {
            this.detailErrors.set(ref.id, err);
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
