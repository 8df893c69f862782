/**
 * `npm start` as a newcomer meets it (browser mode, as on a machine without a `code` command):
 * it prints a URL, that URL opens VS Code with the "Local sample" profile already configured and
 * its credentials seeded, the sample servers show in the tree — and Ctrl-C stops everything.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { localCredentials } from '../ecs-server/credentials';
import { launchBrowser, openWorkbench } from '../runner/browser';
import { repoRoot } from '../runner/paths';
import { readSampleServers, sampleProfileName } from '../runner/sampleProfile';
import { saveScreenshot } from './screenshots';
import { viewport } from './walkSession';
import { eventually, expand, openViewContainer, resizeSideBar, treeRow, waitForWorkbench } from './workbench';

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
  });
}

describe('npm start: the sample profile in VS Code, with nothing to type', function () {
  let start: ChildProcess;
  let output = '';
  let workbenchUrl: string;
  let ecsUrl: string;
  let browser: Browser;
  let page: Page;

  before(async function () {
    this.timeout(180_000);
    start = spawn(process.execPath, [path.join(repoRoot, 'out', 'test', 'runner', 'start.js')], {
      env: { ...process.env, ECS_START_MODE: 'browser' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const printed = await eventually(
      async () => output,
      (text) => /^\s+http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+$/m.test(text) || start.exitCode !== null,
      'npm start printing its URL',
      150_000,
    );
    workbenchUrl = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m.exec(printed)?.[1] ?? '';
    ecsUrl = /Local ECS-compatible server: (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1] ?? '';
    assert.ok(workbenchUrl && ecsUrl, `npm start printed:\n${printed}`);
    browser = await launchBrowser();
    ({ page } = await openWorkbench(browser, workbenchUrl, { viewport, onLog: () => undefined }));
  });

  after(async () => {
    await browser?.close();
    if (start && start.exitCode === null) start.kill('SIGKILL');
  });

  it('opens the printed URL on the sample profile and its servers', async () => {
    await waitForWorkbench(page);
    await openViewContainer(page, 'ECS Metadata');
    await resizeSideBar(page, 400);
    await expand(treeRow(page, sampleProfileName));
    for (const server of readSampleServers()) await treeRow(page, server.name).waitFor();
    await saveScreenshot(page, 'start');
  });

  it('prints the endpoints and sample credentials, so Add Profile can be tried by hand', () => {
    const c = localCredentials();
    assert.ok(output.includes(`ECS endpoint: ${ecsUrl}`), output);
    assert.ok(output.includes(`IAM endpoint: ${ecsUrl}`), output);
    assert.ok(output.includes(`${c.accessKey} / ${c.secretKey}`), output);
    assert.ok(output.includes(`user ${c.user}, password ${c.password}`), output);
  });

  it('has stored the credentials without any typing', async () => {
    await eventually(
      async () => output,
      (text) => text.includes('stored in VS Code'),
      'seeding report',
    );
  });

  it('stops the ECS server and code-server on Ctrl-C', async () => {
    await browser.close();
    const exited = new Promise<number | null>((resolve) => start.once('exit', (code) => resolve(code)));
    start.kill('SIGINT');
    assert.equal(await exited, 130);
    assert.equal(await answers(ecsUrl), false, 'the ECS server still answers');
    assert.equal(await answers(new URL(workbenchUrl).origin), false, 'code-server still answers');
  });
});
