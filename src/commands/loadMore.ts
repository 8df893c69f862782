import type * as vscode from 'vscode';
import { LoadMoreNode } from '../tree/loadMoreNode';
import { CommandId } from './commandIds';
import type { CommandDeps } from './commandDeps';
import { registerCommand } from './registerCommand';

/** `ecsMetadata.loadMore`: the next page of a profile's discovered servers. */
export function registerLoadMore(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.loadMore, async (call) => {
    const node = call.arg;
    if (!(node instanceof LoadMoreNode)) return;
    const profileNode = node.parent;
    call.subject = { profile: profileNode.profile.name };
    try {
      await profileNode.loadMore(node.marker);
    } finally {
      // Re-render the profile's children from the pager, without dropping what was loaded.
      deps.tree.rerender(profileNode);
    }
  });
}
