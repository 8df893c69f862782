import * as vscode from 'vscode';
import type { FindSession } from '../find/findSession';
import type { Profile } from '../profiles/profile';
import type { FoundServer } from '../query/findServers';
import { ContextValue } from './contextValues';
import { FoundServerNode } from './foundServerNode';
import { MessageNode } from './messageNode';
import { ProfileNode } from './profileNode';
import type { TreeContext } from './treeContext';
import type { ChildNodes, TreeNode } from './treeNode';

/**
 * A profile while a find is shown: its matching servers as they arrive, then a line saying how the
 * reading went. Refreshing it reads the profile again.
 */
export class FoundProfileNode extends ProfileNode {
  private readonly matchNodes = new Map<string, FoundServerNode>();

  constructor(
    profile: Profile,
    context: TreeContext<ProfileNode>,
    private readonly find: FindSession,
  ) {
    super(profile, context);
  }

  override getTreeItemId(): string {
    return `find:profile:${this.profile.name}`;
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    item.contextValue = ContextValue.FoundProfile;
    item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    const result = this.find.result(this.profile.name);
    if (result) {
      const time = result.readAt.toLocaleTimeString(vscode.env.language);
      item.description =
        result.state === 'reading'
          ? vscode.l10n.t('{0} found so far · reading', result.matches.length)
          : vscode.l10n.t('{0} found · read at {1}', result.matches.length, time);
    }
    return item;
  }

  /** What the find holds now; the find itself reads (and its own Cancel stops it), not the loader. */
  override loadChildren(): Promise<ChildNodes> {
    const result = this.find.result(this.profile.name);
    if (!result) return Promise.resolve({ nodes: [] });
    const nodes: TreeNode[] = result.matches.map((server) => this.matchNode(server));
    const read = result.serversRead;
    switch (result.state) {
      case 'reading':
        nodes.push(MessageNode.info(this, vscode.l10n.t('Reading… {0} servers read', read)));
        return Promise.resolve({ nodes });
      case 'cancelled':
        nodes.push(MessageNode.info(this, vscode.l10n.t('Stopped after reading {0} servers', read)));
        return Promise.resolve({ nodes });
      case 'failed':
        return Promise.resolve({ nodes, failure: result.error });
      case 'done':
        return Promise.resolve({ nodes, empty: vscode.l10n.t('No servers match ({0} read)', read) });
    }
  }

  /** Reads this profile's find again (the retry of its error item, and Refresh on it). */
  override reset(): void {
    this.matchNodes.clear();
    void this.find.refresh(this.profile.name);
  }

  private matchNode(server: FoundServer): FoundServerNode {
    let node = this.matchNodes.get(server.id);
    if (!node) {
      node = new FoundServerNode(this, this.context, server);
      this.matchNodes.set(server.id, node);
    }
    return node;
  }
}
