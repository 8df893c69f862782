/**
 * The fixes Fix Servers That Break the Policy… offers, and the bulk plans they make: a required key's
 * default, the allowed values to pick from, and a rule's forbidden keys deleted — never a system key.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planBulk, type BulkTarget } from '../../src/bulk/bulkPlan';
import { evaluatePolicy } from '../../src/policy/evaluatePolicy';
import { parsePolicyObject, parsePolicyText } from '../../src/policy/parsePolicy';
import type { Policy } from '../../src/policy/policy';
import { policyFixes, type PolicyFix } from '../../src/policyCheck/policyFixes';
import { DEFAULT_PROTECTED_KEYS } from '../../src/settings/protectedKeyDefaults';
import { loadSeed } from '../ecs-server/seed';
import { sampleSeedFile, sampleWorkspace } from '../runner/sampleProfile';

const POLICY = {
  rules: [
    { name: 'owner', require: ['owner'], defaults: { owner: 'unassigned' } },
    { name: 'env values', allowed: { env: ['production', 'staging', 'dev-*'] } },
    { name: 'no scratch keys', forbid: ['tmp*', 'scratch.*', 'agency*'] },
  ],
};

function policyOf(value: unknown): Policy {
  const reading = parsePolicyObject(value);
  if (reading.problems) assert.fail(`problems: ${JSON.stringify(reading.problems)}`);
  return reading.policy;
}

type Shown = { target: BulkTarget; server: { violations: ReturnType<typeof evaluatePolicy> } };

/** The servers a check shows: each with its violations of `policy`. */
function shownOf(policy: Policy, servers: Record<string, Record<string, string>>): Shown[] {
  return Object.entries(servers).map(([name, metadata]) => ({
    target: { profile: 'p', serverId: `id-${name}`, name, metadata },
    server: { violations: evaluatePolicy(policy, { name, status: 'ACTIVE', metadata }) },
  }));
}

const names = (fix: PolicyFix<Shown>): string[] => fix.servers.map((s) => s.target.name);

describe('metadata policy: the fixes offered', () => {
  const policy = policyOf(POLICY);
  const shown = shownOf(policy, {
    a: { env: 'prod', 'tmp.build': '1', 'scratch.x': 'y' },
    b: { owner: 'o', 'tmp.build': '2', agency_name: 'ops' },
    c: { owner: 'o', agency_name: 'ops' },
    d: { owner: 'o', env: 'dev-alice' },
  });

  it('offers per rule the missing key with its default, the allowed plain values, and the forbidden keys to delete', () => {
    const fixes = policyFixes(policy, shown, DEFAULT_PROTECTED_KEYS);
    assert.deepEqual(
      fixes.map((f) => [f.kind, f.rule, names(f)]),
      [
        ['missing', 'owner', ['a']],
        ['notAllowed', 'env values', ['a']],
        ['forbidden', 'no scratch keys', ['a', 'b']],
      ],
    );
    const [missing, notAllowed] = fixes;
    assert.equal(missing.kind === 'missing' && missing.value, 'unassigned');
    assert.deepEqual(notAllowed.kind === 'notAllowed' && notAllowed.choices, ['production', 'staging']);
  });

  it('deletes the forbidden keys each server holds, and never a system key: the fix names it as kept', () => {
    const fix = policyFixes(policy, shown, DEFAULT_PROTECTED_KEYS).find((f) => f.kind === 'forbidden');
    assert.ok(fix?.kind === 'forbidden');
    assert.deepEqual(fix.remove, ['scratch.x', 'tmp.build']);
    assert.deepEqual(fix.kept, ['agency_name']);
    // c breaks the rule only with its system key: nothing to delete, so it is not in the fix.
    assert.deepEqual(names(fix), ['a', 'b']);

    const plan = planBulk(
      fix.servers.map((s) => s.target),
      { set: {}, remove: fix.remove },
    );
    assert.deepEqual(
      plan.changes.map((p) => [p.name, p.remove, p.set]),
      [
        ['a', ['scratch.x', 'tmp.build'], {}],
        ['b', ['tmp.build'], {}],
      ],
    );
    assert.ok(plan.changes.every((p) => !p.remove.includes('agency_name')));
  });

  it('offers no delete when every forbidden key shown is a system key', () => {
    const only = shownOf(policy, { c: { owner: 'o', agency_name: 'ops' } });
    assert.deepEqual(policyFixes(policy, only, DEFAULT_PROTECTED_KEYS), []);
    // Without system keys in the setting, the same key is an ordinary forbidden key and is deleted.
    const fixes = policyFixes(policy, only, []);
    assert.deepEqual(
      fixes.map((f) => f.kind === 'forbidden' && [f.remove, f.kept]),
      [[['agency_name'], []]],
    );
  });

  it('offers no pick when a rule allows only globs', () => {
    const globs = policyOf({ rules: [{ name: 'env', allowed: { env: ['dev-*'] } }] });
    assert.deepEqual(policyFixes(globs, shownOf(globs, { a: { env: 'prod' } }), []), []);
  });
});

describe('metadata policy: the sample workspace of npm start and the walk', () => {
  it('holds a policy that three sample servers break, one way each, each with a fix', () => {
    const file = path.join(sampleWorkspace, '.vscode', 'ecs-metadata-policy.json');
    const reading = parsePolicyText(fs.readFileSync(file, 'utf8'));
    if (reading.problems) assert.fail(`problems: ${JSON.stringify(reading.problems)}`);
    const shown = loadSeed(sampleSeedFile)
      .servers.map((s) => ({ name: s.name, server: { violations: evaluatePolicy(reading.policy, s) } }))
      .filter((s) => s.server.violations.length > 0);
    assert.deepEqual(
      shown.map((s) => [s.name, s.server.violations.map((v) => `${v.rule}: ${v.key} ${v.problem}`)]),
      [
        ['日志服务器', ['env values: env notAllowed']],
        ['batch-worker', ['no scratch keys: retry.max forbidden']],
        ['ci-runner-new', ['owner: owner missing']],
      ],
    );
    assert.deepEqual(
      policyFixes(reading.policy, shown, DEFAULT_PROTECTED_KEYS).map((f) => f.kind),
      ['missing', 'notAllowed', 'forbidden'],
    );
  });
});
