/**
 * Debian packages the real-VS-Code runner cannot install by itself: code-server compiles native
 * modules against krb5/X11/xkbfile/libsecret headers, VS Code's search needs ripgrep, and the
 * workbench is driven in Debian's Chromium. Checked up front so a missing one fails in a second with
 * the command that fixes it, instead of minutes into an npm install.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export const chromiumPath = process.env.ECS_CHROMIUM_PATH ?? '/usr/bin/chromium';

const debianPackages = [
  'chromium',
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
  'ripgrep',
];

export const installCommand = `sudo apt-get install -y ${debianPackages.join(' ')}   (or: bash .ci/prereqs.sh)`;

function dpkgInstalled(pkg: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Throws an Error naming what is missing and the exact install command. */
export function checkPrerequisites(options: { needBuildHeaders: boolean }): void {
  const missing: string[] = [];
  if (!fs.existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath})`);
  if (!fs.existsSync('/usr/bin/rg')) missing.push('ripgrep (/usr/bin/rg)');
  if (options.needBuildHeaders) {
    const hasDpkg = spawnSync('dpkg-query', ['--version']).status === 0;
    if (hasDpkg) {
      for (const pkg of ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev']) {
        if (!dpkgInstalled(pkg)) missing.push(pkg);
      }
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `The real-VS-Code runner needs system packages that are missing: ${missing.join(', ')}.\n` +
        `Install them with:\n  ${installCommand}`,
    );
  }
}
