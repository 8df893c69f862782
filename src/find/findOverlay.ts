import * as vscode from 'vscode';
import type { ProfileStore } from '../profiles/profileStore';
import { countsPerRule } from '../policy/evaluatePolicy';
import type { TreeContext } from '../tree/treeContext';
import type { ViewOverlay } from '../tree/viewOverlay';
import type { FindSession } from './findSession';
import { FoundProfileNode } from './foundProfileNode';
import type { ViolationWords } from './foundServerNode';

/**
 * The find as the Servers view shows it, in place of the profiles: one row per profile the find
 * covers with its matches, the view's description and message, and the `ecsMetadata.findShown` and
 * `ecsMetadata.policyShown` context keys. `words` says how a policy check's violations read (the
 * policy check's room, which sits above this one, hands them in).
 */
export class FindOverlay implements ViewOverlay {
  readonly onDidChange: vscode.Event<string | undefined>;

  constructor(
    private readonly find: FindSession,
    private readonly profiles: ProfileStore,
    private readonly words: ViolationWords,
  ) {
    this.onDidChange = find.onDidChange;
  }

  get shown(): boolean {
    return this.find.query !== undefined;
  }

  roots(context: TreeContext): FoundProfileNode[] {
    return this.find.profiles.flatMap((name) => {
      const profile = this.profiles.get(name);
      return profile ? [new FoundProfileNode(profile, context, this.find, this.words)] : [];
    });
  }

  refresh(): void {
    void this.find.refresh();
  }

  viewText(): { description: string; message: string | undefined } {
    const check = this.find.policyCheck;
    if (check)
      return { description: vscode.l10n.t('Policy: {0}', check.source), message: policyMessage(this.find) };
    const query = this.find.query?.text ?? '';
    return {
      description: vscode.l10n.t('Find: {0}', query),
      message: vscode.l10n.t('Showing servers whose metadata matches "{0}".', query),
    };
  }

  contextKeys(): Record<string, boolean> {
    return {
      'ecsMetadata.findShown': this.shown,
      'ecsMetadata.policyShown': this.find.policyCheck !== undefined,
    };
  }
}

/** The counts per rule of the policy check shown: "owner: 3 servers · env values: 1 server". */
function policyMessage(find: FindSession): string | undefined {
  const check = find.policyCheck;
  if (!check) return undefined;
  const matches = find.allMatches().map((m) => ({ violations: m.server.violations ?? [] }));
  const counts = countsPerRule(check.policy, matches)
    .map(({ rule, servers }) =>
      servers === 1 ? vscode.l10n.t('{0}: 1 server', rule) : vscode.l10n.t('{0}: {1} servers', rule, servers),
    )
    .join(' · ');
  return vscode.l10n.t('Servers that break the policy {0} — {1}', check.source, counts);
}
