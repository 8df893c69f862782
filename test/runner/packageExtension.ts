/**
 * Packages the extension exactly as users get it — the project's own `npm run package` (vsce,
 * which runs the production prepublish build), only written into a given folder — so the walk
 * tests the `.vsix`, not the source folder.
 * `ECS_WALK_VSIX` points at an already packaged file instead.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

export function packageExtension(outDir: string): string {
  const prebuilt = process.env.ECS_WALK_VSIX;
  if (prebuilt) {
    if (!fs.existsSync(prebuilt)) throw new Error(`ECS_WALK_VSIX=${prebuilt} does not exist`);
    return path.resolve(prebuilt);
  }
  const vsix = path.join(outDir, 'ecs-metadata-explorer.vsix');
  // A later --out wins over the script's own, so the package lands in our throw-away folder.
  const result = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`npm run package failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return vsix;
}
