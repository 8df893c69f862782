/**
 * The metadata policy: rules that say which keys a server must carry, which values a key may hold and
 * which keys must not be there, each rule maybe limited to the servers a find query matches. Pure
 * (no `vscode`): the core tests and the bench use it under plain Node.
 */
import type { MetadataQuery } from '../find/query/metadataQuery';
import type { TextMatcher } from './policyGlob';

/** A key glob of `forbid`, as written and as the matcher takes it. */
export interface KeyGlob {
  text: string;
  matches: TextMatcher;
}

/** The values `allowed` lets one key hold: exact values and globs, as written. */
export interface AllowedValues {
  key: string;
  /** As written, for messages ("not in [production, staging]"). */
  texts: string[];
  /** One per text: exact when it has no wildcard, else its glob. */
  matchers: TextMatcher[];
}

export interface PolicyRule {
  name: string;
  /** Only servers this find query matches; every server when absent. */
  appliesTo?: MetadataQuery;
  /** Keys every server the rule applies to must carry. */
  require: string[];
  /** The value a fix gives a required key that is missing. */
  defaults: Record<string, string>;
  /** A key named here that is absent breaks nothing (`require` says whether it must be there). */
  allowed: AllowedValues[];
  forbid: KeyGlob[];
}

export interface Policy {
  rules: PolicyRule[];
}

export type ViolationProblem = 'missing' | 'notAllowed' | 'forbidden';

/** One way a server breaks one rule. `value`: the key's value, for notAllowed and forbidden. */
export interface Violation {
  rule: string;
  key: string;
  problem: ViolationProblem;
  value?: string;
}

/** The keys a rule object may hold; a key not here is refused, naming it. */
export const RULE_KEYS = ['name', 'appliesTo', 'require', 'defaults', 'allowed', 'forbid'] as const;
/** The keys the policy object itself may hold (`$schema` so an editor finds the schema). */
export const POLICY_KEYS = ['$schema', 'rules'] as const;
