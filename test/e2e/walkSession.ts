/**
 * Everything the end-to-end walk stands on, started fresh: the local ECS-compatible server
 * (sample seed), the extension packaged with `vsce` and installed from its `.vsix` into a
 * throw-away profile with the "Local sample" profile in its settings, the credential seeder, and
 * the workbench in headless Chromium with clipboard permission. Stopped by `teardown()`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startEcsServer, type EcsServerHandle } from '../ecs-server';
import { launchBrowser, openWorkbench, printLog } from '../runner/browser';
import { startCodeServer, type CodeServer } from '../runner/codeServer';
import { packageCredentialSeeder, seederEnvironment, waitForSeed } from '../runner/credentialSeeder';
import { packageExtension } from '../runner/packageExtension';
import {
  readSampleServers,
  sampleCredentials,
  sampleSeedFile,
  sampleSettings,
  type SampleServer,
} from '../runner/sampleProfile';
import { onTeardown } from '../runner/teardown';

export interface WalkSession {
  ecs: EcsServerHandle;
  servers: SampleServer[];
  code: CodeServer;
  vsix: string;
  context: BrowserContext;
  page: Page;
}

/** Screenshots are 1000x600 so the copies kept in media/screenshots stay small. */
export const viewport = { width: 1000, height: 600 };

export async function startWalkSession(): Promise<WalkSession> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-walk-'));
  onTeardown(`remove ${work}`, () => fs.rmSync(work, { recursive: true, force: true }));

  const ecs = await startEcsServer({ seed: sampleSeedFile, quiet: true });
  onTeardown('stop the ECS server', () => ecs.close());
  const servers = readSampleServers();

  const vsix = packageExtension(work);
  const seeder = await packageCredentialSeeder(work);
  const seeded = path.join(work, 'credentials-seeded');
  const code = await startCodeServer({
    settings: sampleSettings(ecs, servers),
    env: seederEnvironment([sampleCredentials(ecs)], seeded),
    vsixes: [vsix, seeder],
  });

  const browser = await launchBrowser();
  // No payload: the extension comes from the installed .vsix, not the development folder.
  const { context, page } = await openWorkbench(browser, code.workbenchUrl(), {
    viewport,
    clipboard: true,
    onLog: process.env.ECS_RUNNER_VERBOSE ? printLog : () => undefined,
  });
  await waitForSeed(seeded);
  return { ecs, servers, code, vsix, context, page };
}
