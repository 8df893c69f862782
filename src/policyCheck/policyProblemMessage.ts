import * as vscode from 'vscode';
import { queryProblemMessage } from '../find/queryProblemMessage';
import type { PolicyProblem } from '../policy/parsePolicy';

/** What is wrong, in the user's language, without where (the caller adds the line or the path). */
function what(problem: PolicyProblem): string {
  const detail = problem.detail ?? '';
  switch (problem.code) {
    case 'syntax':
      return vscode.l10n.t('this is not valid JSON ({0}).', detail);
    case 'notObject':
      return vscode.l10n.t('expected an object {…}.');
    case 'notList':
      return vscode.l10n.t('expected a list […] of rules.');
    case 'notTextList':
      return vscode.l10n.t('expected a list of texts.');
    case 'notText':
      return vscode.l10n.t('expected a text in double quotes.');
    case 'unknownKey':
      if (problem.path === '')
        return vscode.l10n.t('unknown key “{0}” (the policy holds only “rules”).', detail);
      return vscode.l10n.t(
        'unknown key “{0}” (a rule knows name, appliesTo, require, defaults, allowed and forbid).',
        detail,
      );
    case 'missingRules':
      return vscode.l10n.t('the policy needs a list “rules”.');
    case 'missingName':
      return vscode.l10n.t('the rule needs a “name”.');
    case 'duplicateName':
      return vscode.l10n.t('another rule is named “{0}” already.', detail);
    case 'emptyRule':
      return vscode.l10n.t('the rule says nothing: give require, allowed or forbid.');
    case 'emptyKey':
      return vscode.l10n.t('a key cannot be empty.');
    case 'invalidGlob':
      return vscode.l10n.t(
        'invalid glob “{0}” (a backslash at the end has nothing to escape; a key glob cannot be empty).',
        detail,
      );
    case 'invalidQuery':
      return problem.queryError
        ? vscode.l10n.t('appliesTo is not a find query: {0}', queryProblemMessage(problem.queryError))
        : vscode.l10n.t('appliesTo is not a find query.');
    case 'defaultNotRequired':
      return vscode.l10n.t('a default for “{0}”, which the rule does not require.', detail);
    case 'noAllowedValue':
      return vscode.l10n.t('no value is allowed for “{0}”: list at least one.', detail);
  }
}

/** One problem, placed: "line 4, column 20 (rules[2]): unknown key “requires” …". */
export function policyProblemMessage(problem: PolicyProblem): string {
  const where = problem.path ? ` (${problem.path})` : '';
  if (problem.line !== undefined) {
    return vscode.l10n.t(
      'line {0}, column {1}{2}: {3}',
      problem.line,
      problem.column ?? 1,
      where,
      what(problem),
    );
  }
  return problem.path ? `${problem.path}: ${what(problem)}` : what(problem);
}

/** The problem without its place, for a diagnostic that sits at the place already. */
export function policyProblemText(problem: PolicyProblem): string {
  return problem.path ? `${problem.path}: ${what(problem)}` : what(problem);
}
