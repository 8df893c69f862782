import * as vscode from 'vscode';
import { showError } from '../errors/showError';
import { describeError } from '../errors/userMessage';
import { serverLabel, type ServerTarget } from '../core';
import type { WriteOutcome } from './metadataWriter';

/** What the write was: a change, the undo of one, or its redo. */
export type WriteKind = 'change' | 'undo' | 'redo';

/** How many characters of key names a toast lists before "+N more" and Show Details. */
const NAMES_SHOWN = 80;

/**
 * Tells the user what a write did, the key names first (a toast is cut off at its end): which keys
 * were set and which deleted — after an undo, which were restored and which removed — or, when some
 * failed, exactly which keys were written and which were not, with why the first one failed. A long
 * list ends in "+N more" with a Show Details action. Resolves when the message is shown.
 */
export function reportWrite(target: ServerTarget, outcome: WriteOutcome, kind: WriteKind = 'change'): void {
  const { failed } = outcome;
  if (failed.length === 0) {
    const short = writtenWords(outcome, kind, NAMES_SHOWN);
    const message = doneMessage(short, target, kind);
    if (short === writtenWords(outcome, kind)) {
      void vscode.window.showInformationMessage(message);
      return;
    }
    const details = vscode.l10n.t('Show Details');
    void vscode.window.showInformationMessage(message, details).then((picked) => {
      if (picked !== details) return;
      const detail = writtenParts(outcome, kind).join('\n');
      void vscode.window.showInformationMessage(detailsTitle(target, kind), { modal: true, detail });
    });
    return;
  }
  const context = { profile: target.profile, serverId: target.serverId, key: failed[0].key };
  if (outcome.written.length === 0) {
    void showError(failed[0].error, context);
    return;
  }
  void vscode.window.showErrorMessage(failureMessage(target, outcome));
}

function doneMessage(words: string, target: ServerTarget, kind: WriteKind): string {
  const server = serverLabel(target);
  switch (kind) {
    case 'change':
      return vscode.l10n.t('{0} — metadata of server {1}', words, server);
    case 'undo':
      return vscode.l10n.t('{0} — undone on server {1}', words, server);
    case 'redo':
      return vscode.l10n.t('{0} — redone on server {1}', words, server);
  }
}

function detailsTitle(target: ServerTarget, kind: WriteKind): string {
  const server = serverLabel(target);
  switch (kind) {
    case 'change':
      return vscode.l10n.t('Metadata of server {0} changed.', server);
    case 'undo':
      return vscode.l10n.t('Change undone on server {0}.', server);
    case 'redo':
      return vscode.l10n.t('Change redone on server {0}.', server);
  }
}

/** "set: env, owner; deleted: contact", each list cut to `limit` characters of names ("+2 more"). */
function writtenWords(outcome: WriteOutcome, kind: WriteKind, limit = Infinity): string {
  return writtenParts(outcome, kind, limit).join('; ');
}

function writtenParts(outcome: WriteOutcome, kind: WriteKind, limit = Infinity): string[] {
  const deleted = outcome.deleted;
  const set = outcome.written.filter((key) => !deleted.includes(key));
  const parts: string[] = [];
  if (set.length > 0) {
    const names = listed(set, limit);
    parts.push(kind === 'undo' ? vscode.l10n.t('restored: {0}', names) : vscode.l10n.t('set: {0}', names));
  }
  if (deleted.length > 0) {
    const names = listed(deleted, limit);
    parts.push(kind === 'undo' ? vscode.l10n.t('removed: {0}', names) : vscode.l10n.t('deleted: {0}', names));
  }
  return parts;
}

/** "a, b, c", or "a, b +3 more" once the names pass `limit` characters (always at least one name). */
function listed(keys: readonly string[], limit: number): string {
  let length = 0;
  let shown = 0;
  while (shown < keys.length && (shown === 0 || length + keys[shown].length <= limit)) {
    length += keys[shown].length + 2;
    shown++;
  }
  const names = keys.slice(0, shown).join(', ');
  return shown === keys.length ? names : vscode.l10n.t('{0} +{1} more', names, keys.length - shown);
}

/** The one-line account of a partial failure, also what a script's rejection says. */
export function failureMessage(target: ServerTarget, outcome: WriteOutcome): string {
  const first = outcome.failed[0];
  const why = describeError(first.error, {
    profile: target.profile,
    serverId: target.serverId,
    key: first.key,
  }).message;
  if (outcome.written.length === 0) return why;
  return vscode.l10n.t(
    'Server {0}: {1}; not written: {2}. {3}',
    serverLabel(target),
    writtenWords(outcome, 'change'),
    outcome.failed.map((f) => f.key).join(', '),
    why,
  );
}
