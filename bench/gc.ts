/**
 * A full-GC function for heap measurements: `global.gc` under `node --expose-gc`, otherwise the same
 * function obtained at run time (V8 flag set late, `gc` read from a fresh context), so `npm run bench`
 * measures heap whichever way it was started. Undefined only if V8 refuses both.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let cached: (() => void) | undefined;

export function fullGc(): (() => void) | undefined {
  if (cached) return cached;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (cached = exposed);
  try {
    v8.setFlagsFromString('--expose-gc');
    const late: unknown = vm.runInNewContext('gc');
    if (typeof late === 'function') cached = late as () => void;
  } catch {
    // No way to force a GC: heap figures are reported as unavailable.
  }
  return cached;
}
