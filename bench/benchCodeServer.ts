/**
 * One code-server (and one headless browser) for every bench case that runs inside VS Code. Each case
 * opens a new workbench window, hence a new extension host, with its own `extensionTestsPath` module.
 * The runner's teardown stops code-server and the browser and runs once per process, so it runs here,
 * after the last case, and nowhere else in the bench.
 */
import { launchBrowser, openWorkbench } from '../test/runner/browser';
import { startCodeServer } from '../test/runner/codeServer';
import { teardown, withTimeout } from '../test/runner/teardown';

export interface BenchCodeServer {
  /** Runs `testsModule` in a new window with `extensionDir` as the development folder; its exit code. */
  runWindow(extensionDir: string, testsModule: string, limitMs: number, what: string): Promise<number>;
}

/** Starts code-server with `env` (the extension hosts inherit it), runs `work`, then stops everything. */
export async function withBenchCodeServer<T>(
  env: Record<string, string>,
  work: (codeServer: BenchCodeServer) => Promise<T>,
): Promise<T> {
  try {
    const server = await startCodeServer({ env });
    const browser = await launchBrowser();
    return await work({
      async runWindow(extensionDir, testsModule, limitMs, what) {
        const url = server.workbenchUrl({
          extensionDevelopmentPath: extensionDir,
          extensionTestsPath: testsModule,
        });
        const { context, exitCode } = await openWorkbench(browser, url, { onLog: () => undefined });
        try {
          return await withTimeout(exitCode, limitMs, what);
        } finally {
          await context.close();
        }
      },
    });
  } finally {
    await teardown();
  }
}
