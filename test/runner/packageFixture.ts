/**
 * Packages a dev-only companion extension from `test/fixtures/<name>/` into a throw-away
 * `<outDir>/<name>.vsix`, to be installed next to ECS Metadata Explorer in a test VS Code.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

export function packageFixtureExtension(name: string, outDir: string): string {
  const packagePath = path.join(outDir, `${name}.vsix`);
  // The CLI rather than vsce's API, so its file listing stays out of our output unless it fails.
  const result = spawnSync(
    path.join(repoRoot, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', packagePath],
    { cwd: path.join(repoRoot, 'test', 'fixtures', name), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0 || !fs.existsSync(packagePath)) {
    throw new Error(`Packaging test/fixtures/${name} failed:\n${result.stdout}${result.stderr}`);
  }
  return packagePath;
}
