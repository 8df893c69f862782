/** One server as the exports see it. Pure: no `vscode`. */
export interface ExportedServer {
  id: string;
  name: string;
  /** The server's region, from a profile of several regions. */
  region?: string;
  metadata: Record<string, string>;
}

/** A copy of `metadata` with its keys in code-point order, so documents and diffs are stable. */
export function sortedMetadata(metadata: Record<string, string>): Record<string, string> {
  const keys = Object.keys(metadata).sort(byCodePoint);
  // defineProperty keeps a key named `__proto__` a plain key.
  const sorted: Record<string, string> = {};
  for (const key of keys) {
    Object.defineProperty(sorted, key, {
      value: metadata[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}

/** Code-unit order: the same on every machine, unlike a locale's. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
