/**
 * Debian's Chromium driven by playwright-core, opening the code-server workbench. The workbench
 * forwards the extension host's console through `codeAutomationLog` and reports the end of a test
 * run through `codeAutomationExit`, both exposed on the page before it loads.
 */
import * as util from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './prerequisites';
import { onTeardown } from './teardown';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  onTeardown('close the browser', () => browser.close());
  return browser;
}

export interface WorkbenchPage {
  context: BrowserContext;
  page: Page;
  /** Resolves with the code the workbench passed to `codeAutomationExit` (end of a test run). */
  exitCode: Promise<number>;
}

export interface OpenOptions {
  /** Receives each extension-host log line (already formatted). Default: print it. */
  onLog?: (type: string, line: string) => void;
  viewport?: { width: number; height: number };
  /** Let the page read and write the clipboard (the e2e walk reads back what Copy wrote). */
  clipboard?: boolean;
}

/** `codeAutomationLog` gets console arguments as the extension host logged them (format first). */
function formatLogArgs(args: unknown): string {
  const list = Array.isArray(args) ? args : [args];
  return util.format(
    ...list.map((a) => (typeof a === 'string' || typeof a === 'number' ? a : util.inspect(a))),
  );
}

/**
 * Workbench chatter that says nothing about the extension: the unreachable gallery (open-vsx has
 * no route from here, harmless) and connection bookkeeping. Shown with ECS_RUNNER_VERBOSE=1.
 */
const workbenchNoise = [
  /ENOTFOUND open-vsx\.org/,
  /^Creating a socket \(|^Resolving connection token|^Resolved connection token/,
  /^Updating additional builtin extensions cache$/,
  /^\[Service Worker\] registered$/,
  /^ChatSessionStore: /,
  /^Creation of workbench contribution /,
];

export function printLog(type: string, line: string): void {
  if (!process.env.ECS_RUNNER_VERBOSE && workbenchNoise.some((noise) => noise.test(line))) return;
  (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}

export async function openWorkbench(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<WorkbenchPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  if (options.clipboard) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  }
  const onLog = options.onLog ?? printLog;
  let reportExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (reportExit = resolve));
  await context.exposeFunction('codeAutomationLog', (type: string, args: unknown) =>
    onLog(type, formatLogArgs(args)),
  );
  await context.exposeFunction('codeAutomationExit', (code: number) => reportExit(Number(code)));
  const page = await context.newPage();
  if (process.env.ECS_RUNNER_VERBOSE) {
    page.on('console', (msg) => process.stdout.write(`[page ${msg.type()}] ${msg.text()}\n`));
  }
  // A busy machine (a 2-core CI box compiling beside the run) can take well over playwright's default
  // 30 s to serve the workbench; a failed page load fails a whole suite, so wait longer.
  await page.goto(url, { timeout: pageLoadTimeoutMs() });
  return { context, page, exitCode };
}

function pageLoadTimeoutMs(): number {
  const seconds = Number(process.env.ECS_PAGE_LOAD_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 180_000;
}
