import type * as vscode from 'vscode';
import type { ErrorSubject } from '../errors/userMessage';

/** What a container node found: its children, and how the loader should finish the list. */
export interface ChildNodes {
  nodes: TreeNode[];
  /** The label shown instead when there are no nodes (and no failure). */
  empty?: string;
  /** The marker of the next page, when there is one: the list ends with "Load more". */
  more?: string;
  /** A failure after some children were found (they stay): the list ends with its error item. */
  failure?: unknown;
}

/**
 * A node of the servers tree. Each knows its parent, so `getParent` (and with it `reveal`) works.
 * Containers fetch their children in `loadChildren`; the provider's ChildrenLoader decides how
 * loading, failures, empty lists and paging look, the same for every node.
 */
export abstract class TreeNode {
  constructor(readonly parent: TreeNode | undefined) {}

  abstract getTreeItem(): vscode.TreeItem;

  /**
   * Fetches this node's children (or reuses what it fetched), passing `signal` to every request;
   * rejects on a failure that leaves nothing to show. Leaves have no children.
   */
  loadChildren(_signal: AbortSignal): Promise<ChildNodes> {
    return Promise.resolve({ nodes: [] });
  }

  /** What a failure to load this node's children was about, for its error item. */
  errorSubject(): ErrorSubject {
    return {};
  }

  /** True for a configured server: "Server not found" under it offers Remove Server. */
  get removableServer(): boolean {
    return false;
  }

  /** Forgets fetched children so the next expansion fetches again. */
  reset(): void {
    // Leaves hold nothing.
  }
}
