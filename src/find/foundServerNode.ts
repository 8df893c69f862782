import * as vscode from 'vscode';
import { MASKED_VALUE } from '../metadata/valuePreview';
import type { SessionMatch } from './findSession';
import type { Policy, Violation } from '../policy/policy';
import { settings } from '../settings/settings';
import type { ProfileRowNode } from '../tree/profileRowNode';
import { ServerNode } from '../tree/serverNode';
import type { TreeContext } from '../tree/treeContext';

/**
 * How a policy check's violations read: `violationsLine` and `violationLines` of
 * src/policyCheck/violationText.ts, which `activate()` hands in (that room sits above this one).
 */
export interface ViolationWords {
  /** Every violation of a server on one line, for the row's description. */
  line(violations: readonly Violation[], policy: Policy | undefined, masked: boolean): string;
  /** One line per violation with the rule it breaks, for the row's tooltip. */
  lines(violations: readonly Violation[], policy: Policy | undefined, masked: boolean): string[];
}

/**
 * A server that matched the find: like any server, with the keys that matched as its description
 * (their values masked while Mask Values is on). In a policy check: a server that breaks the policy,
 * with its violations as description and at the top of its tooltip.
 */
export class FoundServerNode extends ServerNode {
  constructor(
    parent: ProfileRowNode,
    context: TreeContext,
    readonly found: SessionMatch,
    private readonly words: ViolationWords,
    private readonly policy?: Policy,
  ) {
    super(parent, context, found, false, undefined, found.region);
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    const masked = settings.maskValues();
    const { violations } = this.found;
    if (violations) {
      const line = this.words.line(violations, this.policy, masked);
      item.description = this.found.region ? `${this.found.region} · ${line}` : line;
      if (item.tooltip instanceof vscode.MarkdownString) {
        const tooltip = new vscode.MarkdownString(undefined, true);
        for (const text of this.words.lines(violations, this.policy, masked)) {
          tooltip.appendText(text).appendMarkdown('\n\n');
        }
        tooltip.appendMarkdown('---\n\n').appendMarkdown(item.tooltip.value);
        item.tooltip = tooltip;
      }
      return item;
    }
    const matched = Object.entries(this.found.matched).map(
      ([key, value]) => `${key}=${masked ? MASKED_VALUE : value}`,
    );
    const description = matched.length > 0 ? matched.join(' · ') : this.found.id;
    item.description = this.found.region ? `${this.found.region} · ${description}` : description;
    return item;
  }
}
