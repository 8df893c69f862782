/** A kept secret in memory, standing in for the editor's secret store; counts how often it is cleared. */
import type { KeptSecret } from '../../src/core';

export function memoryKept<T>(): KeptSecret<T> & { kept: T | undefined; clears: number } {
  const store = {
    kept: undefined as T | undefined,
    clears: 0,
    load: async () => store.kept,
    save: async (value: T) => {
      store.kept = value;
    },
    clear: async () => {
      store.clears++;
      store.kept = undefined;
    },
  };
  return store;
}
