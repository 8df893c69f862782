import type * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import type { TreeNode } from './treeNode';

/**
 * What nodes need from outside to fetch their children, handed down from the provider. `Profile` is
 * the profile node's class (ProfileNode), named by the profile node so that this file, which every
 * node imports, imports none of them.
 */
export interface TreeContext<Profile extends TreeNode = TreeNode> {
  clients: ClientProvider;
  /** Lower-cased filter text, or undefined when the tree is not filtered. */
  filter(): string | undefined;
  /** Servers asked for per discovery page. */
  pageSize: number;
  /**
   * Expanded when the person had the item of this id expanded, else Collapsed: an item that left the
   * view (a find or a filter shown meanwhile) comes back as the person left it.
   */
  collapsibleState(id: string): vscode.TreeItemCollapsibleState;
  /** The node of one region of a profile of several (a RegionNode, which ProfileNode cannot import). */
  regionNode(parent: Profile, region: string): Profile;
}
