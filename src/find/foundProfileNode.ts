import * as vscode from 'vscode';
import type { FindSession, SessionMatch } from './findSession';
import type { Profile } from '../profiles/profile';
import { ContextValue } from '../tree/contextValues';
import { FoundServerNode, type ViolationWords } from './foundServerNode';
import { MessageNode } from '../tree/messageNode';
import { profileDescription, profileDetailLines } from '../tree/profileItem';
import { ProfileRowNode } from '../tree/profileRowNode';
import type { TreeContext } from '../tree/treeContext';
import type { ChildNodes, TreeNode } from '../tree/treeNode';

/**
 * A profile while a find is shown: its matching servers as they arrive, then a line saying how the
 * reading went. Refreshing it reads the profile again.
 */
export class FoundProfileNode extends ProfileRowNode {
  private readonly matchNodes = new Map<string, FoundServerNode>();

  constructor(
    profile: Profile,
    context: TreeContext,
    private readonly find: FindSession,
    private readonly words: ViolationWords,
  ) {
    super(profile, context);
  }

  getTreeItemId(): string {
    return `find:profile:${this.profile.name}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.profile.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.getTreeItemId();
    item.contextValue = ContextValue.FoundProfile;
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.description = this.findDescription() ?? profileDescription(this.profile);
    item.tooltip = [this.profile.name, ...profileDetailLines(this.profile, this.context)].join('\n');
    return item;
  }

  /** How this profile's find went: found so far while reading, else found and when read. */
  private findDescription(): string | undefined {
    const result = this.find.result(this.profile.name);
    if (!result) return undefined;
    const time = result.readAt.toLocaleTimeString(vscode.env.language);
    // A listing that failed checked nothing: "0 found" would say its servers were read.
    if (result.state === 'failed' && result.matches.length === 0) {
      return vscode.l10n.t('not read: the listing failed at {0}', time);
    }
    if (this.find.policyCheck) {
      return result.state === 'reading'
        ? vscode.l10n.t('{0} break the policy so far · reading', result.matches.length)
        : vscode.l10n.t('{0} break the policy · read at {1}', result.matches.length, time);
    }
    return result.state === 'reading'
      ? vscode.l10n.t('{0} found so far · reading', result.matches.length)
      : vscode.l10n.t('{0} found · read at {1}', result.matches.length, time);
  }

  /** What the find holds now; the find itself reads (and its own Cancel stops it), not the loader. */
  override loadChildren(): Promise<ChildNodes> {
    const result = this.find.result(this.profile.name);
    if (!result) return Promise.resolve({ nodes: [] });
    const nodes: TreeNode[] = result.matches.map((server) => this.matchNode(server));
    const read = result.serversRead;
    switch (result.state) {
      case 'reading':
        nodes.push(MessageNode.info(this, vscode.l10n.t('Reading… {0} servers read', read)));
        return Promise.resolve({ nodes });
      case 'cancelled':
        nodes.push(MessageNode.info(this, vscode.l10n.t('Stopped after reading {0} servers', read)));
        return Promise.resolve({ nodes });
      case 'failed':
        return Promise.resolve({ nodes, failure: result.error });
      case 'done':
        return Promise.resolve({
          nodes,
          empty: this.find.policyCheck
            ? vscode.l10n.t('No server breaks the policy ({0} read)', read)
            : vscode.l10n.t('No servers match ({0} read)', read),
        });
    }
  }

  /** Reads this profile's find again (the retry of its error item, and Refresh on it). */
  override reset(): void {
    this.matchNodes.clear();
    void this.find.refresh(this.profile.name);
  }

  private matchNode(server: SessionMatch): FoundServerNode {
    let node = this.matchNodes.get(server.id);
    // A re-check (the policy file changed) finds the same server with other violations.
    if (!node || node.found !== server) {
      node = new FoundServerNode(this, this.context, server, this.words, this.find.policyCheck?.policy);
      this.matchNodes.set(server.id, node);
    }
    return node;
  }
}
