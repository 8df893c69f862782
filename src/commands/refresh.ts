import * as vscode from 'vscode';
import { TreeNode } from '../tree/treeNode';
import type { CommandDeps } from './commandDeps';

/** `ecsMetadata.refresh` rebuilds the whole view; `ecsMetadata.refreshNode` refetches one node's children. */
export function registerRefresh(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('ecsMetadata.refresh', () => deps.tree.refresh()),
    vscode.commands.registerCommand('ecsMetadata.refreshNode', (node?: unknown) =>
      deps.tree.refresh(node instanceof TreeNode ? node : undefined),
    ),
  ];
}
