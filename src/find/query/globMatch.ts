/**
 * Glob matching without backtracking: `*` any run of characters, `?` any one character (a code
 * point), anything else itself, over the whole value. Two pointers walk the pattern and the value;
 * on a mismatch only the last `*` takes one more character, so a match costs at most about
 * (value length + 1) × (pattern length + 1) steps, however many `*` the pattern holds. (A regular
 * expression with `[\s\S]*` per `*` backtracks: four such globs against one 255-character value froze
 * the extension host for over a minute.)
 */

/** One code point of a glob: a wildcard, or a character that must be there. */
export type GlobPart = { kind: 'anyRun' } | { kind: 'anyOne' } | { kind: 'char'; char: string };

/** Counts the steps a match took, for tests and the bench. */
export interface GlobSteps {
  steps: number;
}

export function globMatches(
  parts: readonly GlobPart[],
  value: string,
  ignoreCase = false,
  counter?: GlobSteps,
): boolean {
  const chars = Array.from(value);
  const same = (part: GlobPart, ch: string): boolean =>
    part.kind === 'anyOne' ||
    (part.kind === 'char' &&
      (part.char === ch || (ignoreCase && part.char.toUpperCase() === ch.toUpperCase())));
  let p = 0;
  let v = 0;
  /** The last `*` seen, and where in the value its run ends for now. */
  let star = -1;
  let starEnd = 0;
  let steps = 0;
  try {
    while (v < chars.length) {
      steps++;
      const part = parts[p] as GlobPart | undefined;
      if (part?.kind === 'anyRun') {
        star = p++;
        starEnd = v;
      } else if (part !== undefined && same(part, chars[v])) {
        p++;
        v++;
      } else if (star !== -1) {
        p = star + 1;
        v = ++starEnd;
      } else {
        return false;
      }
    }
    while (parts[p]?.kind === 'anyRun') {
      steps++;
      p++;
    }
    return p === parts.length;
  } finally {
    if (counter) counter.steps += steps;
  }
}
