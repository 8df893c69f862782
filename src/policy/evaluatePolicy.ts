/** Which rules of a policy a server breaks, and how. Pure; linear in keys × rules. */
import { matchQuery, type QueryableServer } from '../find/query/matchQuery';
import type { Policy, Violation } from './policy';

const hasOwn = (record: Record<string, string>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(record, key);

/** Every violation of `server`, rule by rule in the policy's order; none when it keeps the policy. */
export function evaluatePolicy(policy: Policy, server: QueryableServer): Violation[] {
  const violations: Violation[] = [];
  const { metadata } = server;
  for (const rule of policy.rules) {
    if (rule.appliesTo && !matchQuery(rule.appliesTo, server)) continue;
    for (const key of rule.require) {
      if (!hasOwn(metadata, key)) violations.push({ rule: rule.name, key, problem: 'missing' });
    }
    for (const { key, matchers } of rule.allowed) {
      if (!hasOwn(metadata, key)) continue;
      const value = metadata[key];
      if (!matchers.some((matches) => matches(value))) {
        violations.push({ rule: rule.name, key, problem: 'notAllowed', value });
      }
    }
    if (rule.forbid.length === 0) continue;
    for (const key of Object.keys(metadata)) {
      if (rule.forbid.some((glob) => glob.matches(key))) {
        violations.push({ rule: rule.name, key, problem: 'forbidden', value: metadata[key] });
      }
    }
  }
  return violations;
}

/** How many servers break each rule (a server counted once per rule), in the policy's order. */
export function countsPerRule(
  policy: Policy,
  results: readonly { violations: readonly Violation[] }[],
): { rule: string; servers: number }[] {
  return policy.rules.map((rule) => ({
    rule: rule.name,
    servers: results.filter((r) => r.violations.some((v) => v.rule === rule.name)).length,
  }));
}
