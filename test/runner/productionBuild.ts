/**
 * The production build in a throw-away copy of the project, so the working tree's `dist/` (the
 * development build the integration suite loads) is left as it is. The bench's footprint and the core
 * test of the packaged files build and list the package this way.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Arguments of the `bundle:prod` script, with its output sent to the folder `outdir`. */
export function prodBundleArgs(root: string, outdir: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = pkg.scripts?.['bundle:prod'];
  if (!script?.startsWith('esbuild ')) throw new Error('package.json has no `bundle:prod` esbuild script');
  return script
    .split(/\s+/)
    .slice(1)
    .map((arg) => (arg.startsWith('--outdir=') ? `--outdir=${outdir}` : arg))
    .map((arg) => (arg.startsWith('--outfile=') ? `--outfile=${path.join(outdir, 'extension.js')}` : arg));
}

/** Everything vsce packs from, minus build output and dependencies (linked, not copied). */
export function copyProject(root: string, into: string): void {
  const skip = new Set(['node_modules', 'out', 'dist', '.git', '.cache', 'test-results', '.vscode-test']);
  for (const entry of fs.readdirSync(root)) {
    if (skip.has(entry) || entry.endsWith('.vsix')) continue;
    fs.cpSync(path.join(root, entry), path.join(into, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(into, 'node_modules'), 'dir');
}

/** Runs the `bundle:prod` esbuild command of `root` in `project`, writing `project/dist/`. */
export async function buildProduction(root: string, project: string): Promise<string> {
  const dist = path.join(project, 'dist');
  await exec(path.join(root, 'node_modules', '.bin', 'esbuild'), prodBundleArgs(root, dist), {
    cwd: project,
  });
  return dist;
}

/** The files `vsce package` would put in the `.vsix` of `project` (`vsce ls`), one path a line. */
export async function packagedFiles(root: string, project: string): Promise<string[]> {
  const { stdout } = await exec(path.join(root, 'node_modules', '.bin', 'vsce'), ['ls'], {
    cwd: project,
    timeout: 120_000,
  });
  return stdout.split('\n').filter((line) => line.trim() !== '');
}
