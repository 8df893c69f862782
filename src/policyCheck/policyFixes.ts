/**
 * The fixes a shown policy check offers, worked out from the policy and the violations of the servers
 * shown: one per rule and key for a missing required key or a value not allowed, one per rule for its
 * forbidden keys (deleted). Keys the cloud sets itself (`ecsMetadata.protectedKeys`) are never
 * deleted by a fix: they are named as kept instead. Pure (no `vscode`): the core tests use it.
 */
import type { Policy, Violation, ViolationProblem } from '../policy/policy';
import { isProtectedKey } from '../metadata/protectedKeys';

/** A shown server: whatever the caller keeps, with the violations the check found. */
export interface ViolatingServer {
  server: { violations?: readonly Violation[] };
}

/** One fix the shown policy check offers, on the servers that break its rule so. */
export type PolicyFix<M extends ViolatingServer> =
  /** A missing required key: set to the rule's default when it has one, else to a value the person types. */
  | { kind: 'missing'; rule: string; key: string; value?: string; servers: M[] }
  /** A value not allowed: set to one of the rule's plain allowed values the person picks. */
  | { kind: 'notAllowed'; rule: string; key: string; choices: string[]; servers: M[] }
  /** Forbidden keys: `remove` deleted from the servers holding one; `kept`, system keys, never. */
  | { kind: 'forbidden'; rule: string; remove: string[]; kept: string[]; servers: M[] };

/** The fixes, in the policy's order: per rule its missing keys, its values not allowed, its forbidden keys. */
export function policyFixes<M extends ViolatingServer>(
  policy: Policy,
  shown: readonly M[],
  protectedGlobs: readonly string[],
): PolicyFix<M>[] {
  const fixes: PolicyFix<M>[] = [];
  for (const rule of policy.rules) {
    const breaks = (m: M, problem: ViolationProblem, key?: string): Violation[] =>
      (m.server.violations ?? []).filter(
        (v) => v.rule === rule.name && v.problem === problem && (key === undefined || v.key === key),
      );
    for (const key of rule.require) {
      const servers = shown.filter((m) => breaks(m, 'missing', key).length > 0);
      if (servers.length > 0)
        fixes.push({ kind: 'missing', rule: rule.name, key, value: rule.defaults[key], servers });
    }
    for (const { key, texts } of rule.allowed) {
      const choices = texts.filter((t) => !/[*?]/.test(t));
      const servers = shown.filter((m) => breaks(m, 'notAllowed', key).length > 0);
      if (servers.length > 0 && choices.length > 0)
        fixes.push({ kind: 'notAllowed', rule: rule.name, key, choices, servers });
    }
    const forbidden = new Set(shown.flatMap((m) => breaks(m, 'forbidden').map((v) => v.key)));
    const kept = [...forbidden].filter((key) => isProtectedKey(key, protectedGlobs)).sort();
    const remove = [...forbidden].filter((key) => !kept.includes(key)).sort();
    const servers = shown.filter((m) => breaks(m, 'forbidden').some((v) => remove.includes(v.key)));
    if (servers.length > 0) fixes.push({ kind: 'forbidden', rule: rule.name, remove, kept, servers });
  }
  return fixes;
}
