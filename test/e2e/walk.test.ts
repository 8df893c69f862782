/**
 * The walk a person takes, in a real VS Code (code-server) in Chromium, from a fresh profile that
 * points at the local ECS-compatible server, with the extension installed from its packaged
 * `.vsix`: open the view from the activity bar, expand the profile and a server, click a key, read
 * the value in the panel, press Copy and find the value on the clipboard. A value that is HTML
 * (`<img src=x onerror=alert(1)>`) must arrive as literal text with no script run.
 *
 * Clipboard route: Chromium's async clipboard API on the workbench page, with `clipboard-read` /
 * `clipboard-write` granted for its origin. VS Code's web `env.clipboard.writeText` goes through
 * the same `navigator.clipboard`, so reading it back there sees exactly what the Copy button wrote.
 * Each copy starts from a sentinel value so a stale clipboard cannot pass the check. Last, Find
 * Servers by Metadata narrows the view to env=production and two of them are compared side by side.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Dialog, FrameLocator, Page } from 'playwright-core';
import { isProtectedKey } from '../../src/metadata/protectedKeys';
import { DEFAULT_PROTECTED_KEYS } from '../../src/settings/protectedKeyDefaults';
import type { SampleServer } from '../runner/sampleProfile';
import { sampleProfileName } from '../runner/sampleProfile';
import { waitForSeed } from '../runner/credentialSeeder';
import { addPasswordProfile } from './passwordProfile';
import { saveScreenshot } from './screenshots';
import { treeRowAt, treeRowDescription } from './treeRowAt';
import { importedCloudName, startWalkSession, type WalkSession } from './walkSession';
import {
  acceptPick,
  answerInput,
  setInputText,
  clickStepButton,
  closeActiveEditor,
  openWalkthrough,
  pickItem,
  stepDone,
  stepDoneOnPage,
} from './walkthroughPage';
import {
  collapse,
  clickUntil,
  editorTab,
  eventually,
  expand,
  openKeyInPanel,
  showInPanel,
  openViewContainer,
  pickFromPalette,
  quickInputTitled,
  resizeSideBar,
  runContextMenuItem,
  runViewTitleAction,
  runFromPalette,
  treeRow,
  waitForNoToasts,
  waitForWorkbench,
  webviewContent,
} from './workbench';

const htmlValue = '<img src=x onerror=alert(1)>';
/** A key the cloud sets itself, by the default of `ecsMetadata.protectedKeys`. */
const isSystemKey = (key: string): boolean => isProtectedKey(key, DEFAULT_PROTECTED_KEYS);
const walkthroughTitle = 'Get Started with ECS Metadata';
const walkthroughSteps = ['connect', 'browse', 'readKey', 'editKey'];

/** The page's `navigator.clipboard`, typed here because this project compiles without the DOM lib. */
interface ClipboardPage {
  navigator: { clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } };
}

async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as ClipboardPage).navigator.clipboard.readText());
}

async function writeClipboard(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => (globalThis as unknown as ClipboardPage).navigator.clipboard.writeText(t), text);
}

/** Presses the panel's Copy button and waits until the clipboard holds `expected`. */
async function copyAndReadBack(page: Page, panel: FrameLocator, expected: string): Promise<void> {
  // From a sentinel, so a stale clipboard cannot pass.
  await writeClipboard(page, 'sentinel: not copied yet');
  await panel.locator('#copy-value').click();
  await eventually(
    () => readClipboard(page),
    (t) => t === expected,
    'clipboard',
  );
}

describe('end-to-end walk: the packaged extension in code-server + Chromium', function () {
  let session: WalkSession;
  let page: Page;
  let server: SampleServer;
  const dialogs: string[] = [];

  before(async function () {
    // Packaging (production build) and a cold workbench take a while; speed is not the point here.
    this.timeout(300_000);
    session = await startWalkSession();
    page = session.page;
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const withHtml = session.servers.find((s) => Object.values(s.metadata).includes(htmlValue));
    assert.ok(withHtml, `the sample seed must hold a server with the value ${htmlValue}`);
    server = withHtml;
    assert.ok(
      session.servers.slice(0, 2).some((s) => s.id === server.id),
      'that server must be one of the two configured in the sample profile',
    );
  });

  afterEach(async function () {
    // What the page showed when a step failed, beside the other screenshots in test-results/.
    if (this.currentTest?.state === 'failed')
      await saveScreenshot(page, 'failed-step').catch(() => undefined);
  });

  after(async () => {
    await session?.close();
  });

  it('runs the extension installed from the packaged .vsix, not the development folder', () => {
    const installed = fs
      .readdirSync(session.code.extensionsDir)
      .filter((d) => d.startsWith('ecs-tools.ecs-metadata-explorer-'));
    assert.equal(
      installed.length,
      1,
      `installed extensions: ${fs.readdirSync(session.code.extensionsDir).join(', ')}`,
    );
    const dir = path.join(session.code.extensionsDir, installed[0] as string);
    assert.ok(
      fs.existsSync(path.join(dir, 'dist', 'extension.js')),
      'the bundle is in the installed extension',
    );
    assert.ok(!fs.existsSync(path.join(dir, 'src')), 'sources stay out of the .vsix');
    assert.ok(
      !fs.existsSync(path.join(dir, 'node_modules')),
      'node_modules stays out of the .vsix (bundled)',
    );
  });

  it('keeps the seeded credentials out of settings.json', () => {
    const settings = fs.readFileSync(path.join(session.code.userDataDir, 'User', 'settings.json'), 'utf8');
    assert.ok(settings.includes(sampleProfileName));
    assert.ok(!settings.includes(session.ecs.credentials.secretKey), 'the secret key is in settings.json');
    assert.ok(!settings.includes(session.ecs.credentials.accessKey), 'the access key is in settings.json');
  });

  it('gives another installed extension nothing through our exports: no secret, no write', async () => {
    // The exports probe (test/fixtures/exports-probe) is that other extension; it reports once the
    // credentials are stored. With a handle exported, it reads the secret key through it.
    const report = await eventually(
      async () =>
        fs.existsSync(session.exportsProbeFile) ? fs.readFileSync(session.exportsProbeFile, 'utf8') : '',
      (text) => text.length > 0,
      'the exports probe report',
    );
    const probe = JSON.parse(report) as Record<string, unknown>;
    assert.equal(probe.found, true, report);
    assert.equal(probe.isActive, true, `the probe activated the extension: ${report}`);
    assert.equal(probe.exportsType, 'undefined', `exports hold something: ${report}`);
    assert.equal(probe.secretRead, false, `a secret was read through exports: ${report}`);
  });

  it('opens the ECS Metadata view from the activity bar and shows the profile', async () => {
    await waitForWorkbench(page);
    await openViewContainer(page, 'ECS Metadata');
    await treeRow(page, sampleProfileName).waitFor();
    await resizeSideBar(page, 400);
  });

  it('expands the profile to its configured servers', async () => {
    await expand(treeRow(page, sampleProfileName));
    // The first listing of a fresh extension host was once not shown within 30 s on a loaded machine
    // (see the closing note of that session): wait for the loader's own time-out and retry too.
    for (const s of session.servers.slice(0, 2)) await treeRow(page, s.name).waitFor({ timeout: 90_000 });
  });

  it('expands a server to its metadata keys with one list call, the system keys after the own ones', async () => {
    session.ecs.clearRequests();
    await expand(treeRow(page, server.name));
    // The person's own keys first (all on screen), then the keys the cloud sets, each marked "system".
    const own = Object.keys(server.metadata).filter((k) => !isSystemKey(k));
    for (const key of own) await treeRow(page, key).waitFor();
    const firstSystem = Object.keys(server.metadata)
      .filter(isSystemKey)
      .sort((a, b) => a.localeCompare(b))[0];
    assert.ok(firstSystem, 'the sample server must carry system keys');
    assert.match(
      (await treeRowDescription(page, [sampleProfileName, server.name, firstSystem])) ?? '',
      /^system · /,
    );
    const ownIndexes = await Promise.all(
      own.map(async (k) =>
        Number(await (await treeRowAt(page, [sampleProfileName, server.name, k])).getAttribute('data-index')),
      ),
    );
    const systemIndex = Number(
      await (await treeRowAt(page, [sampleProfileName, server.name, firstSystem])).getAttribute('data-index'),
    );
    assert.ok(
      ownIndexes.every((i) => i < systemIndex),
      'a system key is listed before an own key',
    );
    const metadataCalls = session.ecs.requests.filter((r) =>
      r.path.includes(`/servers/${server.id}/metadata`),
    );
    assert.deepEqual(
      metadataCalls.map((r) => `${r.method} ${r.path}`),
      [`GET /v2.1/${session.ecs.projectId}/servers/${server.id}/metadata`],
    );
    await saveScreenshot(page, 'tree', { keep: true });
  });

  it('clicking a key shows its value, key, server and profile in the panel', async () => {
    const [key, value] = Object.entries(server.metadata).find(
      ([, v]) => v !== htmlValue && !v.startsWith('{'),
    ) as [string, string];
    const panel = await openKeyInPanel(page, key, value);
    assert.equal(await panel.locator('#key').textContent(), key);
    assert.match((await panel.locator('#server').textContent()) ?? '', new RegExp(server.name));
    assert.match((await panel.locator('#profile').textContent()) ?? '', new RegExp(sampleProfileName));
    assert.ok(
      ((await panel.locator('#request-id').textContent()) ?? '').trim().length > 0,
      'a request id is shown',
    );
    await page.locator('.tab', { hasText: `${key} — ECS Metadata` }).waitFor();
    await waitForNoToasts(page);
    await saveScreenshot(page, 'panel', { keep: true });
  });

  it('Copy value puts the value on the clipboard', async () => {
    const panel = webviewContent(page);
    const value = (await panel.locator('#value').textContent()) ?? '';
    await copyAndReadBack(page, panel, value);
  });

  it('Ctrl+C (Cmd+C) on a key row copies its value, with the Servers view focused from the palette', async () => {
    const plain = Object.entries(server.metadata).filter(([, v]) => v !== htmlValue && !v.startsWith('{'));
    const [key, value] = plain[plain.length - 1] as [string, string];
    // Clicking the row opens the panel, which takes the focus; the view's focus command brings it back.
    await openKeyInPanel(page, key, value);
    await writeClipboard(page, 'sentinel: not copied yet');
    await runFromPalette(page, 'ECS Metadata: Focus on Servers View');
    await treeRow(page, key).and(page.locator('.focused.selected')).waitFor();
    // The view's focus context keys follow the focus a moment later: press again until it copies.
    await eventually(
      async () => {
        await page.keyboard.press('ControlOrMeta+C');
        await new Promise((resolve) => setTimeout(resolve, 300));
        return readClipboard(page);
      },
      (t) => t === value,
      'the clipboard after Ctrl+C on the key row',
    );
  });

  it(`shows ${htmlValue} as literal text and runs no script`, async () => {
    const key = Object.keys(server.metadata).find((k) => server.metadata[k] === htmlValue) as string;
    const panel = await openKeyInPanel(page, key, htmlValue);
    // No element was parsed out of the value, so there is nothing whose onerror could fire…
    assert.equal(await panel.locator('#value').evaluate((el) => el.childElementCount), 0);
    assert.equal(await panel.locator('img').count(), 0, 'an <img> element exists in the panel');
    // …and the copy of it is byte for byte the literal text.
    await copyAndReadBack(page, panel, htmlValue);
    assert.deepEqual(dialogs, [], 'a dialog opened: script from the value ran');
  });

  /**
   * VS Code passes the focused tree row to view-title actions. Each must still ask as for a
   * person (not take the row for a script's arguments and fail with a toast).
   */
  const titleActions: { action: string; prompt: string }[] = [
    { action: 'Add Profile', prompt: 'Add ECS Profile' },
    { action: 'Filter Servers', prompt: 'Filter servers' },
    { action: 'Get Metadata Key', prompt: `Get Metadata Key (${sampleProfileName})` },
  ];

  async function clickTitleActionsWithFocused(row: string): Promise<void> {
    for (const { action, prompt } of titleActions) {
      await treeRow(page, row).click();
      await treeRow(page, row).and(page.locator('.focused')).waitFor();
      await runViewTitleAction(page, action);
      await quickInputTitled(page, prompt).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      assert.equal(
        await page
          .locator('.notification-toast')
          .filter({ hasText: /expects|must be|Expected/ })
          .count(),
        0,
        `${action} with the ${row} row focused showed an error`,
      );
    }
  }

  it('the view-title actions prompt with a key row focused', async () => {
    if (!(await treeRow(page, sampleProfileName).isVisible())) await openViewContainer(page, 'ECS Metadata');
    await expand(treeRow(page, sampleProfileName));
    await expand(treeRow(page, server.name));
    await clickTitleActionsWithFocused(Object.keys(server.metadata)[0] as string);
  });

  it('the view-title actions prompt with a server row focused', async () => {
    await clickTitleActionsWithFocused(server.name);
  });

  it('the view-title actions prompt with a profile row focused', async () => {
    await clickTitleActionsWithFocused(sampleProfileName);
    // Clicking the rows folded them; open them again for the steps that follow.
    await expand(treeRow(page, sampleProfileName));
    await expand(treeRow(page, server.name));
  });

  /** Picks the row labelled `label` in the quick input titled `title`, typing it first to filter. */
  async function pickIn(title: string, label: string): Promise<void> {
    const picker = quickInputTitled(page, title);
    await picker.waitFor();
    await page.keyboard.type(label);
    await picker
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: page.locator('.label-name').getByText(label, { exact: true }) })
      .first()
      .click();
  }

  it('Delete Key from the palette titles each picker "Delete Key", not as a read', async () => {
    session.ecs.clearRequests();
    await runFromPalette(page, 'ECS Metadata: Delete Key');
    await pickIn(`Delete Key (${sampleProfileName})`, server.name);
    const keys = quickInputTitled(page, `Delete Key (${server.name})`);
    await keys.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await saveScreenshot(page, 'delete-key-picker');
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    assert.deepEqual(
      session.ecs.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`),
      [],
      'closing the picker wrote',
    );
  });

  it('Compare Metadata With… from the palette: the second picker does not offer the first server', async () => {
    await runFromPalette(page, 'ECS Metadata: Compare Metadata With…');
    await pickIn('Compare Metadata With…', server.name);
    const second = quickInputTitled(page, `Compare ${server.name} with…`);
    const rows = second.locator('.quick-input-list .monaco-list-row .label-name');
    // Every other server of the project, configured or listed, is offered…
    for (const other of session.servers.filter((s) => s.id !== server.id)) {
      await rows.getByText(other.name, { exact: true }).first().waitFor();
    }
    // …and the server itself is not.
    assert.equal(await rows.getByText(server.name, { exact: true }).count(), 0, `${server.name} is offered`);
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  });

  it("Export Metadata… says where the file went and opens it from the notification's Open File", async () => {
    const file = path.join(os.tmpdir(), `ecs-walk-export-${process.pid}.json`);
    fs.rmSync(file, { force: true });
    const toast = page.locator('.notification-toast').filter({ hasText: 'Exported the metadata of' });
    /** Export Metadata… as JSON to `file` through VS Code for the Web's own save dialog; resolves to the toast's text. */
    const exportOnce = async (): Promise<string> => {
      await runFromPalette(page, 'ECS Metadata: Export Metadata…');
      await pickIn('Export Metadata', 'JSON');
      // The same widget held the format pick, titled alike: the dialog's box holds a path, and its
      // list shows the folder once the dialog has read it (until then it may put its default back).
      const saveDialog = quickInputTitled(page, 'Export Metadata');
      const box = saveDialog.locator('.quick-input-box input');
      await eventually(
        () => box.inputValue(),
        (v) => v.startsWith('/'),
        'the save dialog',
      );
      await saveDialog
        .locator('.quick-input-list .monaco-list-row')
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined);
      await box.fill(file);
      // Its OK button, once the dialog has taken in the path (an early press is ignored).
      const ok = saveDialog.locator('.monaco-button', { hasText: 'OK' });
      await eventually(
        async () => {
          // OK only while the box holds our path: a loaded machine can still put the default back.
          const typed = await box.inputValue({ timeout: 1_000 }).catch(() => undefined);
          if (typed !== undefined && typed !== file) await box.fill(file).catch(() => undefined);
          else if (typed === file && (await ok.isVisible())) await ok.click().catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 1000));
          return toast.isVisible();
        },
        (shown) => shown,
        'the notification of the export',
        30_000,
      );
      return (await toast.textContent()) ?? '';
    };
    try {
      // Driven by what the toast says: when the dialog put its default path back under the OK press,
      // the export went there; that file is removed and the export done again.
      let said = await exportOnce();
      for (let attempt = 2; attempt <= 3 && !said.includes(file); attempt++) {
        const elsewhere = /to (\/\S+?\.json)/.exec(said)?.[1];
        if (elsewhere) fs.rmSync(elsewhere, { force: true });
        await runFromPalette(page, 'Notifications: Clear All Notifications');
        await toast.waitFor({ state: 'hidden' });
        said = await exportOnce();
      }
      assert.ok(said.includes(file), `the notification names the file: ${said}`);
      await saveScreenshot(page, 'export-done');
      await toast.locator('.monaco-button', { hasText: 'Open File' }).click();
      await editorTab(page, path.basename(file)).waitFor({ timeout: 30_000 });
      const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      assert.ok(exported[server.id], 'the export holds the server');
      await closeActiveEditor(page);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('Copy Value from the palette while pretty JSON is shown offers both, the raw value first', async () => {
    const [key, value] = Object.entries(server.metadata).find(([, v]) => v.startsWith('{')) as [
      string,
      string,
    ];
    const panel = await openKeyInPanel(page, key, value);
    await panel.locator('#pretty-json').check();
    const pretty = JSON.stringify(JSON.parse(value), null, 2);
    await eventually(
      () => panel.locator('#value').textContent(),
      (t) => t === pretty,
      'the pretty value',
    );
    await writeClipboard(page, 'sentinel: not copied yet');
    // F1 from the panel: the palette runs with the panel as the active editor.
    await panel.locator('#value').click();
    const widget = page.locator('.quick-input-widget');
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    /** The palette, then the choice Copy Value shows (not runFromPalette: a second pick follows). */
    const copyValue = async (): Promise<void> => {
      await pickFromPalette(page, 'ECS Metadata: Copy Value', /^ECS Metadata: Copy Value/);
      await rows.filter({ hasText: 'Raw value' }).first().waitFor();
    };
    await copyValue();
    // The two choices, in this order (the list also keeps label parts of earlier picks, hidden or not).
    // Read once the list shows both: a hidden row of an earlier pick can satisfy the wait above first.
    const labels = await eventually(
      async () =>
        (await rows.filter({ visible: true }).locator('.label-name').allTextContents()).filter(
          (t) => t === 'Raw value' || t === 'Pretty JSON',
        ),
      (shown) => shown.length >= 2,
      'both choices in the list',
    );
    assert.deepEqual(labels, ['Raw value', 'Pretty JSON']);
    // Enter takes the default: the raw value.
    await page.keyboard.press('Enter');
    await eventually(
      () => readClipboard(page),
      (t) => t === value,
      'clipboard (raw)',
    );
    await writeClipboard(page, 'sentinel: not copied yet');
    await copyValue();
    await rows.filter({ hasText: 'Pretty JSON' }).first().click();
    await eventually(
      () => readClipboard(page),
      (t) => t === pretty,
      'clipboard (pretty)',
    );
    // Back to plain, so later steps see the panel as before.
    await panel.locator('#pretty-json').uncheck();
  });

  /** What the panel shows now: its key and its value, as the page renders them. */
  async function panelShows(): Promise<{ key: string | null; value: string | null }> {
    const panel = webviewContent(page);
    return {
      key: await panel.locator('#key').textContent(),
      value: await panel.locator('#value').textContent(),
    };
  }

  /** Waits until the panel shows `expected`, failing with what it showed last. */
  async function waitForPanelShowing(expected: { key: string; value: string }): Promise<void> {
    await eventually(
      () => panelShows().catch(() => ({ key: null, value: null })),
      (shown) => shown.key === expected.key && shown.value === expected.value,
      'the panel',
      30_000,
    );
  }

  /** The metadata reads made since `clearRequests`. */
  function metadataReads(): string[] {
    return session.ecs.requests
      .filter((r) => r.path.includes('/metadata'))
      .map((r) => `${r.method} ${r.path}`);
  }

  it('keeps the key and value when the panel is hidden behind another editor and shown again', async () => {
    const shown = await panelShows();
    assert.ok(shown.key && shown.value, 'the panel shows a key and value before it is hidden');
    const expected = { key: shown.key, value: shown.value };
    const panelTab = editorTab(page, `${expected.key} — ECS Metadata`);
    session.ecs.clearRequests();

    await runFromPalette(page, 'File: New Untitled Text File');
    await editorTab(page, 'Untitled-1').and(page.locator('.tab.active')).waitFor();
    // Hidden without retainContextWhenHidden, the page is gone; only an active webview counts as shown.
    await panelTab.and(page.locator('.tab:not(.active)')).waitFor();

    await panelTab.click();
    await panelTab.and(page.locator('.tab.active')).waitFor();
    await waitForPanelShowing(expected);
    assert.deepEqual(metadataReads(), [], 'showing the panel again read the key again');
  });

  it('brings the panel back with the same key after a window reload, reading its value again', async () => {
    const shown = await panelShows();
    // Changed on the server before the reload: the restored panel must show this, not what it had.
    const expected = { key: shown.key ?? '', value: `${shown.value ?? ''} (read again)` };
    session.ecs.setMetadata(server.id, expected.key, expected.value);
    session.ecs.clearRequests();

    // What "Developer: Reload Window" does in the browser: the workbench page loads anew.
    await runFromPalette(page, 'Developer: Reload Window');
    await page.waitForEvent('domcontentloaded');
    await waitForWorkbench(page);
    await editorTab(page, `${expected.key} — ECS Metadata`).and(page.locator('.tab.active')).waitFor({
      timeout: 60_000,
    });
    await waitForPanelShowing(expected);

    // The page saved only which key it showed (VS Code keeps that on disk); the value is read again, once.
    assert.equal(metadataReads().length, 1, `reads after the reload: ${metadataReads().join(', ')}`);
    const panel = webviewContent(page);
    assert.equal(await panel.locator('#value').evaluate((el) => el.childElementCount), 0);
    assert.equal(await panel.locator('img').count(), 0, 'an <img> element exists in the restored panel');
    assert.deepEqual(dialogs, [], 'a dialog opened during or after the reload');
    await saveScreenshot(page, 'panel-restored');
  });

  it('finds env=production among the sample servers and compares two of them side by side', async () => {
    const production = session.servers.filter((s) => s.metadata.env === 'production');
    assert.ok(production.length >= 2, 'the sample seed must hold two servers with env=production');
    if (!(await treeRow(page, sampleProfileName).isVisible())) await openViewContainer(page, 'ECS Metadata');
    const others = session.servers.filter((s) => s.metadata.env !== 'production');
    // Left expanded before the find: Clear Filter brings them back so.
    await expand(treeRow(page, sampleProfileName));
    await expand(treeRow(page, others[0].name));
    await runFromPalette(page, 'ECS Metadata: Find Servers by Metadata…');
    // Find's own query box (not the palette's, which may still be closing), typed into once it has focus.
    const widget = quickInputTitled(page, 'Find Servers by Metadata');
    const input = widget.locator('.quick-input-box input');
    await input.waitFor();
    // Another query language's "and" is named while typing, not searched for as a key.
    await input.fill('env=production and owner=team-web');
    await widget.locator('.quick-input-message', { hasText: 'terms are joined by spaces' }).waitFor();
    await input.fill('env=production');
    await input.press('Enter');
    try {
      // Each match says which key matched.
      for (const s of production) {
        await treeRow(page, s.name).filter({ hasText: 'env=production' }).waitFor();
      }
    } finally {
      await saveScreenshot(page, 'find-progress');
    }
    for (const s of others) assert.equal(await treeRow(page, s.name).count(), 0, `${s.name} is shown`);
    await waitForNoToasts(page);
    await saveScreenshot(page, 'find', { keep: true });

    // Two servers selected together, then Compare Metadata With… from the context menu.
    const [left, right] = production;
    await selectBoth(page, left.name, right.name);
    await runContextMenuItem(treeRow(page, right.name), 'Compare Metadata With…');
    const title = `${left.name} ↔ ${right.name} (metadata)`;
    await editorTab(page, title).waitFor({ timeout: 30_000 });
    await page.locator('.part.editor .monaco-diff-editor').first().waitFor();
    await waitForNoToasts(page);
    await saveScreenshot(page, 'compare', { keep: true });

    // Mask Values while the comparison and the find are shown: both sides and the rows show masks.
    const diffText = (): Promise<string> =>
      page
        .locator('.part.editor .monaco-diff-editor .view-lines')
        .allTextContents()
        .then((t) => t.join('\n'));
    await runFromPalette(page, 'ECS Metadata: Mask Values');
    const masked = await eventually(
      diffText,
      (text) => text.includes('••••••') && !text.includes(left.metadata.owner),
      'the comparison to show masks',
      30_000,
    );
    // As the JSON shows a value: quoted (a bare "0" of charging_mode would match the "02" of web-02).
    const shownText = masked.replace(/\u00a0/g, ' ');
    for (const value of [...Object.values(left.metadata), ...Object.values(right.metadata)]) {
      assert.ok(!shownText.includes(JSON.stringify(value)), `the masked comparison shows ${value}`);
    }
    await treeRow(page, left.name).filter({ hasText: 'env=••••••' }).waitFor();
    assert.equal(await treeRow(page, left.name).filter({ hasText: 'env=production' }).count(), 0);
    await saveScreenshot(page, 'compare-masked');
    await runFromPalette(page, 'ECS Metadata: Show Values');
    await eventually(diffText, (text) => text.includes(left.metadata.owner), 'the values again', 30_000);
    // The steps after this one read profiles the find does not show: end it as a person would.
    await runViewTitleAction(page, 'Clear Filter');
    await page.getByText('Showing servers whose metadata matches').waitFor({ state: 'hidden' });
    const expandedRow = page.locator('[aria-expanded="true"]');
    await treeRow(page, sampleProfileName).and(expandedRow).waitFor();
    await treeRow(page, others[0].name).and(expandedRow).waitFor();
  });

  it('shows the walkthrough steps the walk has done, and checks "connect" once Add Profile saves a profile', async () => {
    // Opened for the first time only now, as a newcomer who explored first would: VS Code starts
    // its walkthrough service then, so it must still learn what was done before.
    await openWalkthrough(page, walkthroughTitle);
    // Opening the Servers view and reading and copying keys above completed these two, and nothing else.
    assert.deepEqual(await Promise.all(walkthroughSteps.map((id) => stepDone(page, id))), [
      false,
      true,
      true,
      false,
    ]);
    // Without the side bar the page has room for its steps and the picture side by side.
    await runFromPalette(page, 'View: Toggle Primary Side Bar Visibility');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    // Not kept for the README: by now other editors' tabs are open behind it.
    await saveScreenshot(page, 'walkthrough');
    await runFromPalette(page, 'View: Toggle Primary Side Bar Visibility');
    await clickStepButton(page, 'connect', 'Add Profile');
    await answerInput(page, 'A name for this profile', 'From the walkthrough');
    await pickItem(page, 'Huawei Cloud region, or another cloud', 'Other OpenStack-compatible cloud');
    // The identity service's path typed as the compute endpoint: a warning while typing, with the
    // fix that Enter takes.
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-message', { hasText: 'Compute (Nova) endpoint' }).waitFor();
    await page.keyboard.type(`${session.ecs.url}/v3`);
    await widget
      .locator('.quick-input-message', {
        hasText: `"/v3" is the path of the identity (IAM) endpoint, not of the compute one. Press Enter to use ${session.ecs.url}`,
      })
      .waitFor();
    await saveScreenshot(page, 'add-profile-other-service-path', { keep: true });
    await page.keyboard.press('Enter');
    await pickItem(page, 'How to sign in', 'Access key (AK/SK)');
    await answerInput(page, 'Project id', session.ecs.projectId);
    // The access key ID is not a secret: its box shows what is typed (the SK's is masked).
    await widget.locator('.quick-input-message', { hasText: 'Access key ID (AK)' }).waitFor();
    assert.notEqual(await widget.locator('.quick-input-box input').getAttribute('type'), 'password');
    await answerInput(page, 'Access key ID (AK)', session.ecs.credentials.accessKey);
    await answerInput(page, 'Secret access key (SK)', session.ecs.credentials.secretKey);
    await answerInput(page, 'Security token', '');
    // The test call worked, so the suggested answer is to show the project's servers.
    await acceptPick(page, 'How should this profile find its servers?', "Show the project's servers");
    await eventually(
      () => stepDoneOnPage(page, walkthroughTitle, 'connect'),
      (done) => done,
      'the check mark of "connect"',
      30_000,
    );
    const settings = fs.readFileSync(path.join(session.code.userDataDir, 'User', 'settings.json'), 'utf8');
    assert.ok(settings.includes('From the walkthrough'), 'the profile is not in settings.json');
    await saveScreenshot(page, 'walkthrough-connected');
  });

  it('imports the clouds.yaml the OpenStack CLI uses and reads a key with no endpoint typed', async () => {
    // Collapse the sample profile so the imported one is on screen below it.
    await collapse(treeRow(page, sampleProfileName));
    session.ecs.clearRequests();

    const widget = page.locator('.quick-input-widget');
    await pickFromPalette(page, 'ECS Metadata: Import Profiles', /^ECS Metadata: Import Profiles/);
    // One entry per cloud; OS_CLOUD made this one the default, so it comes ticked.
    const entry = widget
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: importedCloudName }) });
    await entry.waitFor();
    assert.match((await entry.textContent()) ?? '', /clouds\.yaml/);
    await saveScreenshot(page, 'import-profiles');
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });

    const settings = await eventually(
      async () => fs.readFileSync(path.join(session.code.userDataDir, 'User', 'settings.json'), 'utf8'),
      (text) => text.includes(importedCloudName),
      'the imported profile in settings.json',
    );
    assert.ok(!settings.includes(session.ecs.credentials.password), 'the password is in settings.json');

    const target = session.servers[0];
    await expand(treeRow(page, importedCloudName));
    await expand(treeRow(page, target.name).last());
    const [key, value] = Object.entries(target.metadata).find(
      ([, v]) => v !== htmlValue && !v.startsWith('{'),
    ) as [string, string];
    await openKeyInPanel(page, key, value);
    assert.ok(
      session.ecs.requests.some((r) => r.method === 'POST' && r.path === '/v3/auth/tokens' && r.query === ''),
      'the compute endpoint came from a token with its service catalog',
    );
  });

  /*
   * Editing, last: by now three profiles show the same servers, so every row is found by its path
   * under the sample profile (its server, then its key), never by its label alone.
   */

  /** Folds every top-level row but the sample profile, so its rows are on screen. */
  async function showOnlySampleProfile(): Promise<void> {
    if (!(await treeRow(page, sampleProfileName).isVisible())) await openViewContainer(page, 'ECS Metadata');
    for (const name of [importedCloudName, 'From the walkthrough']) {
      await collapse(treeRow(page, name));
    }
    await expand(treeRow(page, sampleProfileName));
    await expand(await treeRowAt(page, [sampleProfileName, server.name]));
  }

  it("Set Value… from a key's context menu writes what is typed; the tree and the open panel show it", async () => {
    await showOnlySampleProfile();
    const key = 'owner';
    const path = [sampleProfileName, server.name, key];
    const before = server.metadata[key];
    const after = 'team-walk';
    // The panel shows this key of the sample profile's server.
    const panel = await showInPanel(await treeRowAt(page, path), before);
    session.ecs.clearRequests();

    await runContextMenuItem(await treeRowAt(page, path), 'Set Value…');
    const box = quickInputTitled(page, `Set Value of "${key}"`);
    const input = box.locator('.quick-input-box input');
    await input.waitFor();
    // Filled with the value read fresh, and the characters left below it.
    assert.equal(await input.inputValue(), before);
    await setInputText(page, after);
    await box.getByText(`${255 - after.length} characters left`).waitFor();
    await saveScreenshot(page, 'set-value');
    await page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden' });

    await eventually(
      () => treeRowDescription(page, path),
      (d) => d === after,
      `the tree's preview of ${key}`,
      30_000,
    );
    await eventually(
      () => panel.locator('#value').textContent(),
      (t) => t === after,
      'the panel after the edit',
      30_000,
    );
    assert.equal(session.ecs.metadataOf(server.id)[key], after);
    const writes = session.ecs.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(writes, [`PUT /v2.1/${session.ecs.projectId}/servers/${server.id}/metadata/${key}`]);

    // The write ticked the walkthrough's last step.
    await openWalkthrough(page, walkthroughTitle);
    await eventually(
      () => stepDoneOnPage(page, walkthroughTitle, 'editKey'),
      (done) => done,
      'the check mark of "editKey"',
    );
    await closeActiveEditor(page);
  });

  it('Edit Metadata as JSON marks an invalid key while typing, and Save asks before writing', async () => {
    await showOnlySampleProfile();
    await waitForNoToasts(page); // the screenshots show the editor and the modal, not the last write's toast
    await runContextMenuItem(
      await treeRowAt(page, [sampleProfileName, server.name]),
      'Edit Metadata as JSON',
    );
    await editorTab(page, `${server.name}.metadata.json`).waitFor({ timeout: 30_000 });
    session.ecs.clearRequests();
    const editor = page.locator('.part.editor .editor-instance .monaco-editor').first();
    await editor.locator('.view-lines').click();

    // A new line after the first key: a key with a space and "!" is not allowed.
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"bad key!": "x",');
    await page.keyboard.press('Escape'); // any suggestion list
    // Go to Next Problem: the message shows under the line. The extension host may still be checking
    // a text from mid-typing (a machine under load), so go to the problem again until it is this one.
    const problem = page.locator('.part.editor .marker-widget');
    await eventually(
      async () => {
        await page.keyboard.press('F8');
        await new Promise((resolve) => setTimeout(resolve, 400));
        return (await problem.count()) > 0 ? ((await problem.first().textContent()) ?? '') : '';
      },
      (text) => /"bad key!" has characters ECS does not allow/.test(text),
      'the problem of the line typed',
      30_000,
    );
    await saveScreenshot(page, 'edit-json', { keep: true });
    await page.keyboard.press('Escape');

    // Saved as it is: refused in one sentence with the line and column, before VS Code writes anything.
    await page.keyboard.press('ControlOrMeta+S');
    const refusal = page
      .locator('.notification-toast')
      .filter({ hasText: `${server.name}.metadata.json was not saved` });
    await refusal.waitFor({ timeout: 30_000 });
    const refused = (await refusal.first().locator('.notification-list-item-message').innerText()) ?? '';
    assert.match(refused, /Line 3, column 3: .*"bad key!" has characters ECS does not allow/);
    assert.doesNotMatch(refused, /Unable to write|FileSystemError|NoPermissions|position/);
    assert.equal(
      await page.locator('.notification-toast').filter({ hasText: 'Unable to write' }).count(),
      0,
      "VS Code's own save error shown too",
    );
    await saveScreenshot(page, 'edit-json-refused', { keep: true });
    await runFromPalette(page, 'Notifications: Clear All Notifications');
    await refusal.waitFor({ state: 'hidden' });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');

    // The same line made right, then saved: a modal names what will change before anything is written.
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('"walk.added": "from the JSON editor",');
    await page.keyboard.press('Escape');
    await editor.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 30_000 });
    // VS Code for the Web saves a second after typing stops (files.autoSave is afterDelay there), but
    // not this document: nothing asked, nothing written, the tab still marked unsaved.
    const dialog = page.locator('.monaco-dialog-box');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.equal(await dialog.count(), 0, 'a pause in typing asked to write');
    assert.deepEqual(
      session.ecs.requests.filter((r) => r.method !== 'GET'),
      [],
      'a pause in typing wrote',
    );
    const unsavedTab = page
      .locator('.part.editor .tab.dirty')
      .filter({ has: page.getByText(`${server.name}.metadata.json`, { exact: true }) });
    assert.equal(await unsavedTab.count(), 1, 'the tab marked unsaved');
    await page.keyboard.press('ControlOrMeta+S');
    await dialog.waitFor({ timeout: 30_000 });
    const asked = (await dialog.textContent()) ?? '';
    // Names the profile, the server by its name and id, and the key with its old and new value.
    assert.match(asked, new RegExp(`Change the metadata of server ${server.name} \\(${server.id}\\)`));
    assert.match(asked, new RegExp(`Profile: ${sampleProfileName}`));
    assert.match(asked, /walk\.added: \(new key\) → "from the JSON editor"/);
    assert.doesNotMatch(asked, /→[^→]*→[^→]*→/, 'only the one key changed');
    assert.deepEqual(
      session.ecs.requests.filter((r) => r.method !== 'GET'),
      [],
      'written before it was confirmed',
    );
    await saveScreenshot(page, 'confirm-write', { keep: true });
    await dialog.locator('.monaco-button', { hasText: 'Write' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await eventually(
      () => treeRowDescription(page, [sampleProfileName, server.name, 'walk.added']),
      (d) => d === 'from the JSON editor',
      'the added key in the tree',
      30_000,
    );
    assert.equal(session.ecs.metadataOf(server.id)['walk.added'], 'from the JSON editor');

    // Undo from the palette: the open document follows (the key gone, nothing unsaved), and a save
    // after it is not refused as a change since the document was read.
    const documentText = (): Promise<string> =>
      editor
        .locator('.view-lines')
        .textContent()
        .then((t) => t ?? '');
    await eventually(documentText, (t) => t.includes('walk.added'), 'the document after the save', 30_000);
    await runFromPalette(page, 'ECS Metadata: Undo Last Metadata Change');
    await dialog.waitFor({ timeout: 30_000 });
    // It says it undoes, which change (its time and server) and what each key becomes.
    const serverNamed = `${server.name} \\(${server.id}\\)`;
    const undoAsked = (await dialog.textContent()) ?? '';
    assert.match(undoAsked, new RegExp(`Undo the change of \\d{1,2}:\\d{2}.* to server ${serverNamed}\\?`));
    assert.match(undoAsked, /walk\.added: "from the JSON editor" → \(deleted\)/);
    await saveScreenshot(page, 'confirm-undo', { keep: true });
    await dialog.locator('.monaco-button', { hasText: 'Undo' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(
      async () => session.ecs.metadataOf(server.id)['walk.added'],
      (value) => value === undefined,
      'the undo to remove walk.added',
      30_000,
    );
    // The toast names the key first, as removed by the undo.
    await page
      .locator('.notification-toast')
      .filter({ hasText: `removed: walk.added — undone on server ${server.name}` })
      .waitFor({ timeout: 30_000 });
    // A second Undo does not put the change back silently: it names the change before it (saying
    // this one is undone already) or, with none, offers Redo. Cancelled, it writes nothing.
    const writesBefore = session.ecs.requests.filter((r) => r.method !== 'GET').length;
    await runFromPalette(page, 'ECS Metadata: Undo Last Metadata Change');
    await dialog.waitFor({ timeout: 30_000 });
    const againAsked = (await dialog.textContent()) ?? '';
    assert.match(
      againAsked,
      new RegExp(
        `Already undone: the change of \\d{1,2}:\\d{2}.* to server ${serverNamed}|Redo the change of \\d{1,2}:\\d{2}.* to server ${serverNamed}`,
      ),
    );
    if (!/Redo/.test(againAsked)) {
      assert.doesNotMatch(
        againAsked,
        /walk\.added: \(new key\) → "from the JSON editor"/,
        'the undone change again',
      );
    }
    await saveScreenshot(page, 'confirm-undo-again', { keep: true });
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(
      session.ecs.requests.filter((r) => r.method !== 'GET').length,
      writesBefore,
      'a cancelled Undo wrote',
    );
    await eventually(
      async () => ({ text: await documentText(), unsaved: await unsavedTab.count() }),
      ({ text, unsaved }) => !text.includes('walk.added') && unsaved === 0,
      'the open document to show the undone state, saved',
      30_000,
    );
    assert.equal(
      await page.locator('.notification-toast').filter({ hasText: 'changed since' }).count(),
      0,
      "the extension's own Undo was called a change since the document was read",
    );
    await closeActiveEditor(page);
  });

  it('Delete Key on a system key asks twice, the second time naming what the IAM agency is; only then it deletes', async () => {
    await showOnlySampleProfile();
    await waitForNoToasts(page);
    const key = 'agency_name';
    const path = [sampleProfileName, server.name, key];
    const dialog = page.locator('.monaco-dialog-box');
    const deleteAgency = async (): Promise<string> => {
      await runContextMenuItem(await treeRowAt(page, path), 'Delete Key');
      await dialog.waitFor({ timeout: 30_000 });
      const first = (await dialog.textContent()) ?? '';
      assert.match(
        first,
        new RegExp(`Delete metadata key "${key}" of server ${server.name} \\(${server.id}\\)`),
      );
      assert.match(first, new RegExp(`Profile: ${sampleProfileName}`));
      assert.match(first, new RegExp(`${key}: "${server.metadata[key]}" → \\(deleted\\)`));
      await dialog.locator('.monaco-button', { hasText: 'Delete' }).click();
      // The second, separate modal: the key and what changing it does.
      await eventually(
        async () => ((await dialog.count()) > 0 ? ((await dialog.textContent()) ?? '') : ''),
        (t) => t.includes('system key'),
        'the second modal',
        30_000,
      );
      return (await dialog.textContent()) ?? '';
    };
    session.ecs.clearRequests();
    const second = await deleteAgency();
    assert.match(
      second,
      new RegExp(`Change system key "${key}" of server ${server.name} \\(${server.id}\\)\\?`),
    );
    assert.match(
      second,
      new RegExp(
        `Changes the IAM agency of server ${server.name} \\(${server.id}\\): what software on it may do in your account`,
      ),
    );
    await saveScreenshot(page, 'confirm-system-key', { keep: true });
    assert.deepEqual(
      session.ecs.requests.filter((r) => r.method !== 'GET'),
      [],
      'written before the second answer',
    );
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(session.ecs.metadataOf(server.id)[key], server.metadata[key], 'deleted though declined');

    await deleteAgency();
    await dialog.locator('.monaco-button', { hasText: 'Change System Key' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(
      () => treeRowDescription(page, path),
      (d) => d === undefined,
      `${key} gone from the tree`,
      30_000,
    );
    assert.equal(key in session.ecs.metadataOf(server.id), false);
  });

  it('Change Metadata of Found Servers: the plan, the modal, progress, the summary, and Undo', async () => {
    const production = session.servers.filter((s) => session.ecs.metadataOf(s.id).env === 'production');
    const before = new Map(production.map((s) => [s.id, session.ecs.metadataOf(s.id)]));
    if (!(await treeRow(page, sampleProfileName).isVisible())) await openViewContainer(page, 'ECS Metadata');
    await runFromPalette(page, 'ECS Metadata: Find Servers by Metadata…');
    const query = quickInputTitled(page, 'Find Servers by Metadata').locator('.quick-input-box input');
    await query.waitFor();
    await query.fill('env=production');
    await query.press('Enter');
    // Several profiles now: the find asks where to look.
    await pickItem(page, 'Where to look', sampleProfileName);
    for (const s of production) await treeRow(page, s.name).filter({ hasText: 'env=production' }).waitFor();
    await waitForNoToasts(page);
    session.ecs.clearRequests();

    await runViewTitleAction(page, 'Change Metadata of Found Servers…');
    const boxes = quickInputTitled(page, `Change Metadata of ${production.length} Found Servers`);
    await boxes.locator('.quick-input-message', { hasText: 'Keys to set on every server' }).waitFor();
    await setInputText(page, 'walk.bulk="from the walk"');
    await page.keyboard.press('Enter');
    await boxes.locator('.quick-input-message', { hasText: 'Keys to remove' }).waitFor();
    await page.keyboard.press('Enter');

    // The plan is in the editor, and a modal names the count and the key, before anything is written.
    await editorTab(page, 'Bulk change plan.txt').waitFor({ timeout: 30_000 });
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const asked = (await dialog.textContent()) ?? '';
    assert.match(
      asked,
      new RegExp(`Change the metadata of ${production.length} servers in ${sampleProfileName}`),
    );
    assert.match(asked, /Set walk\.bulk\./);
    assert.deepEqual(
      session.ecs.requests.filter((r) => r.method !== 'GET'),
      [],
      'written before it was confirmed',
    );
    const plan = page.locator('.part.editor .view-lines');
    // The editor renders spaces as no-break spaces.
    const planText = ((await plan.textContent()) ?? '').replace(/\u00a0/g, ' ');
    assert.match(planText, /walk\.bulk: \(new key\) → "from the walk"/);
    await saveScreenshot(page, 'bulk-plan', { keep: true });
    await dialog.locator('.monaco-button', { hasText: `Write to ${production.length} Servers` }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The summary, with Undo.
    const summary = page
      .locator('.notification-toast')
      .filter({ hasText: `changed ${production.length} · unchanged 0` });
    await summary.waitFor({ timeout: 30_000 });
    for (const s of production) assert.equal(session.ecs.metadataOf(s.id)['walk.bulk'], 'from the walk');
    await page
      .locator('.notification-toast', { hasText: 'Changing the metadata' })
      .waitFor({ state: 'hidden' });
    assert.deepEqual(
      session.ecs.requests.filter((r) => r.method !== 'GET').map((r) => r.method),
      production.map(() => 'POST'),
      'one merge per server',
    );
    await saveScreenshot(page, 'bulk-summary', { keep: true });
    await summary.locator('.monaco-button', { hasText: 'Undo' }).click();
    await dialog.waitFor({ timeout: 30_000 });
    assert.match((await dialog.textContent()) ?? '', /Undo the bulk change of .* to \d+ servers\?/);
    await dialog.locator('.monaco-button', { hasText: 'Undo' }).click();
    await eventually(
      async () => production.every((s) => session.ecs.metadataOf(s.id)['walk.bulk'] === undefined),
      (undone) => undone,
      'the undo on the server',
      30_000,
    );
    for (const s of production) assert.deepEqual(session.ecs.metadataOf(s.id), before.get(s.id));
    // What the person reads once it is done.
    await page
      .locator('.notification-toast', { hasText: `Undone on ${production.length} servers.` })
      .waitFor({ timeout: 30_000 });
    await runFromPalette(page, 'View: Close All Editors');
    await runViewTitleAction(page, 'Clear Filter');
    await page.getByText('Showing servers whose metadata matches').waitFor({ state: 'hidden' });
  });

  it('Check Metadata Policy shows the sample servers that break the workspace policy; Fix deletes a forbidden key through the plan', async () => {
    // The sample workspace's .vscode/ecs-metadata-policy.json (test/fixtures/sample-workspace).
    const breaking: [string, string][] = [
      ['日志服务器', 'env=生产环境 not in [production, staging, dev-*]'],
      ['batch-worker', 'retry.max=5 forbidden'],
      ['ci-runner-new', 'owner missing'],
    ];
    const batchWorker = session.servers.find((s) => s.name === 'batch-worker');
    assert.ok(batchWorker?.metadata['retry.max'], 'the sample seed must hold batch-worker with retry.max');
    if (!(await treeRow(page, sampleProfileName).isVisible())) await openViewContainer(page, 'ECS Metadata');
    session.ecs.clearRequests();
    await runFromPalette(page, 'ECS Metadata: Check Metadata Policy');
    await pickItem(page, 'Where to look', sampleProfileName);
    for (const [name, violations] of breaking) {
      await treeRow(page, name).filter({ hasText: violations }).waitFor({ timeout: 30_000 });
    }
    // The view's message: the policy file (as VS Code names it, from the workspace folder) and the counts.
    await page
      .getByText(
        /^Servers that break the policy \S*\.vscode\/ecs-metadata-policy\.json — owner: 1 server · env values: 1 server · no scratch keys: 1 server$/,
      )
      .waitFor();
    for (const s of session.servers.filter((s) => !breaking.some(([name]) => name === s.name))) {
      assert.equal(await treeRow(page, s.name).count(), 0, `${s.name} is shown`);
    }
    assert.deepEqual(
      session.ecs.requests.filter((r) => r.method !== 'GET'),
      [],
      'checking writes nothing',
    );
    await waitForNoToasts(page);
    // Wide enough for the violations, then back to the walk's width.
    await resizeSideBar(page, 600);
    await saveScreenshot(page, 'policy', { keep: true });
    await resizeSideBar(page, 400);

    // Fix: the forbidden key, deleted through bulk edit's plan and modal.
    await runViewTitleAction(page, 'Fix Servers That Break the Policy…');
    await quickInputTitled(page, 'Fix Servers That Break the Policy')
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Fix 1 server: delete retry.max' })
      .click();
    await editorTab(page, 'Bulk change plan.txt').waitFor({ timeout: 30_000 });
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match((await dialog.textContent()) ?? '', /Change the metadata of 1 server in /);
    const planText = await eventually(
      async () =>
        ((await page.locator('.part.editor .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' '),
      (text) => text.includes('retry.max: "5" → deleted'),
      'the plan to show the deletion',
    );
    assert.match(planText, /rule “no scratch keys”/);
    assert.deepEqual(
      session.ecs.requests.filter((r) => r.method !== 'GET'),
      [],
      'written before it was confirmed',
    );
    await saveScreenshot(page, 'policy-fix-plan', { keep: true });
    await dialog.locator('.monaco-button', { hasText: 'Write to 1 Server' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(
      async () => session.ecs.metadataOf(batchWorker.id)['retry.max'],
      (value) => value === undefined,
      'retry.max deleted on the server',
      30_000,
    );
    // The check runs again: batch-worker has left the view.
    await treeRow(page, 'batch-worker').waitFor({ state: 'detached', timeout: 30_000 });
    await treeRow(page, 'ci-runner-new').waitFor();
    await runFromPalette(page, 'View: Close All Editors');
    await runViewTitleAction(page, 'Clear Filter');
    await page.getByText('Servers that break the policy').waitFor({ state: 'hidden' });
  });

  /*
   * A password profile's IAM token outlives the extension host: after a restart its first read is
   * one request, with the token kept in SecretStorage, and no sign-in.
   */
  const passwordProfileName = 'Walk password';
  const passwordTarget = (): { server: SampleServer; key: string; value: string } => {
    const target = session.servers[1];
    const [key, value] = Object.entries(target.metadata).find(
      ([, v]) => v !== htmlValue && !v.startsWith('{'),
    ) as [string, string];
    return { server: target, key, value: session.ecs.metadataOf(target.id)[key] ?? value };
  };
  let keptToken = '';

  /** Folds every top-level row, so only what a step expands is on screen (and read again after a restart). */
  async function foldProfiles(): Promise<void> {
    if (!(await treeRow(page, sampleProfileName).isVisible())) await openViewContainer(page, 'ECS Metadata');
    for (const name of [sampleProfileName, importedCloudName, 'From the walkthrough', passwordProfileName]) {
      await collapse(treeRow(page, name));
    }
  }

  /** Expands the password profile and its server, and clicks the key: the panel shows its value. */
  async function readWithPasswordProfile(): Promise<void> {
    const { server: target, key, value } = passwordTarget();
    await expand(treeRow(page, passwordProfileName));
    await expand(await treeRowAt(page, [passwordProfileName, target.name]));
    await showInPanel(await treeRowAt(page, [passwordProfileName, target.name, key]), value);
  }

  it('adds a password profile with Add Profile and reads a key with it', async () => {
    await foldProfiles();
    await addPasswordProfile(page, session.ecs, passwordProfileName);
    session.ecs.clearRequests();
    await readWithPasswordProfile();
    const signIns = session.ecs.requests.filter((r) => r.method === 'POST' && r.path === '/v3/auth/tokens');
    assert.equal(signIns.length, 1, 'the saved profile signs in once');
    const { key } = passwordTarget();
    const read = session.ecs.requests.filter((r) => r.path.endsWith(`/metadata/${key}`));
    keptToken = read.at(-1)?.headers['x-auth-token'] ?? '';
    assert.ok(keptToken, 'the key was read with an IAM token');
  });

  it('after a window reload (a new extension host), the password profile reads a key with one request and no sign-in', async () => {
    // Nothing of the profile left on screen, so the new extension host reads only what is asked below.
    await runFromPalette(page, 'View: Close All Editors');
    await foldProfiles();
    fs.rmSync(session.seededFile, { force: true });
    session.ecs.clearRequests();

    // VS Code for the Web has no "Developer: Restart Extension Host"; a reload starts a new one.
    await runFromPalette(page, 'Developer: Reload Window');
    await page.waitForEvent('domcontentloaded');
    await waitForWorkbench(page);
    // The credential seeder runs in every extension host that starts: its marker says a new one has.
    await waitForSeed(session.seededFile);
    if (!(await treeRow(page, passwordProfileName).isVisible()))
      await openViewContainer(page, 'ECS Metadata');
    await readWithPasswordProfile();

    const signIns = session.ecs.requests.filter((r) => r.path === '/v3/auth/tokens');
    assert.deepEqual(
      signIns.map((r) => `${r.method} ${r.path}?${r.query}`),
      [],
      'signed in again after the restart: the token was not kept',
    );
    const withToken = session.ecs.requests.filter((r) => r.headers['x-auth-token'] !== undefined);
    assert.ok(withToken.length > 0, 'the password profile sent nothing');
    for (const r of withToken) {
      assert.equal(r.headers['x-auth-token'], keptToken, `${r.method} ${r.path} used another token`);
      assert.equal(r.status, 200, `${r.method} ${r.path} answered ${r.status}`);
    }
    const { key } = passwordTarget();
    const read = session.ecs.requests.filter((r) => r.path.endsWith(`/metadata/${key}`));
    assert.deepEqual(
      read.map((r) => `${r.method} ${r.status}`),
      ['GET 200'],
      'the key was read with one request',
    );
  });
});

/**
 * Selects two tree rows together (a click, then Ctrl/Cmd+click), driven by their `aria-selected`
 * state: on a loaded machine a redraw can drop a click or the selection, and Compare then asks for
 * the second server instead. Ctrl+click toggles, so each row is clicked only while it is not selected.
 */
async function selectBoth(page: Page, first: string, second: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!(await clickUntil(treeRow(page, first), 'aria-selected', true, { attempts: 1 }))) continue;
    await clickUntil(treeRow(page, second), 'aria-selected', true, {
      modifiers: ['ControlOrMeta'],
      attempts: 1,
    });
    const both = await Promise.all(
      [first, second].map((n) => treeRow(page, n).getAttribute('aria-selected')),
    );
    if (both.every((v) => v === 'true')) return;
  }
  throw new Error(`${first} and ${second} could not be selected together`);
}
