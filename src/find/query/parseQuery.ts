/**
 * The metadata query language: terms separated by spaces, all of which must hold.
 *
 *   env=production      the key has exactly this value
 *   app:tier=web-*      glob: `*` any run of characters, `?` any one character
 *   backup.policy       the key is present
 *   !backup.policy      the key is absent (`!` negates any term)
 *   note="two words"    double quotes keep spaces, `=` and `!` as text
 *   @name=web-*         the server's name; `@status=ACTIVE` its status (sent as server-side filters)
 *
 * A backslash makes the next character plain text (`\*`, `\"`, `\\`).
 *
 * Refused, as what a person means is not what they would get: `and`, `or`, `&&`, `||` as a term
 * (they would be keys that must exist; terms are joined by spaces already) and `==` (the value would
 * start with `=`), and `!=` (the key would end with `!`; `!env=x` says "not env=x"). Quoted or escaped,
 * they are plain text: `"and"` is the key, `k="=x"` the value, `"env!"=x` the key `env!`.
 */
import {
  QuerySyntaxError,
  type MetadataQuery,
  type QueryProblemCode,
  type QueryTerm,
  type TermTarget,
  type ValueTest,
} from './metadataQuery';
import type { GlobPart } from './globMatch';

const MAX_KEY_LENGTH = 255;
/** Words from other query languages that join terms; here a space does, and every term must hold. */
const JOINING_WORDS = new Set(['and', 'or', '&&', '||']);

/** One character of a term and whether quoting or escaping made it plain text. */
interface Char {
  ch: string;
  /** Inside double quotes: not a separator (`=`, `!`, `@`, space). */
  quoted: boolean;
  /** After a backslash: not a separator and not a wildcard. */
  escaped: boolean;
}

interface RawTerm {
  chars: Char[];
  start: number;
  end: number;
}

/** @throws QuerySyntaxError naming the term that is wrong. */
export function parseQuery(text: string): MetadataQuery {
  const raw = splitTerms(text);
  if (raw.length === 0) throw new QuerySyntaxError('empty', '', 0, 1);
  return { text: text.trim(), terms: raw.map((term, i) => parseTerm(text, term, i + 1)) };
}

function splitTerms(text: string): RawTerm[] {
  const terms: RawTerm[] = [];
  let current: RawTerm | undefined;
  let inQuotes = false;
  let quoteStart = 0;
  let termNumber = 0;
  const chars = Array.from(text);
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const at = offset;
    offset += ch.length;
    if (!inQuotes && /\s/u.test(ch)) {
      if (current) terms.push(current);
      current = undefined;
      continue;
    }
    if (!current) {
      current = { chars: [], start: at, end: at };
      termNumber++;
    }
    current.end = offset;
    if (ch === '\\') {
      const next = chars[i + 1];
      if (next === undefined) {
        throw new QuerySyntaxError('danglingEscape', text.slice(current.start), current.start, termNumber);
      }
      i++;
      offset += next.length;
      current.end = offset;
      current.chars.push({ ch: next, quoted: inQuotes, escaped: true });
      continue;
    }
    if (ch === '"') {
      inQuotes = !inQuotes;
      if (inQuotes) quoteStart = current.start;
      continue;
    }
    current.chars.push({ ch, quoted: inQuotes, escaped: false });
  }
  if (inQuotes) throw new QuerySyntaxError('unclosedQuote', text.slice(quoteStart), quoteStart, termNumber);
  if (current) terms.push(current);
  return terms;
}

const plain = (c: Char | undefined, ch: string): boolean =>
  c !== undefined && c.ch === ch && !c.quoted && !c.escaped;

function parseTerm(text: string, raw: RawTerm, termNumber: number): QueryTerm {
  const typed = text.slice(raw.start, raw.end);
  const fail = (code: QueryProblemCode): never => {
    throw new QuerySyntaxError(code, typed, raw.start, termNumber);
  };
  let chars = raw.chars;
  const word = raw.chars.every((c) => !c.quoted && !c.escaped) ? typed.toLowerCase() : '';
  if (JOINING_WORDS.has(word)) fail('joiningWord');
  const negated = plain(chars[0], '!');
  if (negated) chars = chars.slice(1);
  const field = plain(chars[0], '@');
  if (field) chars = chars.slice(1);
  const equals = chars.findIndex((c) => plain(c, '='));
  if (equals !== -1 && plain(chars[equals + 1], '=')) fail('doubleEquals');
  if (equals > 0 && plain(chars[equals - 1], '!')) fail('notEquals');
  const keyChars = equals === -1 ? chars : chars.slice(0, equals);
  const key = keyChars.map((c) => c.ch).join('');
  if (key === '') fail('missingKey');
  let target: TermTarget;
  if (field) {
    if (key !== 'name' && key !== 'status') fail('unknownField');
    if (equals === -1) fail('fieldNeedsValue');
    target = { field: key as 'name' | 'status' };
  } else {
    if (Array.from(key).length > MAX_KEY_LENGTH) fail('keyTooLong');
    target = { field: 'metadata', key };
  }
  const term: QueryTerm = { text: typed, start: raw.start, end: raw.end, negated, target };
  if (equals !== -1) term.test = valueTest(chars.slice(equals + 1));
  return term;
}

function valueTest(chars: Char[]): ValueTest {
  const value = chars.map((c) => c.ch).join('');
  const isWildcard = (c: Char): boolean => (c.ch === '*' || c.ch === '?') && !c.escaped;
  if (!chars.some(isWildcard)) return { kind: 'exact', value };
  const parts = chars.flatMap((c): GlobPart[] => {
    if (isWildcard(c)) return [{ kind: c.ch === '*' ? 'anyRun' : 'anyOne' }];
    // A Char is one code point; Array.from keeps that true if it ever holds more.
    return Array.from(c.ch, (char) => ({ kind: 'char', char }));
  });
  return { kind: 'glob', pattern: value, parts };
}
