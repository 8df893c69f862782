import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import { InputError } from '../errors/inputError';
import type { ProfileStore } from '../profiles/profileStore';
import { settings } from '../settings/settings';
import { keyChanges, type KeyChange, type MetadataChange } from './metadataChange';
import { serverLabel, type ServerTarget } from '../core';
import type { MetadataWriter, WriteOutcome } from './metadataWriter';
import type { HistoryStep } from './changeHistory';
import { consequenceOf, isProtectedKey, type Consequence } from './protectedKeys';
import { MASKED_VALUE } from './valuePreview';

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
 * for a document (Change the metadata…), `none` when the person already confirmed this very change
 * (Enter in Set Value's or Add Key's box), or a question of its own (Undo, Redo) given the server's
 * label, with its button and lines shown before the changes.
 */
export type SummaryModal = 'key' | 'change' | 'none' | OwnQuestion;

export interface OwnQuestion {
  question: (server: string) => string;
  button: string;
  lines?: string[];
}

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

/**
 * The one way a command writes: names the server as identifyServer does, asks (confirmWrite), then
 * writes (`step`: as the undo or redo of a change in the history). Undefined when something asked
 * was declined; otherwise the named server and the outcome, for reportWrite.
 */
export async function writeConfirmed(
  deps: ServerDirectory & { writer: MetadataWriter },
  target: ServerTarget,
  change: MetadataChange,
  before: Record<string, string>,
  options: { summary: SummaryModal; step?: HistoryStep },
): Promise<{ target: ServerTarget; outcome: WriteOutcome } | undefined> {
  const named = await identifyServer(deps, target);
  if (!(await confirmWrite(named, change, before, options))) return undefined;
  return { target: named, outcome: await deps.writer.apply(named, change, before, options.step) };
}

async function confirmSummary(
  target: ServerTarget,
  changes: KeyChange[],
  ask: SummaryModal,
): Promise<boolean> {
  if (typeof ask === 'object') {
    const lines = [profileLine(target), ...(ask.lines ?? []), ...changes.map(changeLine)];
    return askModal(ask.question(serverLabel(target)), lines, ask.button);
  }
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

/**
 * What changing the protected `key` does, in one sentence: on one server ("…of server web-01 (…)")
 * or, for a bulk change, on `each` server of the batch.
 */
export function consequence(key: string, on: ServerTarget | 'each'): string {
  const server = on === 'each' ? vscode.l10n.t('each server') : vscode.l10n.t('server {0}', serverLabel(on));
  return consequenceTexts[consequenceOf(key)](server);
}

/** Each consequence's sentence, given the server (or "each server") it is about. */
const consequenceTexts: Record<Consequence, (server: string) => string> = {
  agency: (server) =>
    vscode.l10n.t('Changes the IAM agency of {0}: what software on it may do in your account.', server),
  billing: (server) =>
    vscode.l10n.t(
      'Read by Huawei Cloud billing for {0}: a changed value may bill it wrongly or break its orders and renewals.',
      server,
    ),
  lock: (server) =>
    vscode.l10n.t(
      'Records a lock or freeze another service set on {0}: changing it may release or break that hold.',
      server,
    ),
  refused: () =>
    vscode.l10n.t('The cloud allows no one to add, change or delete this key: it will refuse the write.'),
  system: (server) =>
    vscode.l10n.t(
      'Set by the cloud for {0}; other services read it, and a changed value may break them.',
      server,
    ),
};

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
