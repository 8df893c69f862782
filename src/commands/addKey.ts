import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import { registerCommand } from './registerCommand';
import { metadataKeyInputProblem } from '../errors/inputProblems';
import {
  mayChangeProtected,
  protectedKeyRefusal,
  refuseUnpermitted,
  serverLabel,
  writeConfirmed,
} from '../metadata/confirmChange';
import { isProtectedKey } from '../metadata/protectedKeys';
import { settings } from '../settings/settings';
import type { ServerTarget } from '../metadata/metadataWriter';
import { readAllFresh } from '../metadata/readFresh';
import { reportWrite } from '../metadata/reportWrite';
import { valueValidation } from '../metadata/valueInput';
import type { CommandDeps } from './commandDeps';
import { serverTargetOf } from './serverTarget';

/**
 * `ecsMetadata.addKey` on a server (tree item, or `{ profile, serverId }`): reads the server's keys
 * fresh, asks for a new key (validated live against the allowed characters and the keys already
 * there), then its value (with the characters left); Enter on the value writes it — after a second
 * modal when the key is protected (ecsMetadata.protectedKeys). A script must pass
 * `allowProtected: true` to add a protected key.
 */
export function registerAddKey(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.addKey, async (call) => {
    const target = writeTargetOf(call.arg);
    if (!target) throw new Error(vscode.l10n.t('Expected arguments {0}.', '{ profile, serverId }'));
    call.subject = { profile: target.profile, serverId: target.serverId };
    // A script without allowProtected: a protected key is refused as it is typed, before any write.
    const refusesProtected = !mayChangeProtected(call);
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

/** A server tree item, or `{ profile, region?, serverId, serverName? }`: the write target of a server. */
export function writeTargetOf(arg: unknown): ServerTarget | undefined {
  const server = serverTargetOf(arg);
  if (!server) return undefined;
  const { name, ...target } = server;
  return name ? { ...target, serverName: name } : target;
}
