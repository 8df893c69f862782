/**
 * Installs code-server (VS Code server + web workbench, published on npm) into a cache folder
 * outside the project's node_modules, once. It is a test tool, not a dependency: a fresh clone gets
 * it on the first real-VS-Code test run. A marker file written after a verified install makes later
 * runs instant; a lock directory keeps two concurrent runs from installing over each other.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkPrerequisites } from './prerequisites';
import { seedRipgrepCache } from './ripgrepCache';

export const codeServerVersion = '4.100.3';

const markerName = '.ecs-install-complete';
const lockStaleMs = 20 * 60 * 1000;

export function codeServerDir(): string {
  return (
    process.env.ECS_CODE_SERVER_DIR ??
    path.join(os.homedir(), '.cache', 'ecs-metadata-explorer', `code-server-${codeServerVersion}`)
  );
}

export function codeServerBin(dir: string = codeServerDir()): string {
  return path.join(dir, 'node_modules', '.bin', 'code-server');
}

function isInstalled(dir: string): boolean {
  return fs.existsSync(path.join(dir, markerName)) && fs.existsSync(codeServerBin(dir));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function lockOwner(lockDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined; // Just created, pid not written yet — or already released.
  }
}

function lockAge(lockDir: string): number {
  try {
    return Date.now() - fs.statSync(lockDir).mtimeMs;
  } catch {
    return 0;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** mkdir is atomic: whoever creates the lock directory installs; the others wait for the marker. */
async function acquireLock(lockDir: string, dir: string): Promise<boolean> {
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (isInstalled(dir)) return false;
    const owner = lockOwner(lockDir);
    if ((owner !== undefined && !processAlive(owner)) || lockAge(lockDir) > lockStaleMs) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    await sleep(2000);
  }
}

function runInstall(dir: string, logFile: string): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // code-server's postinstall refuses to run as root without it (it checks the variable itself).
    npm_config_unsafe_perm: 'true',
    // A nested `npx node-gyp` must not wait for a "Need to install…?" answer.
    npm_config_yes: 'true',
    // npm 11 only runs install scripts a policy approves; code-server is nothing without its
    // postinstall (which runs a nested `npm install` in lib/vscode that builds native modules),
    // and that nested project has no policy of its own, so allow scripts for this cache install.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // The ripgrep downloader looks for its cache in os.tmpdir(): make sure it is the one we seeded.
    TMPDIR: os.tmpdir(),
  };
  const log = fs.openSync(logFile, 'w');
  return new Promise<void>((resolve, reject) => {
    const child = spawn(
      'npm',
      ['install', '--prefix', dir, '--no-save', '--foreground-scripts', `code-server@${codeServerVersion}`],
      { cwd: dir, env, stdio: ['ignore', log, log] },
    );
    const ticker = setInterval(() => process.stdout.write('.'), 10_000);
    child.on('error', (err) => {
      clearInterval(ticker);
      fs.closeSync(log);
      reject(err);
    });
    child.on('close', (code) => {
      clearInterval(ticker);
      fs.closeSync(log);
      process.stdout.write('\n');
      if (code === 0) resolve();
      else reject(new Error(`npm install code-server@${codeServerVersion} exited with ${code}`));
    });
  });
}

function verify(dir: string): string {
  const result = spawnSync(codeServerBin(dir), ['--version'], { encoding: 'utf8', timeout: 60_000 });
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !out.includes(codeServerVersion)) {
    throw new Error(`code-server --version did not report ${codeServerVersion}:\n${out}`);
  }
  // The workbench needs the native modules the postinstall built; a skipped script leaves them out.
  const vscodeModules = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  for (const mod of ['@vscode/spdlog', 'node-pty', '@vscode/ripgrep/bin/rg']) {
    if (!fs.existsSync(path.join(vscodeModules, mod))) {
      throw new Error(`code-server's postinstall did not complete: ${mod} is missing under ${vscodeModules}`);
    }
  }
  return out.split('\n')[0] ?? out;
}

/** Returns the code-server executable, installing it first if needed. */
export async function ensureCodeServer(): Promise<string> {
  const dir = codeServerDir();
  if (isInstalled(dir)) return codeServerBin(dir);

  checkPrerequisites({ needBuildHeaders: true });
  fs.mkdirSync(dir, { recursive: true });
  const lockDir = `${dir}.lock`;
  if (!(await acquireLock(lockDir, dir))) return codeServerBin(dir);
  try {
    if (isInstalled(dir)) return codeServerBin(dir);
    // A private package.json stops npm from walking up into whatever project holds the cache.
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'ecs-code-server-cache', private: true }, null, 2),
    );
    seedRipgrepCache();
    const logFile = path.join(dir, 'install.log');
    process.stdout.write(
      `Installing code-server@${codeServerVersion} into ${dir} (once; a few minutes; log: ${logFile}) `,
    );
    try {
      await runInstall(dir, logFile);
    } catch (err) {
      const tail = fs.existsSync(logFile)
        ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n')
        : '';
      throw new Error(`${(err as Error).message}\n--- last lines of ${logFile} ---\n${tail}`);
    }
    const version = verify(dir);
    fs.writeFileSync(path.join(dir, markerName), `${version}\n${new Date().toISOString()}\n`);
    process.stdout.write(`Installed ${version}\n`);
    return codeServerBin(dir);
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

// `node out/test/runner/codeServerInstall.js` installs (or reports) without running any test.
if (require.main === module) {
  ensureCodeServer().then(
    (bin) => console.log(bin),
    (err: Error) => {
      console.error(err.message);
      process.exitCode = 1;
    },
  );
}
