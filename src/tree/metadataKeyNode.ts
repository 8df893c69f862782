import * as vscode from 'vscode';
import { keyPreview } from '../metadata/valuePreview';
import { CommandId } from '../commandBase/commandIds';
import { ContextValue } from './contextValues';
import type { ServerSummary } from '../core';
import { TreeNode } from './treeNode';

/**
 * What a key node needs of its parent, a ServerNode (named by what it needs, so that the server node,
 * which makes key nodes, and this file do not import each other).
 */
export interface KeyParent extends TreeNode {
  readonly profileName: string;
  readonly region: string | undefined;
  readonly serverId: string;
  readonly server: ServerSummary;
  getTreeItemId(): string;
}

const previewLength = 40;

/**
 * One metadata key of a server. Carries `profile`, `serverId`, `key` and the server's name when it
 * has one, so commands run on it (open on click, copy) read it like their KeyTarget argument —
 * and, knowing the name, do not ask the cloud for it again.
 */
export class MetadataKeyNode extends TreeNode {
  /** The profile's name, as in a script's `{ profile, serverId, key }`. */
  readonly profile: string;
  /** The server's region, in a profile of several regions, as in a script's `{ region }`. */
  readonly region: string | undefined;
  readonly serverId: string;
  readonly serverName: string | undefined;

  constructor(
    override readonly parent: KeyParent,
    readonly key: string,
    private readonly value: string,
    private readonly hidePreview: boolean,
    /** A key the cloud sets itself (ecsMetadata.protectedKeys): marked, and changed only after a second modal. */
    readonly isProtected: boolean,
  ) {
    super(parent);
    this.profile = parent.profileName;
    this.region = parent.region;
    this.serverId = parent.serverId;
    // Servers without a name are shown by id; an empty name is no name.
    this.serverName = parent.server.name || undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.key, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parent.getTreeItemId()}/key:${this.key}`;
    item.contextValue = ContextValue.MetadataKey;
    item.iconPath = new vscode.ThemeIcon(this.isProtected ? 'lock' : 'symbol-key');
    const preview = this.hidePreview ? undefined : keyPreview(this.value, previewLength);
    if (this.isProtected) {
      const system = vscode.l10n.t('system');
      item.description = preview === undefined ? system : `${system} · ${preview}`;
      item.tooltip = vscode.l10n.t(
        '{0}: a system key, set by the cloud. Changing it asks a second time.',
        this.key,
      );
    } else {
      if (preview !== undefined) item.description = preview;
      item.tooltip = this.key;
    }
    item.command = {
      title: vscode.l10n.t('Open Metadata Key'),
      command: CommandId.openKey,
      // The node itself: a click is a person's, and the command tells a person apart by a node.
      arguments: [this],
    };
    return item;
  }
}
