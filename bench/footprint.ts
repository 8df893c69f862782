/**
 * What users download and load: the production bundle and the packaged `.vsix`. Both are built in a
 * temporary folder so the working tree's `dist/` (the development build) is left as it is.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildProduction, copyProject, packagedFiles } from '../test/runner/productionBuild';

const exec = promisify(execFile);

export interface FootprintFigures {
  /** `dist/extension.js` as `npm run build` left it (development bundle), bytes. */
  devBundleBytes?: number;
  /** The `bundle:prod` build (minified) of `dist/extension.js`, what activation loads: bytes, gzip bytes. */
  prodBundleBytes?: number;
  prodBundleGzipBytes?: number;
  /** The entries loaded later, on first use (`dist/yamlParser.js`: Import), bytes by file name. */
  lazyBundleBytes?: Record<string, number>;
  prodBundleError?: string;
  vsixBytes?: number;
  vsixFiles?: string[];
  vsixWarnings?: string[];
  vsixError?: string;
}

export interface FootprintRun {
  figures: FootprintFigures;
  /** The production bundle, inside a complete extension folder; both kept until `cleanup()`. */
  prodBundlePath?: string;
  extensionDir?: string;
  cleanup(): void;
}

/** Arguments of the `package` script (`vsce package …`), with the output sent to `out`. */
function packageArgs(pkg: { scripts?: Record<string, string> }, out: string): string[] {
  const script = pkg.scripts?.package ?? 'vsce package';
  if (!script.startsWith('vsce package'))
    throw new Error('package.json `package` script is not `vsce package …`');
  const args = script.split(/\s+/).slice(1);
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' || args[i] === '-o') i++;
    else if (!args[i].startsWith('--out=')) kept.push(args[i]);
  }
  return [...kept, '--out', out];
}

function errorText(err: unknown): string {
  const e = err as { stderr?: string; stdout?: string; message?: string };
  return (e.stderr || e.stdout || e.message || String(err)).trim().split('\n').slice(-15).join('\n');
}

export async function measureFootprint(root: string): Promise<FootprintRun> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-bench-footprint-'));
  const result: FootprintFigures = {};
  const run: FootprintRun = {
    figures: result,
    cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }),
  };
  const devBundle = path.join(root, 'dist', 'extension.js');
  if (fs.existsSync(devBundle)) result.devBundleBytes = fs.statSync(devBundle).size;

  const project = path.join(tmp, 'project');
  fs.mkdirSync(project);
  copyProject(root, project);
  try {
    const prodDir = await buildProduction(root, project);
    const prodBundle = path.join(prodDir, 'extension.js');
    const bytes = fs.readFileSync(prodBundle);
    result.prodBundleBytes = bytes.length;
    result.prodBundleGzipBytes = gzipSync(bytes).length;
    result.lazyBundleBytes = {};
    for (const file of fs.readdirSync(prodDir)) {
      if (file.endsWith('.js') && file !== 'extension.js')
        result.lazyBundleBytes[file] = fs.statSync(path.join(prodDir, file)).size;
    }
    run.prodBundlePath = prodBundle;
    run.extensionDir = project;
  } catch (err) {
    result.prodBundleError = errorText(err);
    return run;
  }

  // Same flags as `npm run package`. vsce would also run `vscode:prepublish` (a typecheck and the same
  // bundle just built); the bundle is in place, so the copy drops that step and measures packaging alone.
  const pkgPath = path.join(project, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { scripts?: Record<string, string> };
  if (pkg.scripts) delete pkg.scripts['vscode:prepublish'];
  fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
  const vsix = path.join(tmp, 'extension.vsix');
  try {
    const { stdout, stderr } = await exec(
      path.join(root, 'node_modules', '.bin', 'vsce'),
      packageArgs(pkg, vsix),
      { cwd: project, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
    );
    result.vsixBytes = fs.statSync(vsix).size;
    result.vsixWarnings = `${stdout}\n${stderr}`
      .split('\n')
      .filter((line) => /warn/i.test(line))
      .map((line) => line.trim());
    result.vsixFiles = await packagedFiles(root, project);
  } catch (err) {
    result.vsixError = errorText(err);
  }
  return run;
}
