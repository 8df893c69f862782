import * as vscode from 'vscode';
import { QuerySyntaxError } from '../query/metadataQuery';

/** A query's syntax error in the user's language, naming the term (its number and text). */
export function queryProblemMessage(err: QuerySyntaxError): string {
  const n = err.termNumber;
  const term = err.term;
  switch (err.code) {
    case 'empty':
      return vscode.l10n.t('Type at least one term, such as env=production.');
    case 'unclosedQuote':
      return vscode.l10n.t('Term {0} ({1}): the double quote is not closed.', n, term);
    case 'danglingEscape':
      return vscode.l10n.t('Term {0} ({1}): the backslash at the end has nothing to escape.', n, term);
    case 'missingKey':
      return vscode.l10n.t('Term {0} ({1}): a key is missing.', n, term);
    case 'keyTooLong':
      return vscode.l10n.t('Term {0} ({1}): the key is longer than 255 characters.', n, term);
    case 'unknownField':
      return vscode.l10n.t('Term {0} ({1}): the server fields are @name and @status.', n, term);
    case 'fieldNeedsValue':
      return vscode.l10n.t('Term {0} ({1}): give a value, such as @status=ACTIVE.', n, term);
  }
}

/** The parse error's message, or undefined when `err` is not one. */
export function queryProblemOf(err: unknown): string | undefined {
  return err instanceof QuerySyntaxError ? queryProblemMessage(err) : undefined;
}
