import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { EcsError } from '../core';
import { registerCommand } from './registerCommand';
import { confirmDelete } from '../metadata/confirmChange';
import { asKeyTarget, type KeyTarget } from '../metadata/keyTarget';
import { readKeyFresh } from '../metadata/readFresh';
import { reportWrite } from '../metadata/reportWrite';
import type { CommandDeps } from './commandDeps';
import { pickKeyTarget } from './pickers/pickKeyTarget';
import { notConfirmed, writeArguments } from './scriptArguments';

/**
 * `ecsMetadata.deleteKey` (a key in the tree, or the palette) and `ecsMetadata.deleteMetadataKey`
 * `{ profile, serverId, key }` (scripts). Both read the key fresh and ask with a modal naming server,
 * key and current value. The script form resolves to true once deleted and rejects with a
 * `cancelled` error when declined.
 */
export function registerDeleteKey(deps: CommandDeps): vscode.Disposable {
  /** True when deleted, false when declined; throws what went wrong. */
  async function deleteConfirmed(target: KeyTarget): Promise<boolean> {
    const current = await readKeyFresh(deps.clients, target, target.key);
    if (current === undefined) {
      throw new EcsError('keyNotFound', `The key "${target.key}" is not set on server ${target.serverId}.`);
    }
    if (!(await confirmDelete(target, target.key, current))) return false;
    const outcome = await deps.writer.apply(
      target,
      { set: {}, remove: [target.key] },
      { [target.key]: current },
    );
    if (outcome.failed.length > 0) throw outcome.failed[0].error;
    reportWrite(target, outcome);
    return true;
  }

  return vscode.Disposable.from(
    registerCommand(CommandId.deleteKey, async (call) => {
      const target =
        asKeyTarget(call.arg) ??
        (await pickKeyTarget(deps.profiles, deps.clients, vscode.l10n.t('Delete Key')));
      if (!target) return false;
      call.subject = { profile: target.profile, serverId: target.serverId, key: target.key };
      return deleteConfirmed(target);
    }),
    registerCommand(CommandId.deleteMetadataKey, async (call) => {
      const target = writeArguments(call.arg, false);
      call.subject = { profile: target.profile, serverId: target.serverId, key: target.key };
      if (!(await deleteConfirmed(target))) throw notConfirmed();
      return true;
    }),
  );
}
