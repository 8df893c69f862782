/**
 * Where a metadata JSON document shows protected keys: every protected key in it (unchanged: a mark;
 * changed or added: a warning), and protected keys of the server the document no longer has (a
 * warning on the document's first character). Pure, so it is tested under plain Node.
 */
import { hasOwn } from './metadataChange';
import { topLevelMembers } from './metadataDocument';
import { isProtectedKey } from './protectedKeys';

export interface ProtectedKeyMark {
  start: number;
  end: number;
  key: string;
  /** `kept`: as the server has it; `changed`: added or given another value; `removed`: gone from the document. */
  state: 'kept' | 'changed' | 'removed';
}

/** The marks of `text` (which must parse as a JSON object), against `base`, the server's metadata it was read from. */
export function protectedKeyMarks(
  text: string,
  base: Record<string, string>,
  globs: readonly string[],
): ProtectedKeyMark[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
  const marks: ProtectedKeyMark[] = [];
  const present = new Set<string>();
  for (const { key, keyStart, keyEnd, valueStart, valueEnd } of topLevelMembers(text)) {
    present.add(key);
    if (!isProtectedKey(key, globs)) continue;
    const value = JSON.parse(text.slice(valueStart, valueEnd)) as unknown;
    const kept = hasOwn(base, key) && base[key] === value;
    marks.push({ start: keyStart, end: keyEnd, key, state: kept ? 'kept' : 'changed' });
  }
  const start = Math.max(0, text.indexOf('{'));
  for (const key of Object.keys(base).sort()) {
    if (!present.has(key) && isProtectedKey(key, globs)) {
      marks.push({ start, end: start + 1, key, state: 'removed' });
    }
  }
  return marks;
}
