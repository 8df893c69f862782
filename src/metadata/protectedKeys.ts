/**
 * Keys the cloud sets itself (Huawei's "system" metadata, ecs-api.md §10): which keys of a server are
 * protected, and what changing one does. Pure (no `vscode`), so it is tested under plain Node; the
 * globs come from the `ecsMetadata.protectedKeys` setting (its default in `settings/protectedKeyDefaults.ts`).
 */
import { hasOwn, type MetadataChange } from './metadataChange';
import { globMatches, type GlobPart } from '../find/query/globMatch';

/** What changing a protected key does, for the confirmation's consequence line. */
export type Consequence = 'agency' | 'billing' | 'lock' | 'refused' | 'system';

export function consequenceOf(key: string): Consequence {
  if (key === 'agency_name') return 'agency';
  if (key === 'charging_mode' || key.startsWith('metering.')) return 'billing';
  if (key.startsWith('lock') || key === 'EcmResStatus') return 'lock';
  if (key === 'virtual_env_type') return 'refused';
  return 'system';
}

/** True when `key` matches one of `globs` (each `*` any run of characters, `?` one character). */
export function isProtectedKey(key: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globMatchesText(glob, key));
}

/** The protected keys a change sets or removes, sorted. */
export function protectedKeysOf(change: MetadataChange, globs: readonly string[]): string[] {
  return [...Object.keys(change.set), ...change.remove].filter((key) => isProtectedKey(key, globs)).sort();
}

/** The protected keys whose value differs between `before` and `after` (added, changed or removed). */
export function changedProtectedKeys(
  before: Record<string, string>,
  after: Record<string, string>,
  globs: readonly string[],
): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => hasOwn(before, key) !== hasOwn(after, key) || before[key] !== after[key])
    .filter((key) => isProtectedKey(key, globs))
    .sort();
}

/** A setting's glob as the find's matcher takes it: `*` any run, `?` any one character, the rest itself. */
function globParts(glob: string): GlobPart[] {
  return Array.from(glob, (char): GlobPart =>
    char === '*' ? { kind: 'anyRun' } : char === '?' ? { kind: 'anyOne' } : { kind: 'char', char },
  );
}

/** Whether `text` matches `glob`, with the find's matcher (no backtracking: a setting cannot freeze the host). */
export function globMatchesText(glob: string, text: string): boolean {
  return globMatches(globParts(glob), text);
}
