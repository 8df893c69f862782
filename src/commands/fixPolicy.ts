import * as vscode from 'vscode';
import type { SessionMatch } from '../find/findSession';
import type { Policy } from '../policy/policy';
import { bulkRequestProblemText } from './bulkEdit/bulkChangeInput';
import { PrefilledBulkChange } from './bulkEdit/bulkEditMetadata';
import { targetsOfMatches } from './bulkEdit/bulkBatch';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { onBehalfOfPerson } from '../commandBase/personRequest';
import { registerCommand } from './registerCommand';

/** One fix the shown policy check offers: one key of one rule, on the servers that break it so. */
interface PolicyFix {
  rule: string;
  key: string;
  /** missing: the rule's default when it has one; notAllowed: the plain values the person picks from. */
  value?: string;
  choices?: string[];
  servers: { profile: string; server: SessionMatch }[];
}

/**
 * `ecsMetadata.fixPolicy` — Fix Servers That Break the Policy…. While the Servers view shows a policy
 * check: the person picks a fix (a required key with its default, a required key without one, whose
 * value is asked, or a key whose value is not allowed, set to one of the allowed plain values they
 * pick) and bulk edit opens its plan prefilled with those servers and that key; nothing is written
 * without the plan and its modal. A person's command only.
 */
export function registerFixPolicy(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.fixPolicy, async (call) => {
    if (!call.byPerson) return undefined;
    const check = deps.find.policyCheck;
    if (!check) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Run Check Metadata Policy first: the fixes apply to the servers it shows.'),
      );
      return undefined;
    }
    const fixes = fixesOf(check.policy, deps.find.allMatches());
    if (fixes.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'None of the violations shown has a fix here: remove forbidden keys, or values no allowed plain value replaces, with Change Metadata of Found Servers….',
        ),
      );
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      fixes.map((fix) => ({ label: fixLabel(fix), description: vscode.l10n.t('rule “{0}”', fix.rule), fix })),
      { title: vscode.l10n.t('Fix Servers That Break the Policy'), ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    const { fix } = picked;
    const value = await valueOf(fix);
    if (value === undefined) return undefined;
    const change = new PrefilledBulkChange(
      targetsOfMatches(fix.servers),
      { set: { [fix.key]: value }, remove: [] },
      vscode.l10n.t('Servers that break the rule “{0}” of the policy {1}', fix.rule, check.source),
    );
    await vscode.commands.executeCommand(CommandId.bulkEditMetadata, onBehalfOfPerson(change));
    return undefined;
  });
}

/** The fixes the shown servers allow, in the policy's order: missing keys, then values not allowed. */
function fixesOf(policy: Policy, matches: { profile: string; server: SessionMatch }[]): PolicyFix[] {
  const fixes: PolicyFix[] = [];
  for (const rule of policy.rules) {
    const breaking = (key: string, problem: 'missing' | 'notAllowed'): PolicyFix['servers'] =>
      matches.filter((m) =>
        (m.server.violations ?? []).some(
          (v) => v.rule === rule.name && v.key === key && v.problem === problem,
        ),
      );
    for (const key of rule.require) {
      const servers = breaking(key, 'missing');
      if (servers.length > 0) fixes.push({ rule: rule.name, key, value: rule.defaults[key], servers });
    }
    for (const { key, texts } of rule.allowed) {
      const choices = texts.filter((t) => !/[*?]/.test(t));
      const servers = breaking(key, 'notAllowed');
      if (servers.length > 0 && choices.length > 0) fixes.push({ rule: rule.name, key, choices, servers });
    }
  }
  return fixes;
}

function fixLabel(fix: PolicyFix): string {
  const n = fix.servers.length;
  if (n === 1) {
    if (fix.value !== undefined) return vscode.l10n.t('Fix 1 server: set {0}={1}', fix.key, fix.value);
    if (fix.choices) return vscode.l10n.t('Fix 1 server: set {0} to an allowed value…', fix.key);
    return vscode.l10n.t('Fix 1 server: set the missing {0}…', fix.key);
  }
  if (fix.value !== undefined) return vscode.l10n.t('Fix {0} servers: set {1}={2}', n, fix.key, fix.value);
  if (fix.choices) return vscode.l10n.t('Fix {0} servers: set {1} to an allowed value…', n, fix.key);
  return vscode.l10n.t('Fix {0} servers: set the missing {1}…', n, fix.key);
}

/** The value the fix sets: the rule's default, the allowed value picked, or the value typed. */
async function valueOf(fix: PolicyFix): Promise<string | undefined> {
  if (fix.value !== undefined) return fix.value;
  if (fix.choices) {
    return vscode.window.showQuickPick(fix.choices, {
      title: vscode.l10n.t('Fix Servers That Break the Policy'),
      placeHolder: vscode.l10n.t('The value to set for {0}', fix.key),
      ignoreFocusOut: true,
    });
  }
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Fix Servers That Break the Policy'),
    prompt: vscode.l10n.t('The value to set for {0}', fix.key),
    ignoreFocusOut: true,
    validateInput: (value) =>
      value === ''
        ? vscode.l10n.t('Type a value.')
        : bulkRequestProblemText({ set: { [fix.key]: value }, remove: [] }),
  });
}
