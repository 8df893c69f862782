import { isEcsError } from '../core';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import type { TreeNode } from './treeNode';

/** A node whose children come in pages: Load more asks it for the page after `marker`. */
export interface PagedNode extends TreeNode {
  loadMore(marker: string, signal: AbortSignal): Promise<void>;
}

/**
 * The one place the tree's children are loaded. Every load carries a signal (aborted when its node
 * is refreshed or the view goes away) and ends in children, the node's empty item, or an error
 * item with Retry — never in a rejection VS Code would show as a spinner or a toast. A paged list
 * ends with "Load more", shown busy while its page loads.
 */
export class ChildrenLoader {
  private readonly loads = new Map<TreeNode, AbortController>();
  private readonly loadingMore = new Set<TreeNode>();

  async childrenOf(parent: TreeNode): Promise<TreeNode[]> {
    const signal = this.signalFor(parent);
    try {
      const { nodes, empty, more, failure } = await parent.loadChildren(signal);
      const list = [...nodes];
      if (failure !== undefined) list.push(MessageNode.error(parent, failure, parent.errorSubject()));
      else if (list.length === 0 && empty !== undefined) list.push(MessageNode.info(parent, empty));
      if (more !== undefined) list.push(new LoadMoreNode(parent, more, this.loadingMore.has(parent)));
      return list;
    } catch (err) {
      return [MessageNode.error(parent, err, parent.errorSubject())];
    }
  }

  /**
   * Loads the page a "Load more" item asks for; `redraw` shows the item busy, then the new list.
   * Rejects with the failure (the command shows it), the list staying as it was.
   */
  async loadMore(item: LoadMoreNode, redraw: (node: TreeNode) => void): Promise<void> {
    const parent = item.parent as PagedNode;
    if (this.loadingMore.has(parent)) return;
    this.loadingMore.add(parent);
    redraw(parent);
    try {
      await parent.loadMore(item.marker, this.signalFor(parent));
    } catch (err) {
      // A refresh that aborted the page has already redrawn the node; nothing to report.
      if (!(isEcsError(err) && err.kind === 'cancelled')) throw err;
    } finally {
      this.loadingMore.delete(parent);
      redraw(parent);
    }
  }

  /** Aborts what `node` and its descendants are loading; all loads without a node. */
  abort(node?: TreeNode): void {
    for (const [loading, controller] of [...this.loads]) {
      if (node === undefined || isWithin(loading, node)) {
        controller.abort();
        this.loads.delete(loading);
      }
    }
  }

  /** The signal of the node's current loads, until the node is refreshed. */
  private signalFor(node: TreeNode): AbortSignal {
    let controller = this.loads.get(node);
    if (!controller) {
      controller = new AbortController();
      this.loads.set(node, controller);
    }
    return controller.signal;
  }
}

function isWithin(node: TreeNode, ancestor: TreeNode): boolean {
  for (let current: TreeNode | undefined = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}
