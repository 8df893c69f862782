import * as vscode from 'vscode';
import { serverLabel } from '../core';
import { metadataKeyInputProblem } from '../errors/inputProblems';
import { protectedKeyRefusal, refuseUnpermitted, writeConfirmed } from '../metadata/confirmChange';
import { isProtectedKey } from '../metadata/protectedKeys';
import { settings } from '../settings/settings';
import { readAllFresh } from '../metadata/readFresh';
import { reportWrite } from '../metadata/reportWrite';
import { valueValidation } from '../metadata/valueInput';
import type { CommandDeps } from './commandDeps';
import { scriptCommands, type ServerWriteArguments } from './commandArguments';
import { registerDeclared } from './registerDeclared';
import { serverTargetOfNode } from './serverTarget';

/**
 * `ecsMetadata.addKey` on a server (tree item, or `{ profile, serverId }`): reads the server's keys
 * fresh, asks for a new key (validated live against the allowed characters and the keys already
 * there), then its value (with the characters left); Enter on the value writes it — after a second
 * modal when the key is protected (ecsMetadata.protectedKeys). A script must pass
 * `allowProtected: true` to add a protected key.
 */
export function registerAddKey(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.addKey, async (call) => {
    const { target, allowProtected } = call.script ?? serverWriteOfPerson(call.arg);
    call.subject = { profile: target.profile, serverId: target.serverId };
    // A script without allowProtected: a protected key is refused as it is typed, before any write.
    const refusesProtected = !allowProtected;
    const existing = await readAllFresh(deps.clients, target);
    const title = vscode.l10n.t('Add Key to {0}', serverLabel(target));
    const key = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('The new metadata key: A-Z a-z 0-9 - _ : . (up to 255 characters).'),
      validateInput: (text) =>
        metadataKeyInputProblem(text) ??
        (Object.prototype.hasOwnProperty.call(existing, text)
          ? vscode.l10n.t(
              'Server {0} already has the key "{1}"; use Set Value to change it.',
              serverLabel(target),
              text,
            )
          : refusesProtected && isProtectedKey(text, settings.protectedKeys())
            ? protectedKeyRefusal(text).message
            : undefined),
      ignoreFocusOut: true,
    });
    if (key === undefined) return false;
    refuseUnpermitted([key], !refusesProtected);
    const value = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('The value of the new key "{0}".', key),
      validateInput: valueValidation,
      ignoreFocusOut: true,
    });
    if (value === undefined) return false;
    // Enter on the value confirmed it; a protected key is asked about once more.
    const written = await writeConfirmed(
      deps,
      target,
      { set: { [key]: value }, remove: [] },
      {},
      { summary: 'none' },
    );
    if (!written) return false;
    reportWrite(written.target, written.outcome);
    return written.outcome.failed.length === 0;
  });
}

/**
 * The server a person's call names: a server tree item, or what the extension's own UI passed
 * (read as a script's argument would be). A person may change protected keys, after the modal.
 */
export function serverWriteOfPerson(arg: unknown): ServerWriteArguments {
  const node = serverTargetOfNode(arg);
  const target = node ?? scriptCommands.addKey.shape.parse(arg).target;
  return { target, allowProtected: true };
}
