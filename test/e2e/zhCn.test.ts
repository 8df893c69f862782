/**
 * A Simplified Chinese user's VS Code: display language zh-cn (code-server `--locale zh-cn` plus a
 * language pack that contributes it — without one VS Code stays English). The packaged extension
 * must then show its manifest strings from package.nls.zh-cn.json (activity bar, view, command
 * titles) and its runtime strings from media/l10n/bundle.l10n.zh-cn.json (tree messages, the
 * panel). Expected text is read from those files, so a string missing there fails here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../runner/paths';
import { sampleProfileName } from '../runner/sampleProfile';
import { saveScreenshot } from './screenshots';
import { startWalkSession, type WalkSession } from './walkSession';
import {
  collapse,
  eventually,
  expand,
  openKeyInPanel,
  openViewContainer,
  resizeSideBar,
  treeRow,
  waitForNoToasts,
  waitForWorkbench,
} from './workbench';

const locale = 'zh-cn';

function readStrings(relative: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, relative), 'utf8')) as Record<string, string>;
}

const manifestStrings = readStrings(`package.nls.${locale}.json`);
const bundleStrings = readStrings(`media/l10n/bundle.l10n.${locale}.json`);

/** A translation that exists and is Chinese, so an English fallback can never match it. */
function chinese(table: Record<string, string>, key: string): string {
  const text = table[key];
  assert.ok(typeof text === 'string', `no zh-cn translation for ${key}`);
  assert.match(text, /\p{Script=Han}/u, `the zh-cn translation of ${key} has no Chinese in it`);
  return text;
}

const nls = (key: string): string => chinese(manifestStrings, key);
const l10n = (message: string, ...args: string[]): string =>
  chinese(bundleStrings, message).replace(/\{(\d+)\}/g, (whole, i: string) => args[Number(i)] ?? whole);

/** The label of a side-bar title action: VS Code shows a command's title as its aria-label. */
async function titleActionLabels(page: Page): Promise<string[]> {
  return page
    .locator('.part.sidebar .composite.title .actions-container .action-label')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
}

describe(`in Simplified Chinese: the packaged extension in VS Code with display language ${locale}`, function () {
  let session: WalkSession;
  let page: Page;

  before(async function () {
    this.timeout(300_000);
    session = await startWalkSession({ locale });
    page = session.page;
  });

  after(async () => {
    await session?.close();
  });

  it(`runs the workbench in ${locale}`, async () => {
    await waitForWorkbench(page);
    // What the workbench hands the extension host as vscode.env.language.
    const language = await page.evaluate(
      () => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE,
    );
    assert.equal(language, locale);
  });

  it('names the activity-bar entry, the view and its title actions from package.nls.zh-cn.json', async () => {
    const container = nls('view.container.title');
    const entry = page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${container}"]`);
    await entry.waitFor();
    await openViewContainer(page, container);
    // One view in the container: its name joins the container's in the side-bar title.
    await eventually(
      () => page.locator('.part.sidebar .composite.title').innerText(),
      (title) => title.includes(container) && title.includes(nls('view.servers.name')),
      'the side-bar title',
    );
    const actions = await eventually(
      () => titleActionLabels(page),
      (labels) => labels.includes(nls('command.addProfile')),
      'the view title actions',
    );
    for (const key of ['command.addProfile', 'command.filter', 'command.refresh']) {
      assert.ok(actions.includes(nls(key)), `no title action "${nls(key)}" among ${JSON.stringify(actions)}`);
    }
  });

  it('shows tree messages from bundle.l10n.zh-cn.json', async () => {
    await resizeSideBar(page, 325); // Wide enough for the whole title, narrow enough for a small picture.
    await expand(treeRow(page, sampleProfileName));
    const empty = session.servers.find((s) => Object.keys(s.metadata).length === 0);
    assert.ok(empty, 'the sample seed must hold a server without metadata');
    await expand(treeRow(page, empty.name));
    await treeRow(page, l10n('No metadata on this server')).waitFor();
  });

  it('shows the panel with its labels from bundle.l10n.zh-cn.json', async () => {
    const server = session.servers[0];
    assert.ok(server);
    await expand(treeRow(page, server.name));
    const [key, value] = Object.entries(server.metadata).find(([, v]) => !v.startsWith('{')) as [
      string,
      string,
    ];
    const panel = await openKeyInPanel(page, key, value);
    assert.equal(await panel.locator('html').getAttribute('lang'), locale, 'vscode.env.language in the host');
    assert.equal(await panel.locator('#copy-value').textContent(), l10n('Copy Value'));
    assert.equal(await panel.locator('#refresh').textContent(), l10n('Refresh'));
    assert.deepEqual(await panel.locator('dl.details dt').allTextContents(), [
      l10n('Server'),
      l10n('Profile'),
      l10n('Fetched at'),
      l10n('Request ID'),
    ]);
    // Dates too: in the display language, not the browser's (which is English here).
    const fetchedAt = panel.locator('#fetched-at');
    const iso = (await fetchedAt.getAttribute('title')) ?? '';
    assert.equal(
      await fetchedAt.textContent(),
      await fetchedAt.evaluate((_el, at) => new Date(at).toLocaleString('zh-cn'), iso),
      'the fetch time is not formatted for zh-cn',
    );
    await page.locator('.part.editor .tab', { hasText: l10n('{0} — ECS Metadata', key) }).waitFor();
    await waitForNoToasts(page);
    // Folded again, so the picture (kept in media/screenshots) stays small: servers, message, panel.
    await collapse(treeRow(page, server.name));
    await page.mouse.move(700, 500); // No hover highlight or inline actions on the other rows.
    await saveScreenshot(page, `tree.${locale}`, { keep: true });
  });
});
