import * as vscode from 'vscode';
import { profileInRegion } from '../profiles/profileInRegion';
import type { PagedNode } from './childrenLoader';
import { ContextValue } from './contextValues';
import { profileDetailLines } from './profileItem';
import { ProfileRowNode } from './profileRowNode';
import { ServerListing } from './serverListing';
import type { ServerNode } from './serverNode';
import type { TreeContext } from './treeContext';
import type { ChildNodes } from './treeNode';

/**
 * One region of a profile of several: lists that region's servers as a profile of one region
 * would (the same ServerListing), with the region's own endpoints, project and configured servers.
 * Nothing is asked of the cloud until it is expanded; its project id is then looked up once (see
 * ClientProvider).
 */
export class RegionNode extends ProfileRowNode implements PagedNode {
  private readonly listing = new ServerListing(this, this.context);

  constructor(
    override readonly parent: ProfileRowNode,
    private readonly regionName: string,
    context: TreeContext,
  ) {
    super(profileInRegion(parent.profile, regionName), context, parent);
  }

  override get region(): string {
    return this.regionName;
  }

  getTreeItemId(): string {
    return `${this.parent.getTreeItemId()}/region:${this.regionName}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.regionName, this.context.collapsibleState(this.getTreeItemId()));
    item.id = this.getTreeItemId();
    item.contextValue = ContextValue.Region;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.tooltip = [
      `${this.profile.name} · ${this.regionName}`,
      ...profileDetailLines(this.profile, this.context, this.regionName),
    ].join('\n');
    return item;
  }

  override loadChildren(signal: AbortSignal): Promise<ChildNodes> {
    return this.listing.children(signal);
  }

  loadMore(marker: string, signal: AbortSignal): Promise<void> {
    return this.listing.loadMore(marker, signal);
  }

  override reset(): void {
    this.listing.reset();
  }

  /** The node of a server this region has shown, if any (no request). */
  shownServer(serverId: string): ServerNode | undefined {
    return this.listing.shownServer(serverId);
  }
}
