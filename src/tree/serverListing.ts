import * as vscode from 'vscode';
import type { ServerSummary } from '../core';
import { CommandId } from '../commandBase/commandIds';
import { isEcsError } from '../core';
import { describeError } from '../errors/userMessage';
import { MessageNode } from './messageNode';
import type { ProfileRowNode } from './profileRowNode';
import { ServerNode } from './serverNode';
import { ServerPager } from './serverPager';
import type { TreeContext } from './treeContext';
import type { ChildNodes, TreeNode } from './treeNode';

/**
 * The servers of a profile (or of one region of it), as its row lists them: the configured servers
 * first, then (when discovery is on) the project's other servers, a page at a time. The filter
 * narrows both by name or id. Owned by the row it lists for (ProfileNode, RegionNode).
 */
export class ServerListing {
  private configured: Promise<ServerSummary[]> | undefined;
  private pager: ServerPager;
  /** Reused across re-renders (filter changes) so expanded servers keep their keys. */
  private serverNodes = new Map<string, ServerNode>();
  /** Why a configured server's details could not be read, by server id. */
  private detailErrors = new Map<string, unknown>();

  constructor(
    private readonly owner: ProfileRowNode,
    private readonly context: TreeContext,
  ) {
    this.pager = this.newPager();
  }

  private get profile(): ProfileRowNode['profile'] {
    return this.owner.profile;
  }

  private get region(): string | undefined {
    return this.owner.region;
  }

  async children(signal: AbortSignal): Promise<ChildNodes> {
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

  /** The client of the profile (of the region, for a region's row). */
  private client(): ReturnType<TreeContext['clients']['get']> {
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
    const subject = this.owner.errorSubject();
    const label = vscode.l10n.t('Listing servers failed: {0}', describeError(failure, subject).summary);
    const profile = this.profile.name;
    return {
      nodes: [
        ...nodes,
        MessageNode.error(this.owner, failure, subject, label),
        MessageNode.action(
          this.owner,
          {
            title: vscode.l10n.t('Add Server by Id…'),
            command: CommandId.addServer,
            args: [{ profile, byId: true, ...(this.region ? { region: this.region } : {}) }],
          },
          'add',
        ),
        MessageNode.action(
          this.owner,
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

  reset(): void {
    this.configured = undefined;
    this.pager = this.newPager();
    this.serverNodes = new Map();
  }

  /** The node of a server this listing has shown, if any (no request). */
  shownServer(serverId: string): ServerNode | undefined {
    return this.serverNodes.get(serverId);
  }

  private serverNode(server: ServerSummary, configured: boolean): ServerNode {
    let node = this.serverNodes.get(server.id);
    if (!node) {
      node = new ServerNode(this.owner, this.context, server, configured, this.detailErrors.get(server.id));
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
