import * as vscode from 'vscode';
import type { SessionMatch } from '../find/findSession';
import { policyFixes, type PolicyFix } from '../policyCheck/policyFixes';
import { settings } from '../settings/settings';
import { bulkRequestProblemText } from './bulkEdit/bulkChangeInput';
import type { BulkRequest } from '../bulk/bulkPlan';
import { PrefilledBulkChange } from './bulkEdit/bulkEditMetadata';
import { targetsOfMatches } from './bulkEdit/bulkBatch';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { onBehalfOfPerson } from '../commandBase/personRequest';
import { registerCommand } from './registerCommand';

/**
 * `ecsMetadata.fixPolicy` — Fix Servers That Break the Policy…. While the Servers view shows a policy
 * check: the person picks a fix (a required key with its default, a required key without one, whose
 * value is asked, a key whose value is not allowed, set to one of the allowed plain values they
 * pick, or a rule's forbidden keys, deleted — never a system key, which the plan names as kept) and
 * bulk edit opens its plan prefilled with those servers and that key; nothing is written
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
    const fixes = policyFixes(check.policy, deps.find.allMatches(), settings.protectedKeys());
    if (fixes.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'None of the violations shown has a fix here: a fix never deletes system keys, and values no allowed plain value replaces are changed with Change Metadata of Found Servers….',
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
    const request = await requestOf(fix);
    if (request === undefined) return undefined;
    const scope = vscode.l10n.t(
      'Servers that break the rule “{0}” of the policy {1}',
      fix.rule,
      check.source,
    );
    const kept =
      fix.kind === 'forbidden' && fix.kept.length > 0
        ? [
            vscode.l10n.t(
              'Not deleted: {0} — system keys (setting ecsMetadata.protectedKeys), which a fix never deletes.',
              fix.kept.join(', '),
            ),
          ]
        : [];
    const change = new PrefilledBulkChange(
      targetsOfMatches(fix.servers),
      request,
      [scope, ...kept].join('\n'),
    );
    await vscode.commands.executeCommand(CommandId.bulkEditMetadata, onBehalfOfPerson(change));
    return undefined;
  });
}

type Fix = PolicyFix<{ profile: string; server: SessionMatch }>;

function fixLabel(fix: Fix): string {
  const n = fix.servers.length;
  if (fix.kind === 'forbidden') {
    const keys = fix.remove.join(', ');
    return n === 1
      ? vscode.l10n.t('Fix 1 server: delete {0}', keys)
      : vscode.l10n.t('Fix {0} servers: delete {1}', n, keys);
  }
  if (n === 1) {
    if (fix.kind === 'notAllowed')
      return vscode.l10n.t('Fix 1 server: set {0} to an allowed value…', fix.key);
    if (fix.value !== undefined) return vscode.l10n.t('Fix 1 server: set {0}={1}', fix.key, fix.value);
    return vscode.l10n.t('Fix 1 server: set the missing {0}…', fix.key);
  }
  if (fix.kind === 'notAllowed')
    return vscode.l10n.t('Fix {0} servers: set {1} to an allowed value…', n, fix.key);
  if (fix.value !== undefined) return vscode.l10n.t('Fix {0} servers: set {1}={2}', n, fix.key, fix.value);
  return vscode.l10n.t('Fix {0} servers: set the missing {1}…', n, fix.key);
}

/** What the fix asks bulk edit: its forbidden keys removed, or its key set to the value it takes. */
async function requestOf(fix: Fix): Promise<BulkRequest | undefined> {
  if (fix.kind === 'forbidden') return { set: {}, remove: fix.remove };
  const value = await valueOf(fix);
  return value === undefined ? undefined : { set: { [fix.key]: value }, remove: [] };
}

/** The value the fix sets: the rule's default, the allowed value picked, or the value typed. */
async function valueOf(fix: Exclude<Fix, { kind: 'forbidden' }>): Promise<string | undefined> {
  if (fix.kind === 'notAllowed') {
    return vscode.window.showQuickPick(fix.choices, {
      title: vscode.l10n.t('Fix Servers That Break the Policy'),
      placeHolder: vscode.l10n.t('The value to set for {0}', fix.key),
      ignoreFocusOut: true,
    });
  }
  if (fix.value !== undefined) return fix.value;
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
