/**
 * One set-up for every integration test: root hooks that `index.ts` gives mocha (in the manner of
 * aws-toolkit's `globalSetup.test.ts`), so no suite writes its own save-and-restore.
 *
 * - Before the first test: the shared fixture (local server, "Local sample" profile, its secrets).
 * - Before each test: every `ecsMetadata.*` user setting and the stored credentials (and agency
 *   bindings) of every profile are noted; the local server's request log is cleared.
 * - After each test: the local server's faults are reset, an input left open is closed; the
 *   credentials of every profile the test added are deleted and those of the noted profiles put
 *   back (secrets first, so a profile never leaves the settings with its secrets behind); then every
 *   setting the test changed is written back. Kept tokens of removed profiles the extension drops
 *   itself when the profile leaves the settings.
 *
 * For tests:
 * - `profilesBeforeTest()`: the profiles as noted before the running test.
 * - `withProfiles(...settings)`: adds (or replaces, by name) profiles in the settings.
 * - `withSetting(name, value)`: writes one `ecsMetadata.*` user setting.
 * - `withLocalProfile(name, setting?, credentials?)`: a profile at the local server, shown in the tree.
 * - `restoredAfterSuite()`: for a describe whose own `before` adds profiles or settings for all its
 *   tests: the same noting and putting back around the whole describe.
 * Suites keep only the hooks of what is their own (extra servers, stubs, temporary folders).
 */
import * as vscode from 'vscode';
import type { Context, RootHookObject } from 'mocha';
import { CommandId } from '../../../src/commandBase/commandIds';
import { credentialSecretKeys } from '../../../src/credentials/credentialStore';
import type { ProfileSetting } from '../../../src/profiles/profile';
import { startEcsServer } from '../../ecs-server';
import { LOCAL_AGENCY } from '../../ecs-server/agencies';
import type { Fixture } from '../fixture';
import {
  childrenOf,
  eventually,
  extensionId,
  fixture,
  profileRoot,
  type RenderedNode,
  storedProfiles,
  writeProfiles,
} from '../fixture';
import { confirmingModals } from '../modalAnswer';

interface Noted {
  /** Each `ecsMetadata.*` setting's user-level value (undefined: not set). */
  settings: Map<string, unknown>;
  /** Each noted profile's credential secrets by SecretStorage key (undefined: none stored). */
  secrets: Map<string, string | undefined>;
}

let noted: Noted | undefined;

/** The `ecsMetadata.*` settings the extension declares (without the section prefix). */
function settingNames(): string[] {
  const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
    contributes: { configuration: { properties: Record<string, unknown> } };
  };
  return Object.keys(manifest.contributes.configuration.properties).map((k) =>
    k.slice('ecsMetadata.'.length),
  );
}

function settingValue(name: string): unknown {
  return vscode.workspace.getConfiguration('ecsMetadata').inspect(name)?.globalValue;
}

async function note(): Promise<Noted> {
  const { api } = await fixture();
  const settings = new Map(settingNames().map((name) => [name, settingValue(name)] as const));
  const secrets = new Map<string, string | undefined>();
  for (const profile of storedProfiles() ?? [])
    for (const key of credentialSecretKeys(profile.name)) secrets.set(key, await api.secrets.get(key));
  return { settings, secrets };
}

async function putBack(before: Noted): Promise<void> {
  const { api } = await fixture();
  const keys = new Set(before.secrets.keys());
  for (const profile of storedProfiles() ?? [])
    for (const key of credentialSecretKeys(profile.name)) keys.add(key);
  let changed = false;
  for (const key of keys) {
    const value = before.secrets.get(key);
    if ((await api.secrets.get(key)) === value) continue;
    changed = true;
    if (value === undefined) await api.secrets.delete(key);
    else await api.secrets.store(key, value);
  }
  // Only what changed is written: each write is a settings event that rebuilds the clients.
  const config = vscode.workspace.getConfiguration('ecsMetadata');
  for (const [name, value] of before.settings) {
    if (JSON.stringify(settingValue(name)) === JSON.stringify(value)) continue;
    changed = true;
    await config.update(name, value, vscode.ConfigurationTarget.Global);
  }
  if (changed) await treeSettled(before);
}

/**
 * Waits for the tree to show the profiles put back and loads the children of what is expanded (as
 * the view would), so that the listing a refresh starts is done here and not during the next test,
 * which may count the server's requests. Collapsed rows stay unloaded, as in the view.
 */
async function treeSettled(before: Noted): Promise<void> {
  const { api } = await fixture();
  // The settings and secrets events reach the extension asynchronously; give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  if (api.tree.filter !== undefined) return;
  const names = ((before.settings.get('profiles') as ProfileSetting[] | undefined) ?? []).map((p) => p.name);
  const roots = await eventually(async () => {
    const shown = await childrenOf(api);
    return JSON.stringify(shown.map((r) => r.label)) === JSON.stringify(names) ? shown : undefined;
  }, 'the tree to show the profiles put back');
  const expanded = async (nodes: RenderedNode[], depth: number): Promise<void> => {
    for (const row of nodes)
      if (depth > 0 && row.item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded)
        await expanded(await childrenOf(api, row.node), depth - 1);
  };
  await expanded(roots, 3);
}

/** The hooks `index.ts` registers for the whole run. */
export const rootHooks: RootHookObject = {
  async beforeAll(this: Context) {
    await fixture();
  },
  async beforeEach(this: Context) {
    noted = await note();
    (await fixture()).server.clearRequests();
  },
  async afterEach(this: Context) {
    (await fixture()).server.resetFaults();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    if (noted) await putBack(noted);
    noted = undefined;
  },
};

/**
 * Call first in a describe whose `before` adds profiles, secrets or settings shared by its tests:
 * they are noted before its `before` hooks and put back (secrets first) after its last test.
 */
export function restoredAfterSuite(): void {
  let beforeSuite: Noted | undefined;
  before(async () => {
    beforeSuite = await note();
  });
  after(async () => {
    if (beforeSuite) await putBack(beforeSuite);
  });
}

/** The profiles in the settings as they were when the running test began. */
export function profilesBeforeTest(): ProfileSetting[] {
  const profiles = noted?.settings.get('profiles');
  return Array.isArray(profiles) ? (profiles as ProfileSetting[]) : [];
}

/** Adds `profiles` to those in the settings now; one of the same name is replaced in its place. */
export async function withProfiles(...profiles: ProfileSetting[]): Promise<void> {
  const now = (storedProfiles() ?? []).map((p) => profiles.find((n) => n.name === p.name) ?? p);
  const added = profiles.filter((p) => !now.some((n) => n.name === p.name));
  await writeProfiles([...now, ...added]);
}

/** Writes the user setting `ecsMetadata.<name>` (undefined removes it); put back after the test. */
export async function withSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration('ecsMetadata')
    .update(name, value, vscode.ConfigurationTarget.Global);
}

/**
 * Adds a profile at the local server: the "Local sample" entry with no servers listed, `setting`
 * over it and `name`; waits until the tree shows it; stores `credentials` for it (confirmed) when
 * given (`'local keys'`: the local server's AK/SK). Returns the settings entry written. Put away after the test with everything else.
 */
export async function withLocalProfile(
  name: string,
  setting: Partial<ProfileSetting> = {},
  credentials?: object | 'local keys',
): Promise<ProfileSetting> {
  const f = await fixture();
  if (credentials === 'local keys')
    credentials = { accessKey: f.server.credentials.accessKey, secretKey: f.server.credentials.secretKey };
  const profile: ProfileSetting = { ...f.profile, servers: [], ...setting, name };
  await withProfiles(profile);
  await profileRoot(f.api, name);
  if (credentials)
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, { profile: name, credentials }),
    );
  return profile;
}

/** Writes `profiles` after those the test began with (replacing any added since) and waits until the tree shows each. */
export async function withShownProfiles(...profiles: ProfileSetting[]): Promise<void> {
  const f = await fixture();
  await writeProfiles([...profilesBeforeTest(), ...profiles]);
  for (const p of profiles) await profileRoot(f.api, p.name);
}

/** The first seeded server's `owner`, read by the script command as `profile`. */
export async function readOwner(profile: string): Promise<string | undefined> {
  const f = await fixture();
  return vscode.commands.executeCommand<string | undefined>(CommandId.getMetadataKey, {
    profile,
    serverId: f.seed.servers[0].id,
    key: 'owner',
  });
}

/** A password sign-in at the local server (both endpoints, its project), `setting` over it. */
export function localPasswordProfile(
  server: Fixture['server'],
  name: string,
  setting: Partial<ProfileSetting> = {},
): ProfileSetting {
  const { domain, user } = server.credentials;
  return {
    name,
    ecsEndpoint: server.url,
    iamEndpoint: server.url,
    projectId: server.projectId,
    auth: 'password',
    domain,
    user,
    discoverServers: false,
    ...setting,
  };
}

/** An agency profile through the local agency at the local server, acting with `sourceProfile`'s credentials. */
export function localAgencyProfile(
  server: Fixture['server'],
  name: string,
  sourceProfile: string,
  setting: Partial<ProfileSetting> = {},
): ProfileSetting {
  return {
    name,
    ecsEndpoint: server.url,
    projectId: server.projectId,
    auth: 'agency',
    sourceProfile,
    agencyDomain: LOCAL_AGENCY.domainName,
    agencyName: LOCAL_AGENCY.name,
    discoverServers: false,
    ...setting,
  };
}

/** A second local server for the suite, seeded like the fixture's and taking the same credentials; closed after the suite. */
export function useSecondServer(): () => Awaited<ReturnType<typeof startEcsServer>> {
  let other: Awaited<ReturnType<typeof startEcsServer>> | undefined;
  before(async () => {
    other = await startEcsServer({ seed: (await fixture()).seed });
  });
  after(() => other?.close());
  return () => {
    if (!other) throw new Error('the second server has not started');
    return other;
  };
}
