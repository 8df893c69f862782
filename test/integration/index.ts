/**
 * The integration suite's entry: VS Code's extension host calls `run()` (the contract both
 * `@vscode/test-electron` and the code-server runner use). Mocha BDD over every compiled
 * `out/test/integration/**\/*.test.js`; the spec reporter prints through `console.log`, which the
 * host forwards to the runner's terminal. Every test runs inside the root hooks of
 * `support/testSetup.ts` (settings and secrets put back after each). Rejects when any test failed, so the exit code says so.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { rootHooks } from './support/testSetup';

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => path.join(dir, file))
    .sort();
}

export function run(): Promise<void> {
  // Real VS Code, real HTTP: generous per-test limit; speed is the benchmarks' business.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, rootHooks });
  const grep = process.env.ECS_INTEGRATION_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
