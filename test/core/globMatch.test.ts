/** Find's glob matching: right answers (against a plain reference) in steps that cannot blow up. */
import * as assert from 'node:assert/strict';
import { globMatches, type GlobPart, type GlobSteps } from '../../src/find/query/globMatch';
import { matchQuery } from '../../src/find/query/matchQuery';
import { parseQuery } from '../../src/find/query/parseQuery';
import { randomText, seeded } from './seededRandom';

/** A glob of unescaped text: `*` and `?` are wildcards. */
function glob(pattern: string): GlobPart[] {
  return Array.from(pattern, (char): GlobPart => {
    if (char === '*') return { kind: 'anyRun' };
    if (char === '?') return { kind: 'anyOne' };
    return { kind: 'char', char };
  });
}

/** The reference: a regular expression, fine on the short values the random cases use. */
function reference(pattern: string, value: string, ignoreCase = false): boolean {
  const source = Array.from(pattern, (char) => {
    if (char === '*') return '[\\s\\S]*';
    if (char === '?') return '[\\s\\S]';
    return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'iu' : 'u').test(value);
}

/** A value the pattern matches, with one character sometimes changed. */
function instance(random: () => number, pattern: string, alphabet: readonly string[]): string {
  const chars = Array.from(pattern, (char) => {
    if (char === '*') return randomText(random, alphabet, 3);
    if (char === '?') return alphabet[Math.floor(random() * alphabet.length)];
    return char;
  }).flatMap((text) => Array.from(text));
  if (chars.length > 0 && random() < 0.3) {
    chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)];
  }
  return chars.join('');
}

const A255 = 'a'.repeat(255);

/** Patterns a backtracking matcher needs exponential time for, against 255 `a`s. */
const adversarial = [
  '*a*a*a*a*a*b',
  '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b',
  `${'*a'.repeat(127)}b`,
  'a*a*a*a*a*a*a*a*a*a*c',
  '*?*?*?*?*?*?*?*?*?*?*b',
  '**********************b',
  `*${'a'.repeat(100)}*${'a'.repeat(100)}*b`,
  `*${'?'.repeat(254)}b`,
];

describe('find: glob matching', () => {
  it('answers like a regular expression on random patterns and values (code points, case)', () => {
    const random = seeded(7);
    const patternAlphabet = ['a', 'b', 'A', '*', '?', '生', '😀', '.'];
    const valueAlphabet = ['a', 'b', 'A', 'B', '生', '😀', '.'];
    let matched = 0;
    for (let i = 0; i < 5000; i++) {
      const pattern = randomText(random, patternAlphabet, 8);
      // Half the values are made from the pattern, so that many cases match.
      const value =
        i % 4 < 2 ? randomText(random, valueAlphabet, 10) : instance(random, pattern, valueAlphabet);
      const ignoreCase = i % 2 === 1;
      const expected = reference(pattern, value, ignoreCase);
      assert.equal(
        globMatches(glob(pattern), value, ignoreCase),
        expected,
        JSON.stringify({ pattern, value, ignoreCase }),
      );
      if (expected) matched++;
    }
    assert.ok(matched > 1500, `only ${matched} of the random cases matched: the comparison would say little`);
  });

  it('gives the right answer to patterns built to make a matcher backtrack', () => {
    for (const pattern of adversarial) {
      assert.equal(globMatches(glob(pattern), A255), false, pattern);
      const fitting = pattern.replace(/[bc]$/, 'a');
      assert.equal(globMatches(glob(fitting), A255), reference(fitting, A255), fitting);
    }
    assert.equal(globMatches(glob('*a*a*a*a*a*b'), `${A255}b`), true);
    assert.equal(globMatches(glob(`*${'?'.repeat(254)}a`), A255), true);
    assert.equal(globMatches(glob(`*${'?'.repeat(255)}a`), A255), false);
  });

  it('takes at most (value length + 1) × (pattern length + 1) steps', () => {
    for (const pattern of adversarial) {
      for (const value of ['a'.repeat(40), A255, `${A255.slice(1)}b`, 'ab'.repeat(127)]) {
        const counter: GlobSteps = { steps: 0 };
        globMatches(glob(pattern), value, false, counter);
        const bound = (value.length + 1) * (Array.from(pattern).length + 1);
        assert.ok(counter.steps <= bound, `${pattern}: ${counter.steps} steps, bound ${bound}`);
      }
    }
    const counter: GlobSteps = { steps: 0 };
    globMatches(glob('*a*a*a*a*a*b'), A255, false, counter);
    assert.ok(counter.steps <= 4 * 256, `${counter.steps} steps for *a*a*a*a*a*b: not linear in the value`);
  });

  it('runs four adversarial globs against a 255-character value, through a query, well under a second', () => {
    // A backtracking matcher took over a minute for four such globs; `*a*a*a*b` alone took 6 s.
    const server = { name: 'x', metadata: { k: A255, l: A255, m: A255, n: A255 } };
    // Each term holds (no value matches), so every glob runs to its end.
    const query = parseQuery('!k=*a*a*a*b !l=*a*a*a*a*a*b !m=*a*a*a*a*a*a*a*a*b !n=*?*?*?*?*?*b');
    const started = process.hrtime.bigint();
    assert.deepEqual(matchQuery(query, server), {});
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(ms < 1000, `${ms} ms`);
  });

  it('treats an escaped * or ? in a query as the character itself', () => {
    const server = { name: 'x', metadata: { k: 'a*b?', l: 'axbyc' } };
    assert.deepEqual(matchQuery(parseQuery('k=a\\*?\\?'), server), { k: 'a*b?' });
    assert.equal(matchQuery(parseQuery('l=a\\*?\\?'), { name: 'x', metadata: { l: 'axb?' } }), undefined);
    assert.deepEqual(matchQuery(parseQuery('l=a*b?c'), server), { l: 'axbyc' });
  });
});
