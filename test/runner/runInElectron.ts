/**
 * `npm run test:electron`: the same integration suite under `@vscode/test-electron`, for machines
 * that can download VS Code (a laptop, a public CI). Where the download site is unreachable it
 * fails within seconds and says to use `npm test` (the code-server runner) instead.
 * Env: `ECS_VSCODE_EXECUTABLE` uses an existing VS Code; `ECS_VSCODE_VERSION` picks the download.
 */
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { certificateEnv } from './certificateEnv';
import { repoRoot, requireBuiltExtension } from './paths';

const downloadSite = 'https://update.code.visualstudio.com/api/releases/stable';

function reachable(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.get(url, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
  });
}

async function main(): Promise<number> {
  requireBuiltExtension();
  const vscodeExecutablePath = process.env.ECS_VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath && !(await reachable(downloadSite, 5000))) {
    console.error(
      `Cannot reach ${new URL(downloadSite).host} to download VS Code, so @vscode/test-electron cannot run here.\n` +
        'Run the same suite in code-server instead: `npm test` (or `node out/test/runner/runInCodeServer.js`),\n' +
        'or point ECS_VSCODE_EXECUTABLE at an installed VS Code.',
    );
    return 1;
  }
  const userDataDir = path.join(os.tmpdir(), `ecs-electron-user-${process.pid}`);
  return runTests({
    ...(vscodeExecutablePath
      ? { vscodeExecutablePath }
      : { version: process.env.ECS_VSCODE_VERSION ?? 'stable' }),
    // Outside the repository, like the code-server cache.
    cachePath: path.join(os.homedir(), '.cache', 'ecs-metadata-explorer', 'vscode-test'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    extensionTestsEnv: certificateEnv(),
    launchArgs: [
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${userDataDir}`,
      os.tmpdir(),
    ],
  });
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    // runTests rejects with TestRunFailedError when the suite failed; mocha already printed why.
    console.error(err.message);
    process.exit(1);
  },
);
