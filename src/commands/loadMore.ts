import * as vscode from 'vscode';
import { showError } from '../errors/userMessage';
import { LoadMoreNode } from '../tree/loadMoreNode';
import type { CommandDeps } from './commandDeps';

/** `ecsMetadata.loadMore`: the next page of a profile's discovered servers. */
export function registerLoadMore(deps: CommandDeps): vscode.Disposable {
  return vscode.commands.registerCommand('ecsMetadata.loadMore', async (node?: unknown) => {
    if (!(node instanceof LoadMoreNode)) return;
    const profileNode = node.parent;
    try {
      await profileNode.loadMore(node.marker);
    } catch (err) {
      void showError(err, { profile: profileNode.profile.name });
    }
    // Re-render the profile's children from the pager, without dropping what was loaded.
    deps.tree.rerender(profileNode);
  });
}
