/**
 * Activation in a real VS Code: code-server + headless Chromium through the test runner's launcher,
 * with the production build as the development folder and `activation.ts` as the tests module. Each
 * sample is a new workbench window, hence a new extension host that loads the extension from cold.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchBrowser, openWorkbench } from '../test/runner/browser';
import { startCodeServer } from '../test/runner/codeServer';
import { teardown, withTimeout } from '../test/runner/teardown';
import type { ActivationFigures } from './activation';
import { summarize, type Summary } from './stats';

export interface ActivationResult {
  samples?: ActivationFigures[];
  activateMs?: Summary;
  requireMs?: Summary;
  error?: string;
}

export async function measureActivationInCodeServer(
  extensionDir: string,
  samples: number,
): Promise<ActivationResult> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-bench-activation-'));
  const outFile = path.join(tmp, 'activation.json');
  const figures: ActivationFigures[] = [];
  try {
    const server = await startCodeServer({ env: { ECS_BENCH_ACTIVATION_OUT: outFile } });
    const browser = await launchBrowser();
    const url = server.workbenchUrl({
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: path.join(__dirname, 'activation.js'),
    });
    for (let i = 0; i < samples; i++) {
      fs.rmSync(outFile, { force: true });
      const { context, exitCode } = await openWorkbench(browser, url, { onLog: () => undefined });
      const code = await withTimeout(exitCode, 120_000, 'Activation in code-server');
      await context.close();
      if (code !== 0 || !fs.existsSync(outFile))
        throw new Error(`extension host run ended with code ${code}`);
      figures.push(JSON.parse(fs.readFileSync(outFile, 'utf8')) as ActivationFigures);
    }
    return {
      samples: figures,
      activateMs: summarize(figures.map((f) => f.activateMs)),
      requireMs: summarize(figures.map((f) => f.requireMs)),
    };
  } catch (err) {
    return { samples: figures, error: err instanceof Error ? err.message : String(err) };
  } finally {
    // Stops code-server (its whole process group) and the browser, and removes their folders.
    // The runner's teardown runs once per process, so this is the only code-server the bench starts.
    await teardown();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
