import * as vscode from 'vscode';
import { InputError } from '../errors/inputError';
import type { ErrorSubject } from '../errors/userMessage';
import { asKeyTarget, type KeyTarget } from '../metadata/keyTarget';
import type { CommandCall } from './registerCommand';

/**
 * The key a call names: a key tree item or data the extension's own UI passed (a person), or
 * `{ profile, serverId, key }` (a script, which is refused with a message when it names none).
 * Undefined when a person named no key, so the command asks. Names the key in the call's errors.
 */
export function keyTargetOf(call: CommandCall): KeyTarget | undefined {
  const target = asKeyTarget(call.arg);
  if (!target && !call.byPerson) {
    throw new InputError(vscode.l10n.t('Expected arguments {0}.', '{ profile, serverId, key }'));
  }
  if (target) call.subject = subjectOf(target);
  return target;
}

export function subjectOf(target: KeyTarget): ErrorSubject {
  return { profile: target.profile, serverId: target.serverId, key: target.key };
}
