import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { registerCommand } from './registerCommand';
import { confirmSet, serverLabel } from '../metadata/confirmChange';
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
 * `ecsMetadata.setMetadataKey` `{ profile, serverId, key, value }` (scripts): always asks with a modal
 * naming server, key, current and new value; resolves to true once written, rejects with a
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
      const outcome = await deps.writer.apply(target, { set: { [target.key]: value }, remove: [] }, before);
      reportWrite(target, outcome);
      return outcome.failed.length === 0;
    }),
    registerCommand(CommandId.setMetadataKey, async (call) => {
      const { profile, region, serverId, key, value } = writeArguments(call.arg, true);
      const target: ServerTarget = { profile, ...(region ? { region } : {}), serverId };
      call.subject = { profile, serverId, key };
      const current = await readKeyFresh(deps.clients, target, key);
      if (!(await confirmSet(target, key, value, current))) throw notConfirmed();
      const before: Record<string, string> = current === undefined ? {} : { [key]: current };
      const outcome = await deps.writer.apply(target, { set: { [key]: value }, remove: [] }, before);
      if (outcome.failed.length > 0) throw new Error(failureMessage(target, outcome));
      return true;
    }),
  );
}
