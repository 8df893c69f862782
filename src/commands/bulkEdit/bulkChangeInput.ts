import * as vscode from 'vscode';
import { MAX_METADATA_VALUE_LENGTH, characterCount } from '../../core';
import type { BulkRequest } from '../../bulk/bulkPlan';
import { parseRemoveText, parseSetText, type ChangeTextProblem } from '../../bulk/bulkChangeText';
import { metadataKeyInputProblem } from '../../errors/inputProblems';

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
export function bulkRequestProblem(request: BulkRequest): string | undefined {
  for (const [key, value] of Object.entries(request.set)) {
    const keyProblem = metadataKeyInputProblem(key);
    if (keyProblem) return keyProblem;
    const length = characterCount(value);
    if (length > MAX_METADATA_VALUE_LENGTH) {
      return vscode.l10n.t(
        'The value of "{0}" is {1} characters long; the limit is {2}.',
        key,
        length,
        MAX_METADATA_VALUE_LENGTH,
      );
    }
  }
  for (const key of request.remove) {
    const keyProblem = metadataKeyInputProblem(key);
    if (keyProblem) return keyProblem;
    if (Object.prototype.hasOwnProperty.call(request.set, key)) {
      return vscode.l10n.t('The key "{0}" is both set and removed; choose one.', key);
    }
  }
  if (Object.keys(request.set).length === 0 && request.remove.length === 0) {
    return vscode.l10n.t('Nothing to change: give at least one key to set or to remove.');
  }
  return undefined;
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
        : bulkRequestProblem({ set: parsed.value, remove: [] });
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
      return bulkRequestProblem({ set: set.value, remove: parsed.value });
    },
  });
  if (removeText === undefined) return undefined;
  const remove = parseRemoveText(removeText);
  if (!remove.ok) return undefined;
  return { set: set.value, remove: remove.value };
}
