import type * as vscode from 'vscode';
import { LoadMoreNode } from '../tree/loadMoreNode';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { registerCommand } from './registerCommand';

/** `ecsMetadata.loadMore`: the next page of a profile's discovered servers. */
export function registerLoadMore(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.loadMore, async (call) => {
    const node = call.arg;
    if (!(node instanceof LoadMoreNode)) return;
    call.subject = node.parent.errorSubject();
    await deps.tree.loadMore(node);
  });
}
