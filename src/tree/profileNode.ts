import * as vscode from 'vscode';
import type { PagedNode } from './childrenLoader';
import { ContextValue } from './contextValues';
import { profileDescription, profileDetailLines } from './profileItem';
import { ProfileRowNode } from './profileRowNode';
import { RegionNode } from './regionNode';
import { ServerListing } from './serverListing';
import type { ServerNode } from './serverNode';
import type { ChildNodes } from './treeNode';

/**
 * A profile: its servers (see ServerListing). A profile of several regions shows its regions
 * instead (RegionNode, the same listing for one region), which load only when expanded.
 */
export class ProfileNode extends ProfileRowNode implements PagedNode {
  private readonly listing = new ServerListing(this, this.context);
  /** The region nodes of a profile of several regions, kept so they stay expanded across redraws. */
  private regionNodes = new Map<string, RegionNode>();

  getTreeItemId(): string {
    return `profile:${this.profile.name}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.profile.name, this.context.collapsibleState(this.getTreeItemId()));
    item.id = this.getTreeItemId();
    item.contextValue = ContextValue.Profile;
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.description = profileDescription(this.profile);
    item.tooltip = [this.profile.name, ...profileDetailLines(this.profile, this.context)].join('\n');
    return item;
  }

  override async loadChildren(signal: AbortSignal): Promise<ChildNodes> {
    // Regions cost nothing to show: each asks for its project only when it is expanded.
    if (this.listsRegions) return { nodes: this.profile.regions.map((region) => this.regionNode(region)) };
    return this.listing.children(signal);
  }

  loadMore(marker: string, signal: AbortSignal): Promise<void> {
    return this.listing.loadMore(marker, signal);
  }

  override reset(): void {
    this.listing.reset();
    this.regionNodes = new Map();
  }

  /** The node of a server this profile (in `region`, or any of its regions) has shown, if any (no request). */
  shownServer(serverId: string, region?: string): ServerNode | undefined {
    if (!this.listsRegions) return this.listing.shownServer(serverId);
    for (const [name, node] of this.regionNodes) {
      if (region !== undefined && name !== region) continue;
      const shown = node.shownServer(serverId);
      if (shown) return shown;
    }
    return undefined;
  }

  /** The node of one of this profile's regions (no request). */
  regionNode(region: string): RegionNode {
    let node = this.regionNodes.get(region);
    if (!node) {
      node = new RegionNode(this, region, this.context);
      this.regionNodes.set(region, node);
    }
    return node;
  }
}
