/**
 * A glob of the policy, read as find reads a value: `*` any run of characters, `?` any one character,
 * a backslash makes the next character plain text (`\*`). Pure.
 */
import { globMatches, type GlobPart } from '../find/query/globMatch';

/** The glob's parts, or undefined when a backslash at the end has nothing to escape. */
export function globPartsOf(text: string): GlobPart[] | undefined {
  const parts: GlobPart[] = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\\') {
      if (i + 1 === chars.length) return undefined;
      parts.push({ kind: 'char', char: chars[++i] });
    } else if (ch === '*') parts.push({ kind: 'anyRun' });
    else if (ch === '?') parts.push({ kind: 'anyOne' });
    else parts.push({ kind: 'char', char: ch });
  }
  return parts;
}

/** Whether a text matches, whole. */
export type TextMatcher = (text: string) => boolean;

/**
 * A matcher for a glob (or, with no wildcard, for the exact text) that rejects most texts by their
 * literal start, end and length before the full matcher runs: a policy tests every key and value of
 * every server, and most of them fail at the first character.
 */
export function matcherOf(parts: readonly GlobPart[]): TextMatcher {
  const literal = (from: readonly GlobPart[]): string => {
    let text = '';
    for (const part of from) {
      if (part.kind !== 'char') break;
      text += part.char;
    }
    return text;
  };
  const prefix = literal(parts);
  if (Array.from(prefix).length === parts.length) {
    return (text) => text === prefix;
  }
  const suffix = Array.from(literal([...parts].reverse()))
    .reverse()
    .join('');
  const hasRun = parts.some((part) => part.kind === 'anyRun');
  /** Code points the text needs at least (and, without `*`, exactly). */
  const needed = parts.filter((part) => part.kind !== 'anyRun').length;
  return (text) => {
    // A code point is one or two UTF-16 units.
    if (text.length < needed || (!hasRun && text.length > 2 * needed)) return false;
    if (!text.startsWith(prefix) || !text.endsWith(suffix)) return false;
    return globMatches(parts, text);
  };
}
