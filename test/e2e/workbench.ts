/**
 * How a person finds things in the VS Code workbench, as playwright locators: the activity-bar
 * entry, rows of the side bar's tree, and the content of a webview panel (an `iframe.webview`
 * holding the page in its `#active-frame`).
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
}

/** Clicks the activity-bar entry whose title starts with `title` and waits for its side bar. */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  await page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`).first().click();
  await page
    .locator('.part.sidebar .composite.title', { hasText: new RegExp(title.replace(/[^\w ]/g, '.'), 'i') })
    .waitFor();
}

/** The side-bar tree row whose label is exactly `label`. */
export function treeRow(page: Page, label: string): Locator {
  return page
    .locator('.part.sidebar .monaco-list-row[role="treeitem"]')
    .filter({ has: page.locator('.label-name').getByText(label, { exact: true }) });
}

/**
 * Moves the mouse off whatever it rests on and waits for a hover to go: a hover left by a view-title
 * action (the mouse stays where the last click was) lies over the tree rows below it and takes
 * their clicks.
 */
export async function dismissHover(page: Page): Promise<void> {
  const editor = await page.locator('.part.editor').boundingBox();
  await page.mouse.move(
    editor ? editor.x + editor.width / 2 : 640,
    editor ? editor.y + editor.height - 20 : 700,
  );
  const hover = page.locator('.context-view .hover-contents, .workbench-hover');
  const gone = await eventually(
    () => hover.count(),
    (n) => n === 0,
    'hover',
    3_000,
  ).catch(() => 1);
  if (gone !== 0) await page.keyboard.press('Escape');
}

/**
 * Clicks `row` (with `modifiers`) until its `attribute` is `want`, at most `attempts` times; resolves
 * to whether it got there. Driven by the row's state: a click on a row that is being redrawn can be
 * lost, and a hover can lie over the row and take the click, so the hover is sent away and the row
 * clicked again while its state stays.
 */
export async function clickUntil(
  row: Locator,
  attribute: 'aria-expanded' | 'aria-selected',
  want: boolean,
  options: { modifiers?: ('ControlOrMeta' | 'Shift')[]; attempts?: number } = {},
): Promise<boolean> {
  const reached = row.and(row.page().locator(`[${attribute}="${String(want)}"]`));
  for (let attempt = 0; attempt < (options.attempts ?? 5); attempt++) {
    if ((await row.getAttribute(attribute)) === String(want)) return true;
    await dismissHover(row.page());
    await row.click({ timeout: 10_000, modifiers: options.modifiers ?? [] }).catch(() => undefined);
    await reached.waitFor({ timeout: 10_000 }).catch(() => undefined);
  }
  return (await row.getAttribute(attribute)) === String(want);
}

/** Clicks a tree row until `opened` is its `aria-expanded` state; a row not in the tree is left alone when `skipMissing`. */
async function toggleTo(row: Locator, opened: boolean, skipMissing: boolean): Promise<void> {
  if (skipMissing && (await row.count()) === 0) return;
  await row.waitFor();
  if (!(await clickUntil(row, 'aria-expanded', opened))) {
    throw new Error(`the row stayed ${opened ? 'collapsed' : 'expanded'} after five clicks`);
  }
}

/** Collapses a row that is expanded; a row not in the tree, or not open, is left alone. */
export async function collapse(row: Locator): Promise<void> {
  await toggleTo(row, false, true);
}

/** Expands a collapsible row (a click toggles it) unless it is already open. */
export async function expand(row: Locator): Promise<void> {
  await toggleTo(row, true, false);
}

/** The document inside the visible webview panel. */
export function webviewContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('#active-frame');
}

/**
 * Clicks the tree row of metadata key `key` and waits until the panel shows `value`; returns the
 * panel's document. The first read may wait for the panel to open.
 */
export function openKeyInPanel(page: Page, key: string, value: string): Promise<FrameLocator> {
  return showInPanel(treeRow(page, key), value);
}

/**
 * Clicks the key row `row` until the panel shows `value` (a read is safe to repeat, and a click on a
 * row being redrawn can be lost); returns the panel's document.
 */
export async function showInPanel(row: Locator, value: string): Promise<FrameLocator> {
  const page = row.page();
  const panel = webviewContent(page);
  const shown = (timeoutMs: number): Promise<boolean> =>
    succeeded(
      eventually(
        () =>
          panel
            .locator('#value')
            .textContent({ timeout: timeoutMs })
            .catch(() => null),
        (t) => t === value,
        '#value',
        timeoutMs,
      ),
    );
  for (let attempt = 1; attempt <= 3; attempt++) {
    await dismissHover(page);
    await row.click({ timeout: 10_000 }).catch(() => undefined);
    if (await shown(attempt === 1 ? 30_000 : 15_000)) return panel;
  }
  const last = await panel
    .locator('#value')
    .textContent({ timeout: 5_000 })
    .catch(() => null);
  throw new Error(
    `the panel shows ${JSON.stringify(last)}, not ${JSON.stringify(value)}, after three clicks`,
  );
}

/** Polls `read` until `accept` holds; returns the last value read. For state that settles asynchronously. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline)
      throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/** Whether `action` settles without throwing: for a wait or a click whose failure the caller handles by trying again. */
export function succeeded(action: Promise<unknown>): Promise<boolean> {
  return action.then(
    () => true,
    () => false,
  );
}

/** Drags the side bar's edge (as a person would) so tree rows are not truncated in screenshots. */
export async function resizeSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const edge = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(edge, y);
  await page.mouse.down();
  await page.mouse.move(edge + (width - box.width) / 2, y, { steps: 4 });
  await page.mouse.move(box.x + width, y, { steps: 4 });
  await page.mouse.up();
}

/** Waits until no notification toast is showing (a finished progress toast fades out on its own). */
export async function waitForNoToasts(page: Page): Promise<void> {
  await eventually(
    () => page.locator('.notification-toast').count(),
    (n) => n === 0,
    'notification toasts',
    30_000,
  );
}

/**
 * Opens the command palette and picks the command whose label matches `label` (exact text or a
 * pattern), driven by the workbench's state rather than fixed waits: on a loaded machine the first
 * F1 can land before the keybinding is live, and keys typed while the box takes focus are lost, so
 * F1 is pressed again until the box shows, the text is set whole (and set again if the list does
 * not offer the command), and the row is clicked once it is listed.
 */
export async function pickFromPalette(page: Page, query: string, label: RegExp): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  const row = widget
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first();
  const deadline = Date.now() + 90_000;
  for (let attempt = 1; ; attempt++) {
    if (Date.now() > deadline) throw new Error(`the palette never listed ${String(label)}`);
    if (!(await input.isVisible())) {
      await page.keyboard.press('F1');
      if (!(await succeeded(input.waitFor({ timeout: 5_000 })))) continue;
    }
    // The whole text at once, `>` included: typed keys can be lost while the box takes focus. The box
    // seen a moment ago may have been a closing quick input's: then start over.
    const filled = await succeeded(
      (async () => {
        if ((await input.inputValue({ timeout: 5_000 })) !== `>${query}`)
          await input.fill(`>${query}`, { timeout: 5_000 });
      })(),
    );
    if (!filled) continue;
    const listed = await succeeded(row.waitFor({ timeout: Math.min(5_000 * attempt, 20_000) }));
    // The click is bounded too: the palette can close between "listed" and the click (the focus
    // moved to an editor that opened late), and its hidden row then waits forever to be visible.
    if (listed && (await succeeded(row.click({ timeout: 5_000 })))) return;
    // Not listed yet (commands still registering, or the text went astray), or closed under the
    // click: close what is left and start over.
    if (await input.isVisible()) await page.keyboard.press('Escape');
  }
}

/** A pattern for exactly `text`. */
function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/**
 * Runs a command from the palette as a person would: F1, its title, the row whose label is exactly
 * `title`. F1 works wherever the focus is (webviews forward their key presses).
 */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await pickFromPalette(page, title, exactly(title));
  // The palette is gone when the widget hides, or when the command has put its own quick input in
  // the same widget at once (Find Servers' query box does): its box then no longer holds `>…`.
  await eventually(
    async () =>
      !(await widget.isVisible()) ||
      !(await widget.locator('.quick-input-box input').inputValue()).startsWith('>'),
    (gone) => gone,
    'the command palette to close',
    30_000,
  );
}

/** The editor tab whose label is exactly `label`. */
export function editorTab(page: Page, label: string): Locator {
  return page.locator('.part.editor .tab').filter({ has: page.getByText(label, { exact: true }) });
}

/** The quick input (input box or quick pick) that is open, whose title starts with `title`. */
export function quickInputTitled(page: Page, title: string): Locator {
  return page
    .locator('.quick-input-widget')
    .filter({ has: page.locator('.quick-input-title', { hasText: title }) });
}

/**
 * Runs an action of the side bar's title bar as a person would: its button when it shows one,
 * otherwise through the "…" menu.
 */
export async function runViewTitleAction(page: Page, title: string): Promise<void> {
  const titleBar = page.locator('.part.sidebar .composite.title');
  const button = titleBar.locator(`.action-item a.action-label[aria-label^="${title}"]`);
  if ((await button.count()) > 0) {
    await button.first().click();
    return;
  }
  await titleBar
    .locator('.action-item a.action-label.codicon-toolbar-more, .action-item a.action-label.codicon-more')
    .first()
    .click();
  await runMenuItem(page, title);
}

/**
 * Runs the item `title` of the open menu (the view title's "…" or a context menu). Hover then Enter:
 * a click on an item of a menu that is still settling is at times swallowed (the menu stays open with
 * the item highlighted); Enter on the highlighted item is not.
 */
export async function runMenuItem(page: Page, title: string): Promise<void> {
  if (!(await pressMenuItem(page, title, 30_000))) throw new Error(`the menu never offered "${title}"`);
}

/**
 * Hovers the open menu's item `title` and presses Enter once it is the focused one; resolves to
 * false, pressing nothing, when the menu did not show it focused within `timeoutMs`.
 */
async function pressMenuItem(page: Page, title: string, timeoutMs: number): Promise<boolean> {
  const item = page.locator('.monaco-menu [role="menuitem"]').filter({ hasText: title }).first();
  const focused = page.locator('.monaco-menu .action-item.focused').filter({ hasText: title });
  const ready = await succeeded(
    item.hover({ timeout: timeoutMs }).then(() => focused.waitFor({ timeout: timeoutMs })),
  );
  if (ready) await page.keyboard.press('Enter');
  return ready;
}

/**
 * Opens `row`'s context menu and runs its item `title`, driven by state: a right-click on a row that
 * is being redrawn can be lost, and a menu can close when the focus moves, so the row is
 * right-clicked again until the menu offers the item focused.
 */
export async function runContextMenuItem(row: Locator, title: string): Promise<void> {
  const page = row.page();
  const menu = page.locator('.monaco-menu').first();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await dismissHover(page);
    await row.click({ button: 'right', timeout: 10_000 }).catch(() => undefined);
    if (await pressMenuItem(page, title, 5_000)) return;
    if (await menu.isVisible()) await page.keyboard.press('Escape');
  }
  throw new Error(`the context menu never offered "${title}" after four right-clicks`);
}
