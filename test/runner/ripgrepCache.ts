/**
 * code-server's VS Code depends on `@vscode/ripgrep`, whose postinstall downloads a ripgrep build
 * from GitHub — unreachable here. Its downloader first looks in a cache folder under the OS temp
 * dir, so a tar.gz of Debian's `/usr/bin/rg` placed there makes the install succeed offline.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The `@vscode/ripgrep` that code-server 4.100.3 pins (lib/vscode/npm-shrinkwrap.json). */
export const ripgrepPackageVersion = '1.15.11';
/** The release tag `@vscode/ripgrep` 1.15.9–1.15.11 downloads (1.15.13+ use v13.0.0-13). */
const ripgrepTag = 'v13.0.0-10';

export function ripgrepCacheFile(tmpDir: string = os.tmpdir()): string {
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  return path.join(
    tmpDir,
    `vscode-ripgrep-cache-${ripgrepPackageVersion}`,
    `ripgrep-${ripgrepTag}-${target}.tar.gz`,
  );
}

/** Writes the cache archive (holding `rg` at its root) unless a non-empty one is already there. */
export function seedRipgrepCache(rgBinary = '/usr/bin/rg', tmpDir: string = os.tmpdir()): string {
  const file = ripgrepCacheFile(tmpDir);
  if (fs.existsSync(file) && fs.statSync(file).size > 0) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const staging = fs.mkdtempSync(path.join(tmpDir, 'ecs-rg-'));
  try {
    fs.copyFileSync(rgBinary, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    // Write under a private name, then rename, so a concurrent reader never sees half an archive.
    const partial = `${file}.${process.pid}.partial`;
    const tar = spawnSync('tar', ['czf', partial, '-C', staging, 'rg'], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`Could not build the ripgrep cache archive: ${tar.stderr}`);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return file;
}
