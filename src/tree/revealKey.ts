import type * as vscode from 'vscode';
import type { KeyTarget } from '../core';
import { MetadataKeyNode } from './metadataKeyNode';
import { ProfileRowNode } from './profileRowNode';
import { ServerNode } from './serverNode';
import type { TreeNode } from './treeNode';

/**
 * Shows a key the palette opened in the tree too, selected, so the reader sees where it lives.
 * Walks the tree through the provider, as VS Code would (nodes keep what they fetched); a key whose
 * server the tree does not show (filtered out, not discovered) is left alone. Never fails the read
 * that asked for it.
 */
export async function revealKey(
  view: vscode.TreeView<TreeNode>,
  childrenOf: (node?: TreeNode) => Promise<TreeNode[]>,
  target: KeyTarget,
): Promise<boolean> {
  try {
    const profile = (await childrenOf()).find(
      (n): n is ProfileRowNode => n instanceof ProfileRowNode && n.profile.name === target.profile,
    );
    // A profile of several regions: the server is under its region.
    const parent =
      profile?.listsRegions && target.region
        ? (await childrenOf(profile)).find((n) => n instanceof ProfileRowNode && n.region === target.region)
        : profile;
    const server =
      parent &&
      (await childrenOf(parent)).find((n) => n instanceof ServerNode && n.serverId === target.serverId);
    const key =
      server && (await childrenOf(server)).find((n) => n instanceof MetadataKeyNode && n.key === target.key);
    if (!key) return false;
    await view.reveal(key, { select: true, focus: false, expand: false });
    return true;
  } catch {
    return false;
  }
}
