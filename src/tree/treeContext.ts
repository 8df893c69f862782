import type * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';

/** What nodes need from outside to fetch their children, handed down from the provider. */
export interface TreeContext {
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
}
