/**
 * Seeds a profile's credentials without typing and without putting them in settings: the
 * dev-only companion extension in `test/fixtures/credential-seeder/` is packaged into a
 * throw-away `.vsix` and installed next to ECS Metadata Explorer (the web workbench's payload
 * takes only one development folder). On startup it reads the credentials from the environment
 * code-server passes to the extension host, calls `ecsMetadata.setCredentials`, and writes a
 * marker file we wait for.
 */
import * as fs from 'node:fs';
import { packageFixtureExtension } from './packageFixture';

export interface CredentialSeed {
  profile: string;
  credentials:
    | { accessKey: string; secretKey: string; securityToken?: string }
    | { password: string }
    | { token: string };
}

export async function packageCredentialSeeder(outDir: string): Promise<string> {
  return packageFixtureExtension('credential-seeder', outDir);
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
