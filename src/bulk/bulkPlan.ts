/**
 * The plan of a bulk metadata change, made before anything is written: for each server, the keys to set
 * (with their old values) and the keys to remove that it holds; servers already in the asked state are
 * `unchanged` and get no request. Pure: the VS Code layer, scripts and the bench all use it.
 */
import { MAX_METADATA_VALUE_LENGTH, characterCount, metadataKeyProblem, type InputProblem } from '../core';
import { hasOwn, putOwn } from '../metadata/metadataChange';

/** What a person or a script asks of every server: keys to set, keys to remove. */
export interface BulkRequest {
  set: Record<string, string>;
  remove: string[];
}

/** One server the change may apply to, with its metadata as listed (the find's own listing). */
export interface BulkTarget {
  profile: string;
  region?: string;
  serverId: string;
  name: string;
  metadata: Record<string, string>;
}

/** What one server gets: the keys set (new values), the keys removed, and the old value of each. */
export interface ServerPlan {
  profile: string;
  region?: string;
  serverId: string;
  name: string;
  /** Keys the merge sets, with their new values; empty when only removals are needed. */
  set: Record<string, string>;
  /** Keys removed (each one DELETE); only keys the server holds. */
  remove: string[];
  /** The old value of every key in `set` that existed and of every key in `remove`. */
  before: Record<string, string>;
}

export interface BulkPlan {
  /** Servers that need at least one request. */
  changes: ServerPlan[];
  /** Servers already in the asked state: no request. */
  unchanged: BulkTarget[];
}

/**
 * Why a bulk request cannot be written, as a code the VS Code layer words: a key ECS does not allow
 * (the core's own key problem), a value over the limit, a key both set and removed, nothing to do.
 */
export type BulkRequestProblem =
  | { code: 'key'; problem: InputProblem }
  | { code: 'valueTooLong'; key: string; length: number }
  | { code: 'setAndRemoved'; key: string }
  | { code: 'nothingToChange' };

/**
 * Checks the request before anything is read or written: keys and values within ECS's limits, no key
 * both set and removed, something to do. The first problem found, in that order; undefined when fine.
 */
export function bulkRequestProblem(request: BulkRequest): BulkRequestProblem | undefined {
  for (const [key, value] of Object.entries(request.set)) {
    const problem = metadataKeyProblem(key);
    if (problem) return { code: 'key', problem };
    const length = characterCount(value);
    if (length > MAX_METADATA_VALUE_LENGTH) return { code: 'valueTooLong', key, length };
  }
  for (const key of request.remove) {
    const problem = metadataKeyProblem(key);
    if (problem) return { code: 'key', problem };
    if (hasOwn(request.set, key)) return { code: 'setAndRemoved', key };
  }
  if (Object.keys(request.set).length === 0 && request.remove.length === 0)
    return { code: 'nothingToChange' };
  return undefined;
}

/** The plan for `targets`: only what differs from what each server holds. */
export function planBulk(targets: readonly BulkTarget[], request: BulkRequest): BulkPlan {
  const changes: ServerPlan[] = [];
  const unchanged: BulkTarget[] = [];
  const removeKeys = [...new Set(request.remove)];
  for (const target of targets) {
    const set: Record<string, string> = {};
    const before: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.set)) {
      const has = hasOwn(target.metadata, key);
      if (has && target.metadata[key] === value) continue;
      putOwn(set, key, value);
      if (has) putOwn(before, key, target.metadata[key] as string);
    }
    const remove = removeKeys.filter((key) => hasOwn(target.metadata, key));
    for (const key of remove) putOwn(before, key, target.metadata[key] as string);
    if (Object.keys(set).length === 0 && remove.length === 0) {
      unchanged.push(target);
      continue;
    }
    changes.push({
      profile: target.profile,
      ...(target.region !== undefined ? { region: target.region } : {}),
      serverId: target.serverId,
      name: target.name,
      set,
      remove,
      before,
    });
  }
  return { changes, unchanged };
}

/** Whether `metadata` already holds what `plan` writes (every set key at its value, every removed key gone). */
export function holdsPlan(
  metadata: Record<string, string>,
  plan: Pick<ServerPlan, 'set' | 'remove'>,
): boolean {
  for (const [key, value] of Object.entries(plan.set)) {
    if (!hasOwn(metadata, key) || metadata[key] !== value) return false;
  }
  return plan.remove.every((key) => !hasOwn(metadata, key));
}
