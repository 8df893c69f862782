/**
 * What a person types for a bulk change: keys to set as `key=value` terms (a value with spaces in
 * double quotes, `\"` and `\\` inside them), keys to remove as words. Separated by spaces (commas
 * too). Problems come back as codes with the term, so the VS Code layer words them. Pure.
 */
import { putOwn } from '../metadata/metadataChange';

export type ChangeTextProblem =
  | { code: 'noEquals'; term: string }
  | { code: 'emptyKey'; term: string }
  | { code: 'unclosedQuote'; term: string }
  | { code: 'duplicateKey'; term: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ChangeTextProblem };

/** `env=production owner="team web"` → `{ env: 'production', owner: 'team web' }`. */
export function parseSetText(text: string): Parsed<Record<string, string>> {
  const set: Record<string, string> = {};
  const terms = splitTerms(text);
  if (!terms.ok) return terms;
  for (const term of terms.value) {
    // Keys never hold `=` or quotes, so the first `=` of the resolved text ends the key.
    const equals = term.value.indexOf('=');
    if (equals < 0) return { ok: false, problem: { code: 'noEquals', term: term.raw } };
    const key = term.value.slice(0, equals);
    if (key.length === 0) return { ok: false, problem: { code: 'emptyKey', term: term.raw } };
    if (Object.prototype.hasOwnProperty.call(set, key)) {
      return { ok: false, problem: { code: 'duplicateKey', term: key } };
    }
    putOwn(set, key, term.value.slice(equals + 1));
  }
  return { ok: true, value: set };
}

/** `scratch tmp.build` → `['scratch', 'tmp.build']`, each once. */
export function parseRemoveText(text: string): Parsed<string[]> {
  const terms = splitTerms(text);
  if (!terms.ok) return terms;
  return { ok: true, value: [...new Set(terms.value.map((t) => t.value))] };
}

interface Term {
  /** As typed. */
  raw: string;
  /** With quotes and escapes resolved. */
  value: string;
}

function splitTerms(text: string): Parsed<Term[]> {
  const terms: Term[] = [];
  let i = 0;
  const isGap = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === ',' || c === '\n';
  while (i < text.length) {
    while (i < text.length && isGap(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    let quoted = false;
    while (i < text.length && (quoted || !isGap(text[i]))) {
      const c = text[i] as string;
      if (c === '"') {
        quoted = !quoted;
        i++;
        continue;
      }
      if (quoted && c === '\\' && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    const raw = text.slice(start, i);
    if (quoted) return { ok: false, problem: { code: 'unclosedQuote', term: raw } };
    terms.push({ raw, value });
  }
  return { ok: true, value: terms };
}
