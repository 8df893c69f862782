import type * as vscode from 'vscode';
import { TreeNode } from '../tree/treeNode';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { registerCommand } from './registerCommand';

/** `ecsMetadata.refresh` rebuilds the whole view (whatever row is focused). */
export function registerRefresh(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.refresh, () => deps.tree.refresh());
}

/** `ecsMetadata.refreshNode` refetches one node's children (the whole view without a node). */
export function registerRefreshNode(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.refreshNode, ({ arg }) =>
    deps.tree.refresh(arg instanceof TreeNode ? arg : undefined),
  );
}
