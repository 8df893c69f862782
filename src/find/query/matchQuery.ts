/** Whether a server satisfies a metadata query, and which of its keys made it so. */
import { globMatches } from './globMatch';
import type { MetadataQuery, QueryTerm, ValueTest } from './metadataQuery';

/** What a query looks at in one server. */
export interface QueryableServer {
  name: string;
  status?: string;
  metadata: Record<string, string>;
}

/**
 * The keys (and their values) that satisfied the query's metadata terms, or undefined when some
 * term does not hold. A query of only absences or server fields matches with no keys.
 */
export function matchQuery(
  query: MetadataQuery,
  server: QueryableServer,
): Record<string, string> | undefined {
  const matched: Record<string, string> = {};
  for (const term of query.terms) {
    const holds = termHolds(term, server);
    if (holds === term.negated) return undefined;
    if (!term.negated && term.target.field === 'metadata') {
      // defineProperty keeps a key named `__proto__` a plain key.
      Object.defineProperty(matched, term.target.key, {
        value: server.metadata[term.target.key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return matched;
}

function termHolds(term: QueryTerm, server: QueryableServer): boolean {
  switch (term.target.field) {
    case 'name':
      return term.test !== undefined && valueHolds(term.test, server.name, false);
    case 'status':
      // Statuses are upper-case words; Nova compares them without regard to case.
      return term.test !== undefined && valueHolds(term.test, server.status ?? '', true);
    case 'metadata': {
      const { key } = term.target;
      if (!Object.prototype.hasOwnProperty.call(server.metadata, key)) return false;
      return term.test === undefined || valueHolds(term.test, server.metadata[key], false);
    }
  }
}

function valueHolds(test: ValueTest, value: string, ignoreCase: boolean): boolean {
  if (test.kind === 'exact') {
    return ignoreCase ? test.value.toUpperCase() === value.toUpperCase() : test.value === value;
  }
  return globMatches(test.parts, value, ignoreCase);
}

/**
 * Filters the listing can apply on the server, narrowing what is sent without changing the
 * answer: the query still decides. Nova's `name` filter is a substring (a regular expression
 * upstream) match, so only a literal run of the name term is sent; `status` only when exact.
 */
export function serverSideFilters(query: MetadataQuery): { name?: string; status?: string } {
  const filters: { name?: string; status?: string } = {};
  for (const term of query.terms) {
    if (term.negated || !term.test) continue;
    if (term.target.field === 'status' && term.test.kind === 'exact' && filters.status === undefined) {
      filters.status = term.test.value.toUpperCase();
    }
    if (term.target.field === 'name' && filters.name === undefined) {
      const literal = longestLiteralRun(term.test);
      if (literal) filters.name = literal;
    }
  }
  return filters;
}

/** The longest stretch with no wildcard and no regular-expression character but `.`. */
function longestLiteralRun(test: ValueTest): string | undefined {
  const text = test.kind === 'exact' ? test.value : test.pattern;
  const runs = test.kind === 'exact' ? [text] : text.split(/[*?]/);
  const safe = runs.flatMap((run) => run.split(/[\\^$*+?()[\]{}|]/)).filter((run) => run !== '');
  return safe.sort((a, b) => b.length - a.length)[0];
}
