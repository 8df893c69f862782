/**
 * The session's metadata changes, newest last, for Undo Last Metadata Change: each change names its
 * server, its time and every key it wrote with the value before and after. Undo takes the newest
 * change not yet undone; an undone change waits for Redo until a new change is made. Kept in memory
 * only. Pure (no `vscode`).
 */
import { putOwn, type KeyChange, type MetadataChange } from './metadataChange';
import type { ServerTarget } from '../core';

/** One change as it was written. */
export interface HistoryEntry {
  target: ServerTarget;
  at: Date;
  /** Each key written: its value before (absent when it was new) and after (absent when deleted). */
  keys: KeyChange[];
}

/** How many changes Undo can go back. */
const HISTORY_LIMIT = 20;

/** A write that takes back `entry` of the history, or puts it back. */
export interface HistoryStep {
  step: 'undo' | 'redo';
  entry: HistoryEntry;
}

export class ChangeHistory {
  private readonly done: HistoryEntry[] = [];
  private readonly undone: HistoryEntry[] = [];

  /** The change Undo takes back: the newest not yet undone. */
  get toUndo(): HistoryEntry | undefined {
    return this.done.at(-1);
  }

  /** The change Redo puts back: the last one undone, while no new change was made since. */
  get toRedo(): HistoryEntry | undefined {
    return this.undone.at(-1);
  }

  /** Forgets every change (an integration test starts from an empty history). */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  /**
   * Records a write of the keys `written`: a new change (`entry` as it was asked), or the undo or
   * redo of an entry of this history. A new change clears what Redo could put back. Undoing or
   * redoing moves the written keys of the entry to the other list; keys that failed stay where they
   * were, so the next Undo (or Redo) offers them again.
   */
  record(write: HistoryStep | { step: 'change'; entry: HistoryEntry }, written: readonly string[]): void {
    if (written.length === 0) return;
    if (write.step === 'change') {
      this.undone.length = 0;
      this.done.push(only(write.entry, written, true));
      if (this.done.length > HISTORY_LIMIT) this.done.shift();
      return;
    }
    const [from, to] = write.step === 'undo' ? [this.done, this.undone] : [this.undone, this.done];
    const index = from.lastIndexOf(write.entry);
    if (index < 0) return;
    const left = only(write.entry, written, false);
    if (left.keys.length > 0) from[index] = left;
    else from.splice(index, 1);
    to.push(only(write.entry, written, true));
  }
}

/** `entry` with only the keys in `written` (or only the others). */
function only(entry: HistoryEntry, written: readonly string[], kept: boolean): HistoryEntry {
  return { ...entry, keys: entry.keys.filter((k) => written.includes(k.key) === kept) };
}

/** What takes `entry` back: each key to its value before, a new key removed. */
export function undoChange(entry: HistoryEntry): MetadataChange {
  return changeTo(entry.keys.map((k) => ({ key: k.key, value: k.before })));
}

/** What puts `entry` back after an undo: each key to its value after, a deleted key deleted. */
export function redoChange(entry: HistoryEntry): MetadataChange {
  return changeTo(entry.keys.map((k) => ({ key: k.key, value: k.after })));
}

function changeTo(values: { key: string; value: string | undefined }[]): MetadataChange {
  const change: MetadataChange = { set: {}, remove: [] };
  for (const { key, value } of values) {
    if (value === undefined) change.remove.push(key);
    else putOwn(change.set, key, value);
  }
  return change;
}
