/**
 * A change to one server's metadata, as the user confirms it and as it is written: keys to set (one
 * merge) and keys to remove (one delete each). Pure, so it is tested under plain Node.
 */

export interface MetadataChange {
  /** Keys added or changed, with their new values. */
  set: Record<string, string>;
  /** Keys removed. */
  remove: string[];
}

export interface ChangeSummary {
  added: string[];
  changed: string[];
  removed: string[];
}

/** The change that turns `before` into `after`. */
export function changeBetween(before: Record<string, string>, after: Record<string, string>): MetadataChange {
  const set: Record<string, string> = {};
  for (const [key, value] of Object.entries(after)) {
    if (!hasOwn(before, key) || before[key] !== value) putOwn(set, key, value);
  }
  const remove = Object.keys(before).filter((key) => !hasOwn(after, key));
  return { set, remove };
}

export function summarize(change: MetadataChange, before: Record<string, string>): ChangeSummary {
  const keys = Object.keys(change.set);
  return {
    added: keys.filter((k) => !hasOwn(before, k)).sort(),
    changed: keys.filter((k) => hasOwn(before, k)).sort(),
    removed: [...change.remove].sort(),
  };
}

export function isEmptyChange(change: MetadataChange): boolean {
  return Object.keys(change.set).length === 0 && change.remove.length === 0;
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** `__proto__` is an ordinary key: define it, never assign it. */
export function putOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One key of a change as a confirmation lists it: its value before (absent when new) and after (absent when deleted). */
export interface KeyChange {
  key: string;
  before?: string;
  after?: string;
}

/** Every key `change` writes, sorted, with its old and new value. */
export function keyChanges(change: MetadataChange, before: Record<string, string>): KeyChange[] {
  const keys = [...Object.keys(change.set), ...change.remove].sort();
  return keys.map((key) => {
    const old = hasOwn(before, key) ? { before: before[key] } : {};
    return hasOwn(change.set, key) ? { key, ...old, after: change.set[key] } : { key, ...old };
  });
}
