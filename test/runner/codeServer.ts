/**
 * Starts code-server (a real VS Code: Node server + web workbench) on a free 127.0.0.1 port with a
 * throw-away user-data, extensions and workspace folder, and stops it — its whole process group,
 * which includes the extension host — when the run ends, whatever way it ends.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer } from './codeServerInstall';
import { freePort } from './freePort';
import { registerLanguagePacks } from './languagePacks';
import { onTeardown } from './teardown';
import { createThrowawayProfile } from './throwawayProfile';

export interface CodeServerOptions {
  /** User settings on top of the quiet defaults (written to `<user-data>/User/settings.json`). */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server; the extension host inherits it. */
  env?: Record<string, string>;
  /** `.vsix` files installed into the throw-away extensions folder before start. */
  vsixes?: string[];
  /** A folder whose files the workspace starts with (the sample workspace); default empty. */
  workspaceFrom?: string;
  /** Fixed port (npm start); default a free one. */
  port?: number;
  /** Also copy code-server's own output to the terminal (it always goes to `logFile`). */
  echoOutput?: boolean;
  /**
   * Display language (`--locale`, e.g. `zh-cn`). VS Code only switches to it — `vscode.env.language`,
   * extension nls and l10n bundles included — when an installed language pack contributes it.
   */
  locale?: string;
}

/** Payload entries the web workbench understands (a Map, so each key once). */
export interface WorkbenchPayload {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

export interface CodeServer {
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  workspaceDir: string;
  logFile: string;
  /** A local path as the workbench addresses it: `vscode-remote://127.0.0.1:<port><path>`. */
  remoteUri(fsPath: string): string;
  /** The URL that opens the workspace folder, with the development/test payload if any. */
  workbenchUrl(payload?: WorkbenchPayload): string;
  stop(): Promise<void>;
}

function configFile(dir: string, port: number): string {
  const file = path.join(dir, 'config.yaml');
  // Our own config file, so code-server neither reads nor writes ~/.config/code-server.
  fs.writeFileSync(file, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  return file;
}

function installVsix(
  bin: string,
  vsix: string,
  dirs: { extensionsDir: string; userDataDir: string; config: string },
): void {
  const result = spawnSync(
    bin,
    [
      '--config',
      dirs.config,
      '--user-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
      '--install-extension',
      vsix,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${path.basename(vsix)} failed:\n${output}`);
  }
}

function answersHttp(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

async function waitUntilServing(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `code-server exited early (${child.exitCode ?? child.signalCode}):\n${tailOf(logFile)}`,
      );
    }
    if (await answersHttp(`${url}/healthz`)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer on ${url} within 90 s:\n${tailOf(logFile)}`);
}

function tailOf(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Stops the process group: SIGTERM, then SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
  if ((await Promise.race([exited, timer])) === 'timeout') signalGroup('SIGKILL');
  // Stragglers of the group (extension host, watchers) go too, even after the leader exited.
  signalGroup('SIGKILL');
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const bin = await ensureCodeServer();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-vscode-'));
  onTeardown(`remove ${root}`, () => fs.rmSync(root, { recursive: true, force: true }));
  const { userDataDir, extensionsDir, workspaceDir } = createThrowawayProfile(
    root,
    options.settings,
    options.workspaceFrom,
  );

  const port = options.port ?? (await freePort());
  const config = configFile(root, port);
  for (const vsix of options.vsixes ?? []) installVsix(bin, vsix, { extensionsDir, userDataDir, config });
  const languages = registerLanguagePacks(extensionsDir, userDataDir);
  if (options.locale && !options.locale.startsWith('en') && !languages.includes(options.locale)) {
    throw new Error(`--locale ${options.locale} needs a language pack for it among the installed vsixes`);
  }

  const logFile = path.join(root, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    bin,
    [
      '--config',
      config,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-workspace-trust',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...(options.locale ? ['--locale', options.locale] : []),
    ],
    {
      // Its own process group, so stopping it also stops the extension host it forks.
      detached: true,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', options.echoOutput ? 'pipe' : log, options.echoOutput ? 'pipe' : log],
    },
  );
  fs.closeSync(log);
  if (options.echoOutput) {
    const append = (chunk: Buffer): void => {
      fs.appendFileSync(logFile, chunk);
      process.stdout.write(chunk);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
  }
  const stop = (): Promise<void> => stopGroup(child);
  onTeardown('stop code-server', stop);
  // Last resort if this process dies without tearing down (a crash, a closed stdout pipe).
  process.once('exit', () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  });

  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url, child, logFile);

  const remoteUri = (fsPath: string): string => `vscode-remote://127.0.0.1:${port}${path.resolve(fsPath)}`;
  const workbenchUrl = (payload: WorkbenchPayload = {}): string => {
    const entries: [string, string][] = [['skipWelcome', 'true']];
    if (payload.extensionDevelopmentPath) {
      entries.push(['extensionDevelopmentPath', remoteUri(payload.extensionDevelopmentPath)]);
    }
    if (payload.extensionTestsPath)
      entries.push(['extensionTestsPath', remoteUri(payload.extensionTestsPath)]);
    const query = new URLSearchParams({ folder: remoteUri(workspaceDir), payload: JSON.stringify(entries) });
    return `${url}/?${query.toString()}`;
  };
  return { url, port, userDataDir, extensionsDir, workspaceDir, logFile, remoteUri, workbenchUrl, stop };
}
