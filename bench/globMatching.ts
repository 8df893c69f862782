/**
 * Find's glob matching (`src/find/query/globMatch.ts`) against 255-character values (Nova's longest) with
 * patterns built to make a matcher backtrack: time per match (median over rounds), the steps the
 * matcher counted, and for one pattern the backtracking regular expression it replaced (one sample:
 * it takes seconds).
 */
import { globMatches, type GlobPart, type GlobSteps } from '../src/find/query/globMatch';
import { parseQuery } from '../src/find/query/parseQuery';
import { nowMs } from './clock';
import { summarize } from './stats';

export interface GlobCase {
  pattern: string;
  value: string;
  matched: boolean;
  steps: number;
  /** Median microseconds per match. */
  microsPerMatch: number;
  /** The regex `*` → `[\s\S]*` on the same input, one sample, when measured. */
  regexMs?: number;
}

export interface GlobMatchingResult {
  rounds: number;
  matchesPerRound: number;
  cases: GlobCase[];
}

const A255 = 'a'.repeat(255);
const cases: { pattern: string; value: string; regex?: boolean }[] = [
  { pattern: '*a*a*a*b', value: A255, regex: true },
  { pattern: '*a*a*a*a*a*b', value: A255 },
  { pattern: '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', value: A255 },
  { pattern: `${'*a'.repeat(127)}b`, value: A255 },
  { pattern: '*?*?*?*?*?*?*?*?*?*?*b', value: A255 },
  { pattern: `*${'?'.repeat(254)}b`, value: A255 },
  { pattern: '*a*a*a*a*a*b', value: `${A255.slice(1)}b` },
  { pattern: 'web-*-prod*', value: `web-${'x'.repeat(240)}-prod-1` },
];

function globOf(pattern: string): readonly GlobPart[] {
  const test = parseQuery(`k=${pattern}`).terms[0].test;
  if (test?.kind !== 'glob') throw new Error(`${pattern} is not a glob`);
  return test.parts;
}

/** The matcher find used before: a backtracking regular expression. */
function regexMs(pattern: string, value: string): number {
  const source = Array.from(pattern, (c) =>
    c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
  ).join('');
  const started = nowMs();
  new RegExp(`^${source}$`, 'u').test(value);
  return nowMs() - started;
}

export function measureGlobMatching(
  rounds: number,
  matchesPerRound: number,
  withRegex: boolean,
): GlobMatchingResult {
  const results: GlobCase[] = [];
  for (const c of cases) {
    const parts = globOf(c.pattern);
    const counter: GlobSteps = { steps: 0 };
    const matched = globMatches(parts, c.value, false, counter);
    const perRound: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const started = nowMs();
      for (let i = 0; i < matchesPerRound; i++) {
        if (globMatches(parts, c.value) !== matched) throw new Error(`${c.pattern}: answers differ`);
      }
      perRound.push(((nowMs() - started) * 1000) / matchesPerRound);
    }
    results.push({
      pattern: c.pattern,
      value: c.value,
      matched,
      steps: counter.steps,
      microsPerMatch: summarize(perRound).median,
      regexMs: withRegex && c.regex ? regexMs(c.pattern, c.value) : undefined,
    });
  }
  return { rounds, matchesPerRound, cases: results };
}
