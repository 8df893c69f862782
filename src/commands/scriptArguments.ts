import * as vscode from 'vscode';
import { EcsError } from '../core';
import { metadataKeyInputProblem, serverIdInputProblem } from '../errors/inputProblems';
import { valueInputProblem } from '../metadata/valueInput';

/** `{ profile, serverId, key }` (and `value` when asked for) from a script, checked; throws what is wrong. */
export function writeArguments<V extends boolean>(
  arg: unknown,
  withValue: V,
): {
  profile: string;
  region?: string;
  serverId: string;
  key: string;
  value: V extends true ? string : undefined;
} {
  const shape = withValue ? '{ profile, serverId, key, value }' : '{ profile, serverId, key }';
  if (typeof arg !== 'object' || arg === null) {
    throw new Error(vscode.l10n.t('Expected arguments {0}.', shape));
  }
  const { profile, region, serverId, key, value } = arg as Record<string, unknown>;
  if (typeof profile !== 'string' || typeof serverId !== 'string' || typeof key !== 'string') {
    throw new Error(vscode.l10n.t('Expected arguments {0}.', shape));
  }
  if (region !== undefined && typeof region !== 'string') {
    throw new Error(vscode.l10n.t('The argument "{0}" must be a string.', 'region'));
  }
  const problem =
    serverIdInputProblem(serverId) ??
    metadataKeyInputProblem(key) ??
    (withValue ? valueInputProblem(value) : undefined);
  if (problem) throw new Error(problem);
  return {
    profile,
    ...(region ? { region } : {}),
    serverId,
    key,
    value: (withValue ? value : undefined) as V extends true ? string : undefined,
  };
}

/** The rejection of a script command whose confirmation was declined. */
export function notConfirmed(): EcsError {
  return new EcsError('cancelled', vscode.l10n.t('The change was not confirmed; nothing was written.'));
}
