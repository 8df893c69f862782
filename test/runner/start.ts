/**
 * `npm start`: the extension against a local ECS-compatible server, with nothing to type. Starts
 * the server seeded with the sample servers, writes the "Local sample" profile into a temporary
 * VS Code profile, seeds its credentials into SecretStorage, then opens desktop VS Code (an
 * Extension Development Host) when a `code` command exists, otherwise code-server, printing the
 * URL to open in a browser. Ctrl-C stops everything.
 *
 * Env: ECS_START_MODE=browser|desktop forces one; ECS_START_PORT / ECS_SERVER_PORT fix the ports.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEcsServer } from '../ecs-server';
import { banner } from '../ecs-server/banner';
import { startCodeServer } from './codeServer';
import { packageCredentialSeeder, seederEnvironment, waitForSeed } from './credentialSeeder';
import { findCodeCommand, openDesktopCode } from './desktopCode';
import { repoRoot, requireBuiltExtension } from './paths';
import {
  sampleCredentials,
  sampleProfileName,
  sampleSeedFile,
  sampleSettings,
  sampleWorkspace,
} from './sampleProfile';
import { onTeardown, teardown, teardownOnSignals } from './teardown';

function portFromEnv(name: string): number | undefined {
  const port = Number(process.env[name]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function main(): Promise<void> {
  requireBuiltExtension();
  const ecs = await startEcsServer({
    seed: sampleSeedFile,
    port: portFromEnv('ECS_SERVER_PORT'),
    quiet: true,
  });
  onTeardown('stop the ECS server', () => ecs.close());
  const servers = ecs.seed.servers;
  console.log(
    `Local ECS-compatible server: ${ecs.url} (project ${ecs.projectId}, region ${ecs.region}, ${servers.length} servers)`,
  );
  // The endpoints and sample credentials, so Add Profile can be tried by hand next to the ready profile.
  console.log(banner(ecs).replace(/\nPress Ctrl-C to stop\.$/, ''));

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-start-'));
  onTeardown(`remove ${root}`, () => fs.rmSync(root, { recursive: true, force: true }));
  const seeder = await packageCredentialSeeder(root);
  const seeded = path.join(root, 'credentials-seeded');
  const env = seederEnvironment([sampleCredentials(ecs)], seeded);
  const settings = sampleSettings(ecs, servers);

  const mode = process.env.ECS_START_MODE ?? (findCodeCommand() ? 'desktop' : 'browser');
  if (mode === 'desktop') {
    const code = findCodeCommand();
    if (!code) throw new Error('ECS_START_MODE=desktop, but there is no `code` command on PATH.');
    console.log(
      'Opening VS Code (Extension Development Host, temporary profile). Close its window or press Ctrl-C to stop.',
    );
    void reportSeeding(seeded);
    await openDesktopCode({
      code,
      root: path.join(root, 'desktop'),
      extensionDevelopmentPath: repoRoot,
      settings,
      env,
      vsixes: [seeder],
      workspaceFrom: sampleWorkspace,
    });
    return;
  }

  const server = await startCodeServer({
    settings,
    env,
    vsixes: [seeder],
    workspaceFrom: sampleWorkspace,
    port: portFromEnv('ECS_START_PORT'),
  });
  const url = server.workbenchUrl({ extensionDevelopmentPath: repoRoot });
  console.log(
    `\nNo \`code\` command here, so VS Code runs in the browser (code-server). Open:\n\n  ${url}\n`,
  );
  console.log(
    `The "${sampleProfileName}" profile is in the ECS Metadata view (activity bar). Press Ctrl-C to stop.`,
  );
  void reportSeeding(seeded);
  await new Promise<never>(() => undefined); // Runs until Ctrl-C.
}

/** The seeder runs once a window has opened; say when the credentials are in place. */
async function reportSeeding(doneFile: string): Promise<void> {
  try {
    await waitForSeed(doneFile, 24 * 60 * 60 * 1000);
    console.log(`Credentials for "${sampleProfileName}" stored in VS Code's SecretStorage.`);
  } catch (err) {
    console.error((err as Error).message);
  }
}

teardownOnSignals();
main().then(
  () => teardown(),
  async (err: Error) => {
    console.error(err.message);
    await teardown();
    process.exit(1);
  },
);
