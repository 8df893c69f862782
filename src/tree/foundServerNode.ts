import type * as vscode from 'vscode';
import { MASKED_VALUE } from '../metadata/valuePreview';
import type { FoundServer } from '../query/findServers';
import { settings } from '../settings/settings';
import type { ProfileRowNode } from './profileRowNode';
import { ServerNode } from './serverNode';
import type { TreeContext } from './treeContext';

/**
 * A server that matched the find: like any server, with the keys that matched as its description
 * (their values masked while Mask Values is on).
 */
export class FoundServerNode extends ServerNode {
  constructor(
    parent: ProfileRowNode,
    context: TreeContext,
    readonly found: FoundServer,
  ) {
    super(parent, context, found, false, undefined, found.region);
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    const masked = settings.maskValues();
    const matched = Object.entries(this.found.matched).map(
      ([key, value]) => `${key}=${masked ? MASKED_VALUE : value}`,
    );
    const description = matched.length > 0 ? matched.join(' · ') : this.found.id;
    item.description = this.found.region ? `${this.found.region} · ${description}` : description;
    return item;
  }
}
