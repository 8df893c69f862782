/**
 * Runs the integration suite (`out/test/integration/index.js`) inside a real VS Code here:
 * code-server + headless Chromium. The extension is loaded from the development folder; mocha's
 * output from the extension host is printed as it arrives; the exit code is the suite's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, openWorkbench } from './browser';
import { certificateEnv } from './certificateEnv';
import { startCodeServer } from './codeServer';
import { repoRoot, requireBuiltExtension } from './paths';
import { runGuarded } from './runGuarded';

async function main(): Promise<number> {
  requireBuiltExtension();
  const suite = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(suite)) throw new Error(`${suite} is missing — run \`npm run build\` first.`);

  const server = await startCodeServer({ env: certificateEnv() });
  console.log(`code-server ${server.url} (log: ${server.logFile})`);
  const browser = await launchBrowser();
  const { exitCode } = await openWorkbench(
    browser,
    server.workbenchUrl({ extensionDevelopmentPath: repoRoot, extensionTestsPath: suite }),
  );
  const code = await exitCode;
  console.log(`integration suite finished with exit code ${code}`);
  return code;
}

// Silence: the soak's heap case may run 900 s without a line. The ceiling leaves room for a loaded machine.
runGuarded('The integration suite in code-server', { silenceSeconds: 960, overallSeconds: 2700 }, main);
