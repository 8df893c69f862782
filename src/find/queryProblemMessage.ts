import * as vscode from 'vscode';
import { QuerySyntaxError, type QueryProblemCode } from './query/metadataQuery';

/** What is wrong with the one term a problem is in, for every problem but an empty query. */
const termProblems: Record<Exclude<QueryProblemCode, 'empty'>, (term: string) => string> = {
  unclosedQuote: () => vscode.l10n.t('the double quote is not closed.'),
  danglingEscape: () => vscode.l10n.t('the backslash at the end has nothing to escape.'),
  missingKey: () => vscode.l10n.t('a key is missing.'),
  keyTooLong: () => vscode.l10n.t('the key is longer than 255 characters.'),
  unknownField: () => vscode.l10n.t('the server fields are @name and @status.'),
  fieldNeedsValue: () => vscode.l10n.t('give a value, such as @status=ACTIVE.'),
  joiningWord: (term) =>
    vscode.l10n.t(
      'terms are joined by spaces; every term must hold. Leave out {0} (for a key of that name, quote it: "{0}").',
      term,
    ),
  doubleEquals: () =>
    vscode.l10n.t('use a single = (key=value). For a value that starts with =, quote it: key="=value".'),
  notEquals: (term) =>
    vscode.l10n.t(
      'to find servers where a key does not have a value, put ! in front: {0} (it also finds servers without the key). For a key that ends with !, quote it.',
      notEqualsHint(term),
    ),
};

/** `env!=production` as the query language says it: `!env=production`. */
function notEqualsHint(term: string): string {
  const at = term.indexOf('!=');
  return `!${term.slice(0, at)}${term.slice(at + 1)}`;
}

/** A query's syntax error in the user's language, naming the term (its number and text). */
export function queryProblemMessage(err: QuerySyntaxError): string {
  if (err.code === 'empty') return vscode.l10n.t('Type at least one term, such as env=production.');
  return vscode.l10n.t('Term {0} ({1}): {2}', err.termNumber, err.term, termProblems[err.code](err.term));
}

/** The parse error's message, or undefined when `err` is not one. */
export function queryProblemOf(err: unknown): string | undefined {
  return err instanceof QuerySyntaxError ? queryProblemMessage(err) : undefined;
}
