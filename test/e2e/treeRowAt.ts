/**
 * A side-bar tree row found by its path of labels (profile, server, key), for when the same label
 * shows under several profiles or servers. The tree is a virtual list: rows are placed by their
 * `data-index`, not by their order in the DOM, and carry their depth in `aria-level`.
 */
import type { Locator, Page } from 'playwright-core';
import { eventually } from './workbench';

const rowSelector = '.part.sidebar .monaco-list-row[role="treeitem"]';

interface RenderedRow {
  index: number;
  level: number;
  label: string;
}

/**
 * The `data-index` of the row at `path` — `path[0]` a top-level row, each next label one of the
 * children of the row before — or undefined while it is not rendered.
 */
async function indexOf(page: Page, path: readonly string[]): Promise<number | undefined> {
  const rows: RenderedRow[] = await page.locator(rowSelector).evaluateAll((elements) =>
    elements.map((el) => ({
      index: Number(el.getAttribute('data-index')),
      level: Number(el.getAttribute('aria-level')),
      label: el.querySelector('.label-name')?.textContent ?? '',
    })),
  );
  rows.sort((a, b) => a.index - b.index);
  let from = 0;
  let parentLevel = 0;
  let found: RenderedRow | undefined;
  for (const label of path) {
    found = undefined;
    for (let i = from; i < rows.length; i++) {
      const row = rows[i];
      if (row.level <= parentLevel) break; // past the parent's children
      if (row.level === parentLevel + 1 && row.label === label) {
        found = row;
        from = i + 1;
        break;
      }
    }
    if (!found) return undefined;
    parentLevel = found.level;
  }
  return found?.index;
}

/** The row at `path` (see `indexOf`), once it is rendered. */
export async function treeRowAt(page: Page, path: readonly string[]): Promise<Locator> {
  const index = await eventually(
    () => indexOf(page, path),
    (i) => i !== undefined,
    `the tree row ${path.join(' › ')}`,
  );
  return page.locator(`${rowSelector}[data-index="${index}"]`);
}

/** The description (value preview) the row at `path` shows now, or undefined while it is not rendered. */
export async function treeRowDescription(page: Page, path: readonly string[]): Promise<string | undefined> {
  const index = await indexOf(page, path);
  if (index === undefined) return undefined;
  const description = page.locator(`${rowSelector}[data-index="${index}"] .label-description`);
  return (await description.count()) > 0 ? ((await description.first().textContent()) ?? '') : '';
}
