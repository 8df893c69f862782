/** The metadata policy: reading it (every bad input named, with where), and checking servers against it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countsPerRule, evaluatePolicy } from '../../src/policy/evaluatePolicy';
import { POLICY_KEYS, RULE_KEYS, type Policy } from '../../src/policy/policy';
import { globMatches } from '../../src/find/query/globMatch';
import { globPartsOf, matcherOf } from '../../src/policy/policyGlob';
import { randomText, seeded } from './seededRandom';
import {
  parsePolicyObject,
  parsePolicyText,
  type PolicyProblem,
  type PolicyReading,
} from '../../src/policy/parsePolicy';

const root = path.resolve(__dirname, '..', '..', '..');

/** The issue's example policy. */
const EXAMPLE = {
  rules: [
    { name: 'owner', appliesTo: '@name=web-*', require: ['owner'], defaults: { owner: 'unassigned' } },
    { name: 'env values', allowed: { env: ['production', 'staging', 'dev-*'] } },
    { name: 'no scratch keys', forbid: ['tmp*', 'scratch.*'] },
  ],
};

function policyOf(reading: PolicyReading): Policy {
  if (reading.problems) assert.fail(`problems: ${JSON.stringify(reading.problems)}`);
  return reading.policy;
}

function problemsOf(reading: PolicyReading): PolicyProblem[] {
  assert.ok(reading.problems, 'the policy should have been refused');
  return reading.problems;
}

const server = (name: string, metadata: Record<string, string>) => ({ name, status: 'ACTIVE', metadata });

describe('metadata policy: checking servers', () => {
  const policy = policyOf(parsePolicyObject(EXAMPLE));

  it('reports a required key that is missing, only on servers appliesTo matches', () => {
    assert.deepEqual(evaluatePolicy(policy, server('web-01', { env: 'production' })), [
      { rule: 'owner', key: 'owner', problem: 'missing' },
    ]);
    assert.deepEqual(evaluatePolicy(policy, server('db-01', { env: 'production' })), []);
    assert.deepEqual(evaluatePolicy(policy, server('web-02', { env: 'staging', owner: '' })), []);
  });

  it('reports a value not allowed, with the value; allows exact values and globs, whole', () => {
    assert.deepEqual(evaluatePolicy(policy, server('db-01', { env: 'prod' })), [
      { rule: 'env values', key: 'env', problem: 'notAllowed', value: 'prod' },
    ]);
    assert.deepEqual(evaluatePolicy(policy, server('db-01', { env: 'dev-alice' })), []);
    // Whole match: a value that only starts or ends like an allowed one is not allowed.
    for (const value of ['production-2', 'xstaging', 'my-dev-1']) {
      assert.equal(evaluatePolicy(policy, server('db-01', { env: value })).length, 1, value);
    }
  });

  it('does not count a key named in allowed that is absent', () => {
    assert.deepEqual(evaluatePolicy(policy, server('db-01', {})), []);
  });

  it('reports each forbidden key by glob, with its value', () => {
    assert.deepEqual(
      evaluatePolicy(
        policy,
        server('db-01', { tmp: '1', tmpdir: '/x', 'scratch.a': 'b', scratch: 'c', atmp: 'd' }),
      ),
      [
        { rule: 'no scratch keys', key: 'tmp', problem: 'forbidden', value: '1' },
        { rule: 'no scratch keys', key: 'tmpdir', problem: 'forbidden', value: '/x' },
        { rule: 'no scratch keys', key: 'scratch.a', problem: 'forbidden', value: 'b' },
      ],
    );
  });

  it('reads an escaped wildcard as the character itself', () => {
    const escaped = policyOf(
      parsePolicyObject({ rules: [{ name: 'star', allowed: { tier: ['a\\*'] }, forbid: ['x\\?'] }] }),
    );
    assert.deepEqual(evaluatePolicy(escaped, server('s', { tier: 'a*' })), []);
    assert.equal(evaluatePolicy(escaped, server('s', { tier: 'ab' })).length, 1);
    assert.deepEqual(evaluatePolicy(escaped, server('s', { xy: '1' })), []);
    assert.equal(evaluatePolicy(escaped, server('s', { 'x?': '1' })).length, 1);
  });

  it('treats a key named __proto__ as a plain key', () => {
    const p = policyOf(parsePolicyObject({ rules: [{ name: 'p', require: ['__proto__', 'constructor'] }] }));
    const violations = evaluatePolicy(p, server('s', {}));
    assert.deepEqual(
      violations.map((v) => v.key),
      ['__proto__', 'constructor'],
    );
  });

  it('counts the servers that break each rule, in the policy order', () => {
    const results = [
      { violations: evaluatePolicy(policy, server('web-01', { env: 'prod', tmp: '1' })) },
      { violations: evaluatePolicy(policy, server('web-02', { env: 'qa' })) },
      { violations: evaluatePolicy(policy, server('db-01', { owner: 'x' })) },
    ];
    assert.deepEqual(countsPerRule(policy, results), [
      { rule: 'owner', servers: 2 },
      { rule: 'env values', servers: 2 },
      { rule: 'no scratch keys', servers: 1 },
    ]);
  });

  it('reads the policy text the same as the object, keeping defaults', () => {
    const fromText = policyOf(parsePolicyText(JSON.stringify(EXAMPLE, null, 2)));
    assert.deepEqual(fromText.rules[0].defaults, { owner: 'unassigned' });
    assert.equal(fromText.rules[0].appliesTo?.text, '@name=web-*');
    assert.deepEqual(
      evaluatePolicy(fromText, server('web-9', { env: 'x' })),
      evaluatePolicy(policy, server('web-9', { env: 'x' })),
    );
  });
});

describe('metadata policy: the quick matcher', () => {
  it('answers as the find matcher does, its shortcuts included (seeded random globs, astral characters)', () => {
    const random = seeded(27);
    const alphabet = ['a', 'b', '.', '😀', '*', '?'];
    let matched = 0;
    for (let i = 0; i < 5000; i++) {
      const glob = randomText(random, alphabet, 6);
      const parts = globPartsOf(glob);
      if (!parts) continue;
      const matches = matcherOf(parts);
      for (let j = 0; j < 10; j++) {
        const text = randomText(random, ['a', 'b', '.', '😀'], 7);
        const expected = globMatches(parts, text);
        if (expected) matched++;
        assert.equal(matches(text), expected, `${glob} on ${text}`);
      }
    }
    assert.ok(matched > 1000, `only ${matched} matches among the cases`);
  });
});

describe('metadata policy: bad input is refused whole, named, with its line', () => {
  /** The problems of a policy text, each as `code path detail @line:column`. */
  function refused(text: string): string[] {
    return problemsOf(parsePolicyText(text)).map(
      (p) => `${p.code} ${p.path}${p.detail !== undefined ? ` ${p.detail}` : ''} @${p.line}:${p.column}`,
    );
  }

  it('names text that is not JSON with its line and column (the first problem only)', () => {
    assert.deepEqual(refused('{\n  "rules": [\n    { "name": "a", "require": ["x"] ]\n}'), [
      'syntax  BAD_INDENT @3:37',
    ]);
  });

  it('reads comments as VS Code allows them in .vscode files, and keeps lines and columns', () => {
    const text =
      '{\n  // the team\'s rules /* */\n  "rules": [ /* one\n */ {"name": "a // b", "requires": []}]\n}';
    assert.deepEqual(refused(text), ['unknownKey rules[1] requires @4:24', 'emptyRule rules[1] @4:5']);
    const policy = policyOf(parsePolicyText('{"rules": [{"name": "/*x*/", "forbid": ["//"]}]} // end'));
    assert.equal(policy.rules[0].name, '/*x*/');
    assert.equal(policy.rules[0].forbid[0].text, '//');
  });

  it('names a key given twice', () => {
    const [problem] = problemsOf(parsePolicyText('{ "rules": [], "rules": [] }'));
    assert.equal(problem.code, 'syntax');
    assert.equal(problem.detail, 'DUPLICATE_KEY');
  });

  it('names an unknown key in a rule, at its line and column, and refuses the whole policy', () => {
    const text =
      '{\n  "rules": [\n    { "name": "a", "require": ["x"] },\n    { "name": "b", "requires": ["y"] }\n  ]\n}';
    assert.deepEqual(refused(text), ['unknownKey rules[2] requires @4:20', 'emptyRule rules[2] @4:5']);
  });

  it('names an unknown key of the policy itself', () => {
    assert.deepEqual(refused('{ "rules": [], "rule": [] }'), ['unknownKey  rule @1:16']);
  });

  it('names an invalid glob in forbid and in allowed', () => {
    assert.deepEqual(refused('{"rules":[{"name":"a","forbid":["tmp\\\\"]}]}'), [
      'invalidGlob rules[1].forbid tmp\\ @1:32',
    ]);
    assert.deepEqual(refused('{"rules":[{"name":"a","forbid":[""]}]}'), [
      'invalidGlob rules[1].forbid  @1:32',
    ]);
    assert.deepEqual(refused('{"rules":[{"name":"a","allowed":{"env":["prod\\\\"]}}]}'), [
      'invalidGlob rules[1].allowed.env prod\\ @1:40',
    ]);
  });

  it('names an invalid appliesTo query with the find parser’s reason', () => {
    const [problem] = problemsOf(
      parsePolicyText('{"rules":[{"name":"a","appliesTo":"env=prod and x","require":["o"]}]}'),
    );
    assert.equal(problem.code, 'invalidQuery');
    assert.equal(problem.path, 'rules[1].appliesTo');
    assert.equal(problem.queryError?.code, 'joiningWord');
    assert.equal(problem.queryError?.term, 'and');
    assert.deepEqual([problem.line, problem.column], [1, 35]);
    assert.equal(
      problemsOf(parsePolicyObject({ rules: [{ name: 'a', appliesTo: '@size=1', forbid: ['x'] }] }))[0]
        .queryError?.code,
      'unknownField',
    );
  });

  it('names values of the wrong type', () => {
    assert.deepEqual(refused('[]'), ['notObject  @1:1']);
    assert.deepEqual(refused('{}'), ['missingRules  @1:1']);
    assert.deepEqual(refused('{"rules":{}}'), ['notList rules @1:10']);
    assert.deepEqual(refused('{"rules":[1]}'), ['notObject rules[1] @1:11']);
    assert.deepEqual(refused('{"rules":[{"require":["x"]}]}'), ['missingName rules[1] @1:11']);
    assert.deepEqual(refused('{"rules":[{"name":1,"require":["x"]}]}'), ['notText rules[1].name @1:19']);
    assert.deepEqual(refused('{"rules":[{"name":"a","require":"x"}]}'), [
      'notTextList rules[1].require @1:33',
    ]);
    assert.deepEqual(refused('{"rules":[{"name":"a","require":[""]}]}'), [
      'emptyKey rules[1].require[1] @1:33',
    ]);
    assert.deepEqual(refused('{"rules":[{"name":"a","allowed":{"env":"prod"}}]}'), [
      'notTextList rules[1].allowed.env @1:40',
    ]);
    assert.deepEqual(refused('{"rules":[{"name":"a","allowed":{"env":[]}}]}'), [
      'noAllowedValue rules[1].allowed.env env @1:40',
    ]);
    assert.deepEqual(refused('{"rules":[{"name":"a","forbid":["x"],"allowed":[]}]}'), [
      'notObject rules[1].allowed @1:48',
    ]);
  });

  it('names a default for a key the rule does not require, and a default that is not text', () => {
    assert.deepEqual(refused('{"rules":[{"name":"a","require":["o"],"defaults":{"p":"x"}}]}'), [
      'defaultNotRequired rules[1].defaults p @1:51',
    ]);
    assert.deepEqual(refused('{"rules":[{"name":"a","require":["o"],"defaults":{"o":1}}]}'), [
      'notText rules[1].defaults.o @1:55',
    ]);
  });

  it('names two rules of one name', () => {
    assert.deepEqual(refused('{"rules":[{"name":"a","require":["o"]},{"name":"a","forbid":["t"]}]}'), [
      'duplicateName rules[2].name a @1:40',
    ]);
  });

  it('refuses a script’s object the same way, without positions', () => {
    assert.deepEqual(problemsOf(parsePolicyObject({ rules: [{ name: 'a', requires: ['o'] }] })), [
      { code: 'unknownKey', path: 'rules[1]', detail: 'requires' },
      { code: 'emptyRule', path: 'rules[1]' },
    ]);
    assert.deepEqual(problemsOf(parsePolicyObject('rules')), [{ code: 'notObject', path: '' }]);
  });
});

describe('metadata policy: the JSON schema and the manifest', () => {
  const schema = JSON.parse(
    fs.readFileSync(path.join(root, 'media', 'schemas', 'ecs-metadata-policy.schema.json'), 'utf8'),
  ) as {
    properties: Record<string, unknown> & { rules: { items: { properties: Record<string, unknown> } } };
  };

  it('knows the same policy and rule keys as the reader', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...POLICY_KEYS].sort());
    assert.deepEqual(Object.keys(schema.properties.rules.items.properties).sort(), [...RULE_KEYS].sort());
  });

  it('is contributed for the policy file and packaged', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: { jsonValidation: { fileMatch: string[]; url: string }[] };
    };
    const entry = manifest.contributes.jsonValidation.find((v) => v.url.includes('ecs-metadata-policy'));
    assert.ok(entry?.fileMatch.includes('ecs-metadata-policy.json'));
    if (!entry) return;
    assert.ok(fs.existsSync(path.join(root, entry.url)));
    assert.match(fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!media\/schemas\/\*\*$/m);
  });
});
