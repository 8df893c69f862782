import * as vscode from 'vscode';
import { metadataKeyInputProblem } from '../errors/inputProblems';
import { lineAndColumn, type JsonExpectation } from './jsonSyntaxError';
import type { DocumentProblem, LocatedProblem } from './metadataDocument';

/** The localized sentence for a problem of the metadata JSON document. */
export function describeDocumentProblem(problem: DocumentProblem): string {
  switch (problem.kind) {
    case 'syntax': {
      const expected = expectedText(problem.expected);
      return problem.afterKey === undefined
        ? vscode.l10n.t('Not valid JSON: {0}', expected)
        : vscode.l10n.t('Not valid JSON after the key "{0}": {1}', problem.afterKey, expected);
    }
    case 'notObject':
      return vscode.l10n.t('The document must be one JSON object of keys and text values.');
    case 'badKey':
      return metadataKeyInputProblem(problem.key) ?? problem.key;
    case 'duplicateKey':
      return vscode.l10n.t('The key "{0}" appears more than once.', problem.key);
    case 'notText':
      return vscode.l10n.t('The value of "{0}" must be text (in double quotes).', problem.key);
    case 'tooLong':
      return vscode.l10n.t(
        'The value of "{0}" is {1} characters long; the limit is 255.',
        problem.key,
        problem.length,
      );
    case 'tooMany':
      return vscode.l10n.t(
        'A server may have at most {0} metadata keys; this document has {1}.',
        problem.quota,
        problem.count,
      );
  }
}

/** What was missing where the JSON went wrong, as a person would fix it. */
function expectedText(expected: JsonExpectation): string {
  switch (expected) {
    case 'value':
      return vscode.l10n.t('a value was expected here (text in double quotes).');
    case 'key':
      return vscode.l10n.t('a key in double quotes was expected here (or a comma too many before it).');
    case 'colon':
      return vscode.l10n.t('a ":" was expected between the key and its value.');
    case 'commaOrClose':
      return vscode.l10n.t('a "," or the closing "}" was expected here (a comma or quote missing?).');
    case 'stringEnd':
      return vscode.l10n.t('the text is not closed by a double quote on its line.');
    case 'escape':
      return vscode.l10n.t('a "\\" must be followed by ", \\, /, b, f, n, r, t or u and four hex digits.');
    case 'end':
      return vscode.l10n.t('nothing may follow the closing "}" of the object.');
  }
}

/**
 * A problem where a save refuses it: its line and column (1-based, as the editor's status bar shows
 * them) and the sentence, e.g. "Line 3, column 3: the key "bad key!" has characters …".
 */
export function describeProblemAt(text: string, located: LocatedProblem): string {
  const { line, column } = lineAndColumn(text, located.start);
  return vscode.l10n.t('Line {0}, column {1}: {2}', line, column, describeDocumentProblem(located.problem));
}
