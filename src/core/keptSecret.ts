/**
 * Where a client keeps one secret between runs (a password client's IAM token, a temporary or agency
 * client's temporary AK/SK). The core only reads and writes through this interface; the editor backs
 * it with its secret store. A kept secret is an optimisation, never a reason for an error: the core
 * uses it only through the quiet functions here, which treat a failing store as an empty one.
 */
export interface KeptSecret<T> {
  /** What is kept, or undefined. */
  load(): Promise<T | undefined>;
  save(value: T): Promise<void>;
  /** Drops what is kept (after a 401 or when it no longer applies). */
  clear(): Promise<void>;
}

/** What is kept, if `parse` accepts it as read back from storage; undefined on any failure. */
export async function loadQuietly<T>(
  store: KeptSecret<T> | undefined,
  parse: (value: unknown) => T | undefined,
): Promise<T | undefined> {
  if (!store) return undefined;
  try {
    return parse(await store.load());
  } catch {
    return undefined;
  }
}

export function saveQuietly<T>(store: KeptSecret<T> | undefined, value: T): Promise<void> {
  return quietly(() => store?.save(value));
}

export function clearQuietly(store: KeptSecret<unknown> | undefined): Promise<void> {
  return quietly(() => store?.clear());
}

/** Runs `write`, swallowing a rejection and a synchronous throw alike. */
function quietly(write: () => Promise<void> | undefined): Promise<void> {
  try {
    return (write() ?? Promise.resolve()).catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}
