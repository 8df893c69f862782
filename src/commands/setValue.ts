import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import { registerCommand } from './registerCommand';
import {
  mayChangeProtected,
  refuseUnpermitted,
  serverLabel,
  writeConfirmed,
} from '../metadata/confirmChange';
import { asKeyTarget } from '../metadata/keyTarget';
import type { ServerTarget } from '../metadata/metadataWriter';
import { readKeyFresh } from '../metadata/readFresh';
import { failureMessage, reportWrite } from '../metadata/reportWrite';
import { maskedValueValidation, valueValidation } from '../metadata/valueInput';
import { settings } from '../settings/settings';
import type { CommandDeps } from './commandDeps';
import { pickKeyTarget } from './pickers/pickKeyTarget';
import { notConfirmed, writeArguments } from './scriptArguments';

/**
 * `ecsMetadata.setValue` (a key in the tree, or the palette): an input box filled with the value
 * read fresh, validated live with the characters left; Enter writes it. While values are masked the
 * box starts empty instead (an empty box keeps the value), so the hidden value never shows.
 * A protected key (ecsMetadata.protectedKeys) is asked about again in a modal of its own; a script
 * must pass `allowProtected: true` for one, or is refused before anything is read or asked.
 * `ecsMetadata.setMetadataKey` `{ profile, serverId, key, value, allowProtected? }` (scripts): always
 * asks with a modal naming profile, server, key, current and new value; resolves to true once written, rejects with a
 * `cancelled` error when declined and with the user-facing message when the write fails.
 */
export function registerSetValue(deps: CommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand(CommandId.setValue, async (call) => {
      const target =
        asKeyTarget(call.arg) ??
        (await pickKeyTarget(deps.profiles, deps.clients, vscode.l10n.t('Set Value')));
      if (!target) return false;
      call.subject = { profile: target.profile, serverId: target.serverId, key: target.key };
      refuseUnpermitted([target.key], mayChangeProtected(call));
      const current = await readKeyFresh(deps.clients, target, target.key);
      // With values masked, the box never holds the current value: it starts empty, and empty keeps it.
      const hidden = current !== undefined && settings.maskValues();
      const value = await vscode.window.showInputBox({
        title: vscode.l10n.t('Set Value of "{0}" on {1}', target.key, serverLabel(target)),
        value: hidden ? '' : (current ?? ''),
        prompt: hidden
          ? vscode.l10n.t(
              'The new value of metadata key "{0}". Its current value is hidden because Mask Values is on.',
              target.key,
            )
          : vscode.l10n.t('The new value of metadata key "{0}".', target.key),
        ...(hidden ? { placeHolder: vscode.l10n.t('Current value hidden') } : {}),
        validateInput: hidden ? maskedValueValidation : valueValidation,
        ignoreFocusOut: true,
      });
      if (value === undefined || value === current || (hidden && value === '')) return false;
      const before: Record<string, string> = current === undefined ? {} : { [target.key]: current };
      // Enter in the box confirmed the value; a protected key is asked about once more.
      const change = { set: { [target.key]: value }, remove: [] };
      const written = await writeConfirmed(deps, target, change, before, { summary: 'none' });
      if (!written) return false;
      reportWrite(written.target, written.outcome);
      return written.outcome.failed.length === 0;
    }),
    registerCommand(CommandId.setMetadataKey, async (call) => {
      const { profile, region, serverId, key, value } = writeArguments(call.arg, true);
      const target: ServerTarget = { profile, ...(region ? { region } : {}), serverId };
      call.subject = { profile, serverId, key };
      refuseUnpermitted([key], mayChangeProtected(call));
      const current = await readKeyFresh(deps.clients, target, key);
      const before: Record<string, string> = current === undefined ? {} : { [key]: current };
      const change = { set: { [key]: value }, remove: [] };
      const written = await writeConfirmed(deps, target, change, before, { summary: 'key' });
      if (!written) throw notConfirmed();
      if (written.outcome.failed.length > 0) throw new Error(failureMessage(written.target, written.outcome));
      return true;
    }),
  );
}
