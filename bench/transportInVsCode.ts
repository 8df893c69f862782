/**
 * Runs inside VS Code's extension host as an `extensionTestsPath` module (see transportRows.ts), under
 * VS Code's default proxy settings: adds the plan's profile and its credentials as a script would,
 * reads one key once (sign-in, first connection), then times 10 sequential reads of another key and a
 * find over every server of the profile, and writes the figures as JSON to the plan's `outFile`.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ProfileSetting } from '../src/profiles/profile';
import { confirmingModals } from '../test/integration/modalAnswer';
import { TRANSPORT_PLAN_ENV } from './transportRows';

/** What transportRows.ts hands the extension host, through a file named in code-server's environment. */
export interface TransportPlan {
  profile: ProfileSetting;
  credentials: { accessKey: string; secretKey: string };
  serverId: string;
  warmKey: string;
  key: string;
  reads: number;
  query: string;
  outFile: string;
}

export interface TransportFigures {
  readMs: number;
  findMs: number;
  matches: number;
  /** `http.proxySupport` as the window had it (the default is "override"). */
  proxySupport: string | undefined;
}

const EXTENSION_ID = 'ecs-tools.ecs-metadata-explorer';

export async function run(): Promise<void> {
  const planFile = process.env[TRANSPORT_PLAN_ENV];
  if (!planFile) throw new Error(`${TRANSPORT_PLAN_ENV} is not set`);
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as TransportPlan;
  const profile = plan.profile.name;
  await vscode.workspace
    .getConfiguration('ecsMetadata')
    .update('profiles', [plan.profile], vscode.ConfigurationTarget.Global);
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  await extension.activate();
  // The settings write reaches the extension asynchronously: ask again until it knows the profile.
  for (let attempt = 1; ; attempt++) {
    try {
      await confirmingModals(() =>
        vscode.commands.executeCommand('ecsMetadata.setCredentials', {
          profile,
          credentials: plan.credentials,
        }),
      );
      break;
    } catch (err) {
      if (attempt >= 100) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const read = (key: string): Thenable<string | undefined> =>
    vscode.commands.executeCommand<string | undefined>('ecsMetadata.getMetadataKey', {
      profile,
      serverId: plan.serverId,
      key,
    });
  await confirmingModals(() => read(plan.warmKey));

  let start = performance.now();
  for (let i = 0; i < plan.reads; i++) {
    if ((await read(plan.key)) === undefined) throw new Error('a read resolved to nothing');
  }
  const readMs = performance.now() - start;

  start = performance.now();
  const matches = await vscode.commands.executeCommand<unknown[]>('ecsMetadata.findServers', {
    profile,
    query: plan.query,
  });
  const findMs = performance.now() - start;

  const figures: TransportFigures = {
    readMs,
    findMs,
    matches: matches.length,
    proxySupport: vscode.workspace.getConfiguration('http').get<string>('proxySupport'),
  };
  fs.writeFileSync(plan.outFile, JSON.stringify(figures));
}
