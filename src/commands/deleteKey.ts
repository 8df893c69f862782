import * as vscode from 'vscode';
import { EcsError, type KeyTarget } from '../core';
import { refuseUnpermitted, writeConfirmed } from '../metadata/confirmChange';
import { asKeyTarget } from '../metadata/keyTarget';
import { readKeyFresh } from '../metadata/readFresh';
import { reportWrite } from '../metadata/reportWrite';
import type { CommandDeps } from './commandDeps';
import { scriptCommands } from './commandArguments';
import { pickKeyTarget } from './pickers/pickKeyTarget';
import { registerDeclared } from './registerDeclared';
import { notConfirmed } from './notConfirmed';

/**
 * `ecsMetadata.deleteKey`: a key in the tree or the palette (a person), or `{ profile, serverId, key,
 * allowProtected? }` (a script; also under its old id `ecsMetadata.deleteMetadataKey`). It reads the
 * key fresh and asks with a modal naming profile, server, key and current value, and — for a
 * protected key — a second one naming what deleting it does (a script without `allowProtected: true`
 * is refused before anything is read). A person's call resolves to false when declined; a script's
 * resolves to true once deleted and rejects with a `cancelled` error when declined.
 */
export function registerDeleteKey(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.deleteKey, async (call) => {
    const target =
      call.script?.target ??
      asKeyTarget(call.arg) ??
      (await pickKeyTarget(deps.profiles, deps.clients, vscode.l10n.t('Delete Key')));
    if (!target) return false;
    call.subject = { profile: target.profile, serverId: target.serverId, key: target.key };
    const deleted = await deleteConfirmed(deps, target, call.script?.allowProtected ?? true);
    if (!deleted && call.script) throw notConfirmed();
    return deleted;
  });
}

/** True when deleted, false when declined; throws what went wrong. */
async function deleteConfirmed(
  deps: CommandDeps,
  target: KeyTarget,
  mayChangeProtected: boolean,
): Promise<boolean> {
  refuseUnpermitted([target.key], mayChangeProtected);
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
