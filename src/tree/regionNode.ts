import * as vscode from 'vscode';
import type { ErrorSubject } from '../errors/userMessage';
import { profileInRegion } from '../profiles/profileInRegion';
import { ContextValue } from './contextValues';
import { ProfileNode } from './profileNode';
import type { TreeContext } from './treeContext';

/**
 * One region of a profile of several: lists that region's servers as a profile of one region
 * would, with the region's own endpoints, project and configured servers. Nothing is asked of the
 * cloud until it is expanded; its project id is then looked up once (see ClientProvider).
 */
export class RegionNode extends ProfileNode {
  constructor(
    override readonly parent: ProfileNode,
    private readonly regionName: string,
    context: TreeContext<ProfileNode>,
  ) {
    super(profileInRegion(parent.profile, regionName), context, parent);
  }

  override get region(): string {
    return this.regionName;
  }

  override get listsRegions(): boolean {
    return false;
  }

  override getTreeItemId(): string {
    return `${this.parent.getTreeItemId()}/region:${this.regionName}`;
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    item.label = this.regionName;
    item.contextValue = ContextValue.Region;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.description = undefined;
    item.tooltip = `${this.profile.name} · ${this.regionName}\n${String(item.tooltip ?? '')
      .split('\n')
      .slice(1)
      .join('\n')}`;
    return item;
  }

  override errorSubject(): ErrorSubject {
    return { profile: this.profile.name };
  }
}
