import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import type { CredentialStore } from '../credentials/credentialStore';
import { Disposable } from '../lifecycle/disposable';
import { onDidChangeSetting, Setting } from '../settings/settings';
import type { ProfileStore } from '../profiles/profileStore';
import { ChildrenLoader } from './childrenLoader';
import type { LoadMoreNode } from './loadMoreNode';
import { ProfileNode } from './profileNode';
import type { ProfileRowNode } from './profileRowNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';
import type { ViewOverlay } from './viewOverlay';

const pageSize = 50;

/**
 * The Servers view: profiles → servers → metadata keys. Nodes cache what they fetched; refresh
 * clears a node (or everything) and tells VS Code to ask again. Settings or secrets changing
 * rebuilds the whole tree.
 */
export class ServerTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = this.register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData: vscode.Event<TreeNode | undefined> = this.changed.event;
  private readonly filterChanged = this.register(new vscode.EventEmitter<string | undefined>());
  /** Fires with the new filter text (undefined when cleared). */
  readonly onDidChangeFilter: vscode.Event<string | undefined> = this.filterChanged.event;
  private roots: ProfileNode[] | undefined;
  /** The roots while the overlay (a find) is shown: the profiles it covers. */
  private findRoots: ProfileRowNode[] | undefined;
  private filterText: string | undefined;
  /** Ids of the items the person has expanded (and not collapsed since), for TreeContext.collapsibleState. */
  private readonly expanded = new Set<string>();
  private readonly context: TreeContext;
  private readonly loader = new ChildrenLoader();

  constructor(
    private readonly profiles: ProfileStore,
    clients: ClientProvider,
    credentials: CredentialStore,
    private readonly overlay: ViewOverlay,
  ) {
    super();
    this.context = {
      clients,
      filter: () => this.filterText?.toLowerCase(),
      pageSize,
      collapsibleState: (id) =>
        this.expanded.has(id)
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
    };
    this.register({ dispose: () => this.loader.abort() });
    this.register(profiles.onDidChange(() => this.refresh()));
    this.register(overlay.onDidChange((profile) => this.showFind(profile)));
    this.register(credentials.onDidChange(() => this.refresh()));
    // The tooltip names the endpoint a service catalog gave; redraw the profile once it is known.
    this.register(
      clients.onDidFindEndpoint((name) => {
        const node = this.roots?.find((root) => root.profile.name === name);
        if (node) this.changed.fire(node);
      }),
    );
    this.register(
      onDidChangeSetting([Setting.hideValuePreviews, Setting.protectedKeys], () => this.refresh()),
    );
    // Masking changes only how values are drawn: redraw from what is loaded, fetch nothing.
    this.register(onDidChangeSetting([Setting.maskValues], () => this.changed.fire(undefined)));
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return this.loader.childrenOf(node);
    if (this.overlay.shown) {
      this.findRoots ??= this.overlay.roots(this.context);
      return Promise.resolve(this.findRoots);
    }
    this.roots ??= this.profiles.list().map((profile) => new ProfileNode(profile, this.context));
    // No profile → no items, which lets the view's welcome content (Add Profile) show.
    return Promise.resolve(this.roots);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Without a node: forget everything and rebuild from settings. With one: refetch just that subtree. */
  refresh(node?: TreeNode): void {
    this.loader.abort(node);
    if (node) {
      node.reset();
      this.changed.fire(node);
    } else if (this.overlay.shown) {
      // Refresh while a find is shown reads its profiles again.
      this.roots = undefined;
      this.overlay.refresh();
    } else {
      this.roots = undefined;
      this.changed.fire(undefined);
    }
  }

  /**
   * After a write: shows the keys of that server wherever the tree shows it — `known`, the server's
   * state the write answered, when there is one; otherwise refetched. `region`: the server's, in a
   * profile of several regions.
   */
  refreshServer(profile: string, serverId: string, known?: Record<string, string>, region?: string): void {
    const node = this.roots?.find((root) => root.profile.name === profile)?.shownServer(serverId, region);
    if (!node) return;
    if (!known) {
      this.refresh(node);
      return;
    }
    this.loader.abort(node);
    node.showMetadata(known);
    this.changed.fire(node);
  }

  /** Redraws the find results of one profile, or rebuilds the view when the find itself changed. */
  private showFind(profile: string | undefined): void {
    const node = profile === undefined ? undefined : this.findRoots?.find((n) => n.profile.name === profile);
    if (!node) this.findRoots = undefined;
    this.changed.fire(node);
  }

  /**
   * Follows what the person expands and collapses in `view`. VS Code keeps that state only for items
   * that stay in the view; profiles and servers a find or a filter hid come back collapsed unless
   * their items say Expanded.
   */
  followExpansion(view: vscode.TreeView<TreeNode>): vscode.Disposable {
    const follow = (node: TreeNode, expanded: boolean): void => {
      const id = node.getTreeItem().id;
      if (id === undefined) return;
      if (expanded) this.expanded.add(id);
      else this.expanded.delete(id);
    };
    return vscode.Disposable.from(
      view.onDidExpandElement(({ element }) => follow(element, true)),
      view.onDidCollapseElement(({ element }) => follow(element, false)),
    );
  }

  /** Loads the page a "Load more" item asks for, showing the item busy meanwhile. */
  loadMore(item: LoadMoreNode): Promise<void> {
    return this.loader.loadMore(item, (node) => this.changed.fire(node));
  }

  /** Filters servers by name or id (case-insensitive); empty text clears it. Keeps fetched data. */
  setFilter(text: string | undefined): void {
    const next = text?.trim() || undefined;
    if (next === this.filterText) return;
    this.filterText = next;
    this.filterChanged.fire(next);
    this.changed.fire(undefined);
  }
}
