/**
 * The shapes of a parsed metadata query. Pure: no `vscode`, so the core tests and the bench use it
 * under plain Node.
 */
import type { GlobPart } from './globMatch';

/** How a term tests a value: exactly, or by a glob where `*` is any run and `?` any one character. */
export type ValueTest =
  { kind: 'exact'; value: string } | { kind: 'glob'; pattern: string; parts: readonly GlobPart[] };

/** What a term looks at: a metadata key, or the server's own name or status (`@name`, `@status`). */
export type TermTarget = { field: 'metadata'; key: string } | { field: 'name' } | { field: 'status' };

export interface QueryTerm {
  /** The term as typed, for messages. */
  text: string;
  /** Where the term starts and ends in the query text (end exclusive). */
  start: number;
  end: number;
  /** `!` in front: the term must not hold (for a bare key: the key is absent). */
  negated: boolean;
  target: TermTarget;
  /** Undefined for a bare key: the key is present. */
  test?: ValueTest;
}

/** Terms that must all hold. */
export interface MetadataQuery {
  text: string;
  terms: QueryTerm[];
}

/** What went wrong in a query, as a code the VS Code layer words in the user's language. */
export type QueryProblemCode =
  | 'empty'
  | 'unclosedQuote'
  | 'danglingEscape'
  | 'missingKey'
  | 'keyTooLong'
  | 'unknownField'
  | 'fieldNeedsValue'
  | 'joiningWord'
  | 'doubleEquals'
  | 'notEquals';

export class QuerySyntaxError extends Error {
  constructor(
    readonly code: QueryProblemCode,
    /** The offending term as typed ('' for an empty query). */
    readonly term: string,
    /** Offset of the term in the query text. */
    readonly start: number,
    /** 1-based position of the term among the terms. */
    readonly termNumber: number,
  ) {
    super(`${code} in term ${termNumber} at ${start}: ${term}`);
    this.name = 'QuerySyntaxError';
  }
}
