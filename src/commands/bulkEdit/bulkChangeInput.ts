import * as vscode from 'vscode';
import { MAX_METADATA_VALUE_LENGTH } from '../../core';
import { bulkRequestProblem, type BulkRequest } from '../../bulk/bulkPlan';
import { parseRemoveText, parseSetText, type ChangeTextProblem } from '../../bulk/bulkChangeText';
import { inputProblemText } from '../../errors/inputProblems';

/** The words for what is wrong in a typed change. */
function problemWords(problem: ChangeTextProblem): string {
  switch (problem.code) {
    case 'noEquals':
      return vscode.l10n.t('"{0}" has no "=": write key=value.', problem.term);
    case 'emptyKey':
      return vscode.l10n.t('"{0}" has no key before "=".', problem.term);
    case 'unclosedQuote':
      return vscode.l10n.t('"{0}" opens a double quote it does not close.', problem.term);
    case 'duplicateKey':
      return vscode.l10n.t('The key "{0}" is given twice.', problem.term);
  }
}

/** What is wrong with the keys and values of a change, in words; undefined when it can be written. */
export function bulkRequestProblemText(request: BulkRequest): string | undefined {
  const problem = bulkRequestProblem(request);
  switch (problem?.code) {
    case undefined:
      return undefined;
    case 'key':
      return inputProblemText(problem.problem);
    case 'valueTooLong':
      return vscode.l10n.t(
        'The value of "{0}" is {1} characters long; the limit is {2}.',
        problem.key,
        problem.length,
        MAX_METADATA_VALUE_LENGTH,
      );
    case 'setAndRemoved':
      return vscode.l10n.t('The key "{0}" is both set and removed; choose one.', problem.key);
    case 'nothingToChange':
      return vscode.l10n.t('Nothing to change: give at least one key to set or to remove.');
  }
}

/**
 * Asks what to set (`key=value` terms) and what to remove (keys), each checked as it is typed.
 * Undefined when the person pressed Escape.
 */
export async function askBulkChange(servers: number): Promise<BulkRequest | undefined> {
  const title = vscode.l10n.t('Change Metadata of {0} Found Servers', servers);
  const setText = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t(
      'Keys to set on every server: key=value, separated by spaces; a value with spaces in double quotes. Leave empty to set none.',
    ),
    placeHolder: 'owner=team-web env=production',
    ignoreFocusOut: true,
    validateInput: (text) => {
      const parsed = parseSetText(text);
      if (!parsed.ok) return problemWords(parsed.problem);
      // Nothing to set is fine here: the next box may remove keys.
      return Object.keys(parsed.value).length === 0
        ? undefined
        : bulkRequestProblemText({ set: parsed.value, remove: [] });
    },
  });
  if (setText === undefined) return undefined;
  const set = parseSetText(setText);
  if (!set.ok) return undefined;
  const removeText = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t(
      'Keys to remove from every server that has them, separated by spaces. Leave empty to remove none.',
    ),
    placeHolder: 'scratch tmp.build',
    ignoreFocusOut: true,
    validateInput: (text) => {
      const parsed = parseRemoveText(text);
      if (!parsed.ok) return problemWords(parsed.problem);
      return bulkRequestProblemText({ set: set.value, remove: parsed.value });
    },
  });
  if (removeText === undefined) return undefined;
  const remove = parseRemoveText(removeText);
  if (!remove.ok) return undefined;
  return { set: set.value, remove: remove.value };
}
