/**
 * Seeds a profile's credentials without typing and without putting them in settings: the
 * dev-only companion extension in `test/fixtures/credential-seeder/` is packaged into a
 * throw-away `.vsix` and installed next to ECS Metadata Explorer (the web workbench's payload
 * takes only one development folder). On startup it reads the credentials from the environment
 * code-server passes to the extension host, calls `ecsMetadata.setCredentials`, and writes a
 * marker file we wait for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot } from './paths';

export interface CredentialSeed {
  profile: string;
  credentials:
    | { accessKey: string; secretKey: string; securityToken?: string }
    | { password: string }
    | { token: string };
}

export async function packageCredentialSeeder(outDir: string): Promise<string> {
  const packagePath = path.join(outDir, 'credential-seeder.vsix');
  // The CLI rather than vsce's API, so its file listing stays out of our output unless it fails.
  const result = spawnSync(
    path.join(repoRoot, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', packagePath],
    { cwd: path.join(repoRoot, 'test', 'fixtures', 'credential-seeder'), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0 || !fs.existsSync(packagePath)) {
    throw new Error(`Packaging the credential seeder failed:\n${result.stdout}${result.stderr}`);
  }
  return packagePath;
}

/** Environment for code-server (inherited by the extension host) that makes the seeder run. */
export function seederEnvironment(seeds: CredentialSeed[], doneFile: string): Record<string, string> {
  return {
    ECS_METADATA_SEED_CREDENTIALS: JSON.stringify(seeds),
    ECS_METADATA_SEED_DONE_FILE: doneFile,
  };
}

/** Waits until the seeder reports; throws with its message if storing failed or it never ran. */
export async function waitForSeed(doneFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(doneFile)) {
      const outcome = fs.readFileSync(doneFile, 'utf8').trim();
      if (outcome === 'ok') return;
      throw new Error(`The credential seeder could not store the credentials: ${outcome}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `The credential seeder did not report within ${Math.round(timeoutMs / 1000)} s (is ` +
      'ecs-tools.ecs-metadata-explorer loaded and registering ecsMetadata.setCredentials?)',
  );
}
