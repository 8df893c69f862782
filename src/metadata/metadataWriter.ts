import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import type { ServerTarget } from '../core';
import { ChangeHistory, type HistoryStep } from './changeHistory';
import { hasOwn, keyChanges, putOwn, type MetadataChange } from './metadataChange';

export interface WriteOutcome {
  /** Keys whose write succeeded. */
  written: string[];
  /** The keys of `written` that were deleted (the others were set). */
  deleted: string[];
  /** Keys whose write failed, with why. */
  failed: { key: string; error: unknown }[];
  /**
   * Every key of the server after the write, as the server answered it: set only when the whole
   * change was written and a merge answered with all keys (the merge's answer minus the keys deleted
   * after it). Undefined otherwise: whoever shows the server's state then reads it again.
   */
  after?: Record<string, string>;
}

export interface MetadataWritten {
  target: ServerTarget;
  /** Keys written (set or removed). */
  keys: string[];
  /** The server's metadata after the write, when known without reading it (see WriteOutcome.after). */
  after?: Record<string, string>;
}

/**
 * Writes confirmed changes: one set (a single key) or one merge (several) for the keys to set, one
 * delete per key to remove. Records each write in the session's history (in memory), so it can be
 * undone and redone, and tells listeners (tree, panel) which keys changed — and, when the merge's answer gives it, the
 * server's whole state after, so they need not read it again.
 */
export class MetadataWriter implements vscode.Disposable {
  /** What Undo Last Metadata Change takes back (and Redo puts back). */
  readonly history = new ChangeHistory();
  private readonly written = new vscode.EventEmitter<MetadataWritten>();
  readonly onDidWrite: vscode.Event<MetadataWritten> = this.written.event;

  constructor(private readonly clients: ClientProvider) {}

  /**
   * `before` is the server's metadata the change was computed against (read fresh by the caller);
   * `step` is set when this write is the undo or redo of a change in the history.
   */
  async apply(
    target: ServerTarget,
    change: MetadataChange,
    before: Record<string, string>,
    step?: HistoryStep,
  ): Promise<WriteOutcome> {
    const client = await this.clients.get(target.profile, target.region);
    const written: string[] = [];
    const failed: WriteOutcome['failed'] = [];
    const setKeys = Object.keys(change.set);
    /** All keys after the merge, as its answer says (a single set or no set answers no such thing). */
    let merged: Record<string, string> | undefined;
    try {
      if (setKeys.length === 1) {
        await client.setMetadataItem(target.serverId, setKeys[0], change.set[setKeys[0]]);
      } else if (setKeys.length > 1) {
        merged = await client.updateMetadata(target.serverId, change.set);
      }
      written.push(...setKeys);
    } catch (error) {
      failed.push(...setKeys.map((key) => ({ key, error })));
    }
    for (const key of change.remove) {
      try {
        await client.deleteMetadataItem(target.serverId, key);
        written.push(key);
      } catch (error) {
        failed.push({ key, error });
      }
    }
    const after = failed.length === 0 && merged ? withoutKeys(merged, change.remove) : undefined;
    if (written.length > 0) {
      const entry = { target, at: new Date(), keys: keyChanges(change, before) };
      this.history.record(step ?? { step: 'change', entry }, written);
      this.written.fire(after ? { target, keys: written, after } : { target, keys: written });
    }
    const deleted = written.filter((key) => !hasOwn(change.set, key));
    return after ? { written, deleted, failed, after } : { written, deleted, failed };
  }

  /** Tells listeners of a write made elsewhere (a bulk change), so every view of the server catches up. */
  announce(written: MetadataWritten): void {
    this.written.fire(written);
  }

  dispose(): void {
    this.written.dispose();
  }
}

/** `metadata` without `keys` (a copy; `__proto__` stays an ordinary key). */
function withoutKeys(metadata: Record<string, string>, keys: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) if (!keys.includes(key)) putOwn(kept, key, value);
  return kept;
}
