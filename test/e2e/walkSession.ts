/**
 * Everything the end-to-end walk stands on, started fresh: the local ECS-compatible server
 * (sample seed), the extension packaged with `vsce` and installed from its `.vsix` into a
 * throw-away profile with the "Local sample" profile in its settings, the credential seeder, the
 * exports probe (another extension asking for ours' exports), and the workbench in headless Chromium with clipboard permission. Stopped by `teardown()`, or
 * earlier by `close()`. With a `locale`, VS Code runs in that display language, with the test
 * language pack from `test/fixtures/<locale>-language-pack/` that makes it one.
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
import { packageFixtureExtension } from '../runner/packageFixture';
import {
  sampleCredentials,
  sampleSeedFile,
  sampleSettings,
  sampleWorkspace,
  type SampleServer,
} from '../runner/sampleProfile';
import { onTeardown } from '../runner/teardown';

export interface WalkSession {
  ecs: EcsServerHandle;
  servers: SampleServer[];
  code: CodeServer;
  vsix: string;
  /** Written by the credential seeder each time an extension host starts (it runs on startup). */
  seededFile: string;
  /** Written by the exports probe: what another extension reached through our `exports` (JSON). */
  exportsProbeFile: string;
  context: BrowserContext;
  page: Page;
  /** Stops code-server and the browser now (a later session need not share the machine with them). */
  close(): Promise<void>;
}

export interface WalkSessionOptions {
  /** VS Code's display language, e.g. `zh-cn`; default English. */
  locale?: string;
}

/** Screenshots are 1000x600 so the copies kept in media/screenshots stay small. */
export const viewport = { width: 1000, height: 600 };

/** Packaged once per run: every session installs the same `.vsix` files. */
let packaged: { extension: string; seeder: string; probe: string } | undefined;

/** The cloud an OpenStack CLI user has already described, as the walk's Import Profiles finds it. */
export const importedCloudName = 'walk-openstack';

/**
 * A clouds.yaml (password in secure.yaml beside it) for the local server, named by
 * OS_CLIENT_CONFIG_FILE and made the default by OS_CLOUD, as an OpenStack CLI user's shell has it.
 * It names no compute endpoint: that comes from the server's service catalog.
 */
function openStackCliEnvironment(ecs: EcsServerHandle, work: string): Record<string, string> {
  const dir = path.join(work, 'openstack');
  fs.mkdirSync(dir, { recursive: true });
  const c = ecs.credentials;
  const file = path.join(dir, 'clouds.yaml');
  fs.writeFileSync(
    file,
    [
      'clouds:',
      `  ${importedCloudName}:`,
      '    auth:',
      `      auth_url: ${ecs.url}/v3`,
      `      username: ${c.user}`,
      `      user_domain_name: ${c.domain}`,
      `      project_name: ${ecs.region}`,
      `    region_name: ${ecs.region}`,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'secure.yaml'),
    `clouds:\n  ${importedCloudName}:\n    auth:\n      password: '${c.password}'\n`,
  );
  return { OS_CLIENT_CONFIG_FILE: file, OS_CLOUD: importedCloudName };
}

export async function startWalkSession(options: WalkSessionOptions = {}): Promise<WalkSession> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-walk-'));
  onTeardown(`remove ${work}`, () => fs.rmSync(work, { recursive: true, force: true }));

  const ecs = await startEcsServer({ seed: sampleSeedFile, quiet: true });
  onTeardown('stop the ECS server', () => ecs.close());
  const servers = ecs.seed.servers;

  // Packaged in this session's folder, which is only removed when the whole run ends.
  packaged ??= {
    extension: packageExtension(work),
    seeder: await packageCredentialSeeder(work),
    probe: packageFixtureExtension('exports-probe', work),
  };
  const { extension: vsix, seeder, probe } = packaged;
  const languagePacks = options.locale
    ? [packageFixtureExtension(`${options.locale}-language-pack`, work)]
    : [];
  const seeded = path.join(work, 'credentials-seeded');
  const exportsProbeFile = path.join(work, 'exports-probe.json');
  const code = await startCodeServer({
    settings: sampleSettings(ecs, servers),
    env: {
      ...seederEnvironment([sampleCredentials(ecs)], seeded),
      ...openStackCliEnvironment(ecs, work),
      ECS_EXPORTS_PROBE_FILE: exportsProbeFile,
    },
    vsixes: [vsix, seeder, probe, ...languagePacks],
    workspaceFrom: sampleWorkspace,
    locale: options.locale,
  });

  const browser = await launchBrowser();
  // No payload: the extension comes from the installed .vsix, not the development folder.
  const { context, page } = await openWorkbench(browser, code.workbenchUrl(), {
    viewport,
    clipboard: true,
    onLog: process.env.ECS_RUNNER_VERBOSE ? printLog : () => undefined,
  });
  await waitForSeed(seeded);
  const close = async (): Promise<void> => {
    await browser.close();
    await code.stop();
  };
  return { ecs, servers, code, vsix, seededFile: seeded, exportsProbeFile, context, page, close };
}
