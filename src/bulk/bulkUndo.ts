/**
 * Undo of a batch: each changed key goes back to its old value (or away, when the batch added it;
 * back, when the batch removed it) on servers that still hold exactly what the batch wrote. A server
 * where someone changed one of those keys since is a conflict and left alone, whole. Pure.
 */
import { hasOwn, putOwn } from '../metadata/metadataChange';
import type { ServerPlan } from './bulkPlan';

export interface UndoPlan {
  /** Plans that put the old values back, one per server that can be undone. */
  changes: ServerPlan[];
  /** Servers changed since the batch: the keys that no longer hold what the batch wrote. */
  conflicts: { plan: ServerPlan; keys: string[] }[];
}

/**
 * @param written the plans of the servers the batch changed
 * @param current each of those servers' metadata now (missing: the server could not be read — a conflict)
 */
export function planUndo(
  written: readonly ServerPlan[],
  current: (plan: ServerPlan) => Record<string, string> | undefined,
): UndoPlan {
  const changes: ServerPlan[] = [];
  const conflicts: UndoPlan['conflicts'] = [];
  for (const plan of written) {
    const now = current(plan);
    if (now === undefined) {
      conflicts.push({ plan, keys: [...Object.keys(plan.set), ...plan.remove] });
      continue;
    }
    const moved = [
      ...Object.keys(plan.set).filter((key) => !hasOwn(now, key) || now[key] !== plan.set[key]),
      ...plan.remove.filter((key) => hasOwn(now, key)),
    ];
    if (moved.length > 0) {
      conflicts.push({ plan, keys: moved });
      continue;
    }
    const set: Record<string, string> = {};
    const remove: string[] = [];
    const before: Record<string, string> = {};
    for (const key of Object.keys(plan.set)) {
      putOwn(before, key, plan.set[key] as string);
      if (hasOwn(plan.before, key)) putOwn(set, key, plan.before[key] as string);
      else remove.push(key);
    }
    for (const key of plan.remove) putOwn(set, key, plan.before[key] as string);
    changes.push({
      profile: plan.profile,
      ...(plan.region !== undefined ? { region: plan.region } : {}),
      serverId: plan.serverId,
      name: plan.name,
      set,
      remove,
      before,
    });
  }
  return { changes, conflicts };
}
