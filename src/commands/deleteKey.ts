import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import { EcsError } from '../core';
import { registerCommand, type CommandCall } from './registerCommand';
import { mayChangeProtected, refuseUnpermitted, writeConfirmed } from '../metadata/confirmChange';
import { asKeyTarget, type KeyTarget } from '../metadata/keyTarget';
import { readKeyFresh } from '../metadata/readFresh';
import { reportWrite } from '../metadata/reportWrite';
import type { CommandDeps } from './commandDeps';
import { pickKeyTarget } from './pickers/pickKeyTarget';
import { notConfirmed, writeArguments } from './scriptArguments';

/**
 * `ecsMetadata.deleteKey` (a key in the tree, or the palette) and `ecsMetadata.deleteMetadataKey`
 * `{ profile, serverId, key, allowProtected? }` (scripts). Both read the key fresh and ask with a modal
 * naming profile, server, key and current value, and — for a protected key — a second one naming what
 * deleting it does (a script without `allowProtected: true` is refused before anything is read). The
 * script form resolves to true once deleted and rejects with a `cancelled` error when declined.
 */
export function registerDeleteKey(deps: CommandDeps): vscode.Disposable {
  /** True when deleted, false when declined; throws what went wrong. */
  async function deleteConfirmed(target: KeyTarget, call: CommandCall): Promise<boolean> {
    refuseUnpermitted([target.key], mayChangeProtected(call));
    const current = await readKeyFresh(deps.clients, target, target.key);
    if (current === undefined) {
      throw new EcsError('keyNotFound', `The key "${target.key}" is not set on server ${target.serverId}.`);
    }
    const change = { set: {}, remove: [target.key] };
    const written = await writeConfirmed(deps, target, change, { [target.key]: current }, { summary: 'key' });
    if (!written) return false;
    if (written.outcome.failed.length > 0) throw written.outcome.failed[0].error;
    reportWrite(written.target, written.outcome);
    return true;
  }

  return vscode.Disposable.from(
    registerCommand(CommandId.deleteKey, async (call) => {
      const target =
        asKeyTarget(call.arg) ??
        (await pickKeyTarget(deps.profiles, deps.clients, vscode.l10n.t('Delete Key')));
      if (!target) return false;
      call.subject = { profile: target.profile, serverId: target.serverId, key: target.key };
      return deleteConfirmed(target, call);
    }),
    registerCommand(CommandId.deleteMetadataKey, async (call) => {
      const target = writeArguments(call.arg, false);
      call.subject = { profile: target.profile, serverId: target.serverId, key: target.key };
      if (!(await deleteConfirmed(target, call))) throw notConfirmed();
      return true;
    }),
  );
}
