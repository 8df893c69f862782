import * as vscode from 'vscode';
import { MASKED_VALUE } from '../metadata/valuePreview';
import type { Policy, Violation } from '../policy/policy';

/**
 * One violation as a person reads it: "owner missing", "env=prod not in [production, staging]",
 * "tmp.x=1 forbidden". The server's value is masked while `masked` (Mask Values) is on; the allowed
 * values are the policy's own text and stay shown.
 */
export function violationText(violation: Violation, policy: Policy | undefined, masked: boolean): string {
  const value = masked ? MASKED_VALUE : (violation.value ?? '');
  switch (violation.problem) {
    case 'missing':
      return vscode.l10n.t('{0} missing', violation.key);
    case 'notAllowed': {
      const allowed = policy?.rules
        .find((rule) => rule.name === violation.rule)
        ?.allowed.find((a) => a.key === violation.key)?.texts;
      return vscode.l10n.t('{0}={1} not in [{2}]', violation.key, value, (allowed ?? []).join(', '));
    }
    case 'forbidden':
      return vscode.l10n.t('{0}={1} forbidden', violation.key, value);
  }
}

/** Every violation of a server on one line, for the row's description. */
export function violationsLine(
  violations: readonly Violation[],
  policy: Policy | undefined,
  masked: boolean,
): string {
  return violations.map((v) => violationText(v, policy, masked)).join('; ');
}

/** One line per violation with the rule it breaks, for the row's tooltip. */
export function violationLines(
  violations: readonly Violation[],
  policy: Policy | undefined,
  masked: boolean,
): string[] {
  return violations.map((v) => vscode.l10n.t('Rule “{0}”: {1}', v.rule, violationText(v, policy, masked)));
}
