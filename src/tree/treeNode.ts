import type * as vscode from 'vscode';

/** A node of the servers tree. Each knows its parent, so `getParent` (and with it `reveal`) works. */
export abstract class TreeNode {
  constructor(readonly parent: TreeNode | undefined) {}

  abstract getTreeItem(): vscode.TreeItem;

  /** Leaves have no children; containers override this and cache what they fetched. */
  getChildren(): Promise<TreeNode[]> {
    return Promise.resolve([]);
  }

  /** Forgets cached children so the next expansion fetches again. */
  reset(): void {
    // Leaves hold nothing.
  }
}
