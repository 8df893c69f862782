import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { EcsError } from '../core';
import { describeError } from '../errors/userMessage';
import { showError } from './registerCommand';
import { confirmDelete } from '../metadata/confirmChange';
import { asKeyTarget, type KeyTarget } from '../metadata/keyTarget';
import { readKeyFresh } from '../metadata/readFresh';
import { reportWrite } from '../metadata/reportWrite';
import type { EditDeps } from './editDeps';
import { pickKeyTarget } from './pickers/pickKeyTarget';
import { notConfirmed, writeArguments } from './scriptArguments';

/**
 * `ecsMetadata.deleteKey` (a key in the tree, or the palette) and `ecsMetadata.deleteMetadataKey`
 * `{ profile, serverId, key }` (scripts). Both read the key fresh and ask with a modal naming server,
 * key and current value. The script form resolves to true once deleted and rejects with a
 * `cancelled` error when declined.
 */
export function registerDeleteKey(deps: EditDeps): vscode.Disposable[] {
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

  return [
    vscode.commands.registerCommand(CommandId.deleteKey, async (arg?: unknown) => {
      const target = asKeyTarget(arg) ?? (await pickKeyTarget(deps.profiles, deps.clients));
      if (!target) return false;
      try {
        return await deleteConfirmed(target);
      } catch (err) {
        void showError(err, { profile: target.profile, serverId: target.serverId, key: target.key });
        return false;
      }
    }),
    vscode.commands.registerCommand(CommandId.deleteMetadataKey, async (arg?: unknown) => {
      const { profile, serverId, key } = writeArguments(arg, false);
      const target = { profile, serverId, key };
      let deleted: boolean;
      try {
        deleted = await deleteConfirmed(target);
      } catch (err) {
        throw new Error(describeError(err, target).message);
      }
      if (!deleted) throw notConfirmed();
      return true;
    }),
  ];
}
