/**
 * Desktop VS Code for `npm start`, when a `code` command exists: an Extension Development Host on
 * a temporary profile (user-data and extensions folders of its own), so nothing of the user's own
 * VS Code setup is touched or used.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { onTeardown } from './teardown';
import { createThrowawayProfile } from './throwawayProfile';

export function findCodeCommand(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const bin = found.stdout.trim();
  return found.status === 0 && bin ? bin : undefined;
}

/** Processes whose command line names `marker` (a unique temp path) — ours, and only ours. */
function processesNaming(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

export interface DesktopOptions {
  code: string;
  root: string;
  extensionDevelopmentPath: string;
  settings: Record<string, unknown>;
  env: Record<string, string>;
  vsixes: string[];
  /** A folder whose files the workspace starts with (the sample workspace). */
  workspaceFrom?: string;
}

/** Starts the Extension Development Host; resolves when its window is closed. */
export function openDesktopCode(options: DesktopOptions): Promise<void> {
  const { userDataDir, extensionsDir, workspaceDir } = createThrowawayProfile(
    options.root,
    options.settings,
    options.workspaceFrom,
  );
  const profile = [`--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`];
  for (const vsix of options.vsixes) {
    const installed = spawnSync(options.code, [...profile, '--install-extension', vsix], {
      encoding: 'utf8',
    });
    if (installed.status !== 0)
      throw new Error(`code --install-extension ${vsix} failed:\n${installed.stderr}`);
  }
  // Electron detaches from the `code` launcher, so stop it by the unique profile path it runs with.
  if (process.platform === 'linux') {
    onTeardown('close desktop VS Code', () => {
      for (const pid of processesNaming(userDataDir)) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
    });
  }
  const child = spawn(
    options.code,
    [
      ...profile,
      `--extensionDevelopmentPath=${options.extensionDevelopmentPath}`,
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--new-window',
      '--wait',
      workspaceDir,
    ],
    { env: { ...process.env, ...options.env }, stdio: 'inherit' },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
}
