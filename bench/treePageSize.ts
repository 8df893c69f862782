/**
 * The page size the server tree asks for. It lives in `src/tree/serverTreeProvider.ts`, which imports
 * `vscode` and so cannot be loaded here; the constant is read from the source instead, so the bench
 * follows the tree if it changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FALLBACK_PAGE_SIZE = 50;

export function treePageSize(root: string): { pageSize: number; source: string } {
  const file = path.join(root, 'src', 'tree', 'serverTreeProvider.ts');
  try {
    const match = /const pageSize = (\d+)/.exec(fs.readFileSync(file, 'utf8'));
    if (match) return { pageSize: Number(match[1]), source: 'src/tree/serverTreeProvider.ts' };
  } catch {
    // Fall through to the default below.
  }
  return { pageSize: FALLBACK_PAGE_SIZE, source: `fallback (pageSize not found in ${file})` };
}
