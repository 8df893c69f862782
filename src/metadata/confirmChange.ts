import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import { isRecord } from '../core';
import { InputError } from '../errors/inputError';
import type { ProfileStore } from '../profiles/profileStore';
import { settings } from '../settings/settings';
import { keyChanges, type KeyChange, type MetadataChange } from './metadataChange';
import type { MetadataWriter, ServerTarget, WriteOutcome } from './metadataWriter';
import { consequenceOf, isProtectedKey } from './protectedKeys';
import { MASKED_VALUE } from './valuePreview';

/** "web-01 (3f1c…)" or the id alone. */
export function serverLabel(target: ServerTarget): string {
  return target.serverName ? `${target.serverName} (${target.serverId})` : target.serverId;
}

/** Where a confirmation learns the server's name: the person's settings, else the cloud. */
export interface ServerDirectory {
  profiles: ProfileStore;
  clients: ClientProvider;
}

/**
 * `target` named as the person's settings (a configured server's name) or the cloud know it, never
 * by the name the caller passed: confirmations show this name. When neither answers, the id alone.
 */
export async function identifyServer(
  directory: ServerDirectory,
  target: ServerTarget,
): Promise<ServerTarget> {
  const known: ServerTarget = {
    profile: target.profile,
    ...(target.region ? { region: target.region } : {}),
    serverId: target.serverId,
  };
  const configured = directory.profiles
    .get(target.profile)
    ?.servers.find(
      (s) => s.id === target.serverId && (!s.region || !target.region || s.region === target.region),
    );
  if (configured?.name) return { ...known, serverName: configured.name };
  try {
    const client = await directory.clients.get(target.profile, target.region);
    const { name } = await client.getServer(target.serverId);
    return name ? { ...known, serverName: name } : known;
  } catch {
    return known;
  }
}

/**
 * How the first modal asks: `key` for one key (Set… / Delete… with the key in the question), `change`
 * for a document or an undo (Change the metadata…), `none` when the person already confirmed this
 * very change (Enter in Set Value's or Add Key's box).
 */
export type SummaryModal = 'key' | 'change' | 'none';

/**
 * Asks before a write: the modal summary (see SummaryModal) and then, when the change touches a protected key, a second and
 * separate modal naming each such key and what changing it does. `target` must come from
 * identifyServer. True when everything asked was confirmed.
 */
export async function confirmWrite(
  target: ServerTarget,
  change: MetadataChange,
  before: Record<string, string>,
  options: { summary: SummaryModal },
): Promise<boolean> {
  const changes = keyChanges(change, before);
  if (options.summary !== 'none' && !(await confirmSummary(target, changes, options.summary))) return false;
  const globs = settings.protectedKeys();
  const guarded = changes.filter((c) => isProtectedKey(c.key, globs));
  return guarded.length === 0 || confirmProtected(target, guarded);
}

/**
 * A script's write of a protected key without `allowProtected: true`: refused at once, naming the
 * key, before any modal or request. Nothing to refuse for a person (who is asked instead).
 */
export function refuseUnpermitted(keys: readonly string[], permitted: boolean): void {
  if (permitted) return;
  const globs = settings.protectedKeys();
  const key = keys.find((k) => isProtectedKey(k, globs));
  if (key !== undefined) throw protectedKeyRefusal(key);
}

export function protectedKeyRefusal(key: string): InputError {
  return new InputError(
    vscode.l10n.t(
      'The key "{0}" is a system key set by the cloud (setting ecsMetadata.protectedKeys). A script must pass allowProtected: true to change it. Nothing was written.',
      key,
    ),
  );
}

/** True when the caller may change protected keys (after the modal): a person, or a script that passed `allowProtected: true`. */
export function mayChangeProtected(call: { byPerson: boolean; arg: unknown }): boolean {
  return call.byPerson || (isRecord(call.arg) && call.arg.allowProtected === true);
}

/**
 * The one way a command writes: names the server as identifyServer does, asks (confirmWrite), then
 * writes. Undefined when something asked was declined; otherwise the named server and the outcome,
 * for reportWrite.
 */
export async function writeConfirmed(
  deps: ServerDirectory & { writer: MetadataWriter },
  target: ServerTarget,
  change: MetadataChange,
  before: Record<string, string>,
  options: { summary: SummaryModal },
): Promise<{ target: ServerTarget; outcome: WriteOutcome } | undefined> {
  const named = await identifyServer(deps, target);
  if (!(await confirmWrite(named, change, before, options))) return undefined;
  return { target: named, outcome: await deps.writer.apply(named, change, before) };
}

async function confirmSummary(
  target: ServerTarget,
  changes: KeyChange[],
  ask: SummaryModal,
): Promise<boolean> {
  const only = ask === 'key' && changes.length === 1 ? changes[0] : undefined;
  const [message, button] =
    only && only.after !== undefined
      ? [
          vscode.l10n.t('Set metadata key "{0}" of server {1}?', only.key, serverLabel(target)),
          vscode.l10n.t('Set'),
        ]
      : only && only.after === undefined
        ? [
            vscode.l10n.t('Delete metadata key "{0}" of server {1}?', only.key, serverLabel(target)),
            vscode.l10n.t('Delete'),
          ]
        : [vscode.l10n.t('Change the metadata of server {0}?', serverLabel(target)), vscode.l10n.t('Write')];
  return askModal(message, [profileLine(target), ...changes.map(changeLine)], button);
}

async function confirmProtected(target: ServerTarget, changes: KeyChange[]): Promise<boolean> {
  const message =
    changes.length === 1
      ? vscode.l10n.t('Change system key "{0}" of server {1}?', changes[0].key, serverLabel(target))
      : vscode.l10n.t('Change {0} system keys of server {1}?', changes.length, serverLabel(target));
  const lines = [profileLine(target)];
  for (const change of changes) lines.push(changeLine(change), consequence(change.key, target));
  lines.push(
    vscode.l10n.t('The cloud sets system keys itself (setting ecsMetadata.protectedKeys). Change anyway?'),
  );
  return askModal(message, lines, vscode.l10n.t('Change System Key'));
}

/** A modal with `lines` as its detail (saying so when values are masked); true when `button` was pressed. */
async function askModal(message: string, lines: string[], button: string): Promise<boolean> {
  const masked = settings.maskValues() ? [vscode.l10n.t('Values are hidden because Mask Values is on.')] : [];
  const detail = [...lines, ...masked].join('\n');
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, button)) === button;
}

/** What changing the protected `key` does, in one sentence. */
export function consequence(key: string, target: ServerTarget): string {
  const server = serverLabel(target);
  switch (consequenceOf(key)) {
    case 'agency':
      return vscode.l10n.t(
        'Changes the IAM agency of server {0}: what software on it may do in your account.',
        server,
      );
    case 'billing':
      return vscode.l10n.t(
        'Read by Huawei Cloud billing for server {0}: a changed value may bill it wrongly or break its orders and renewals.',
        server,
      );
    case 'lock':
      return vscode.l10n.t(
        'Records a lock or freeze another service set on server {0}: changing it may release or break that hold.',
        server,
      );
    case 'refused':
      return vscode.l10n.t(
        'The cloud allows no one to add, change or delete this key: it will refuse the write.',
      );
    case 'system':
      return vscode.l10n.t(
        'Set by the cloud for server {0}; other services read it, and a changed value may break them.',
        server,
      );
  }
}

function profileLine(target: ServerTarget): string {
  return target.region
    ? vscode.l10n.t('Profile: {0} (region {1})', target.profile, target.region)
    : vscode.l10n.t('Profile: {0}', target.profile);
}

/** `key: "old" → "new"`, `(new key)` or `(deleted)` for the missing side; masked values as ••••••. */
function changeLine(change: KeyChange): string {
  const masked = settings.maskValues();
  const shown = (value: string): string => (masked ? MASKED_VALUE : JSON.stringify(value));
  return vscode.l10n.t(
    '{0}: {1} → {2}',
    change.key,
    change.before === undefined ? vscode.l10n.t('(new key)') : shown(change.before),
    change.after === undefined ? vscode.l10n.t('(deleted)') : shown(change.after),
  );
}
