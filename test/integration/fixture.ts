/**
 * The shared setup of the in-host integration suite: one local ECS-compatible server started in
 * this process, the "Local sample" profile written to user settings, and its credentials stored
 * through the extension's own command. Lazy and shared: the first caller pays, every later caller
 * gets the same objects.
 */
import * as vscode from 'vscode';
import { startEcsServer } from '../ecs-server';
import { loadSeed } from '../ecs-server/seed';
import type { SeedData } from '../ecs-server/types';
import type { ProfileSetting } from '../../src/profiles/profile';
import type { ExtensionApi } from '../../src/extensionApi';
import { confirmingModals } from './modalAnswer';
import { CommandId } from '../../src/commandBase/commandIds';

export const extensionId = 'ecs-tools.ecs-metadata-explorer';
export const profileName = 'Local sample';

type RunningServer = Awaited<ReturnType<typeof startEcsServer>>;

export interface Fixture {
  server: RunningServer;
  /** The servers and metadata the local server started with. */
  seed: SeedData;
  profileName: string;
  /** The settings entry written for the profile. */
  profile: ProfileSetting;
  /** What the extension's activate() returned. */
  api: ExtensionApi;
}

let pending: Promise<Fixture> | undefined;

export function fixture(): Promise<Fixture> {
  pending ??= setUp();
  return pending;
}

async function setUp(): Promise<Fixture> {
  const seed = loadSeed(undefined);
  const server = await startEcsServer({ seed });
  const profile: ProfileSetting = {
    name: profileName,
    ecsEndpoint: server.url,
    iamEndpoint: server.url,
    projectId: server.projectId,
    region: 'local-1',
    auth: 'aksk',
    servers: seed.servers.slice(0, 2).map((s) => ({ id: s.id, name: s.name })),
    discoverServers: true,
  };
  await writeProfiles([profile]);
  const extension = vscode.extensions.getExtension<ExtensionApi>(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not installed in this host`);
  const api = await extension.activate();
  await confirmingModals(() =>
    vscode.commands.executeCommand(CommandId.setCredentials, {
      profile: profileName,
      credentials: { accessKey: server.credentials.accessKey, secretKey: server.credentials.secretKey },
    }),
  );
  return { server, seed, profileName, profile, api };
}

/** Replaces the `ecsMetadata.profiles` user setting (undefined removes it). */
export async function writeProfiles(profiles: ProfileSetting[] | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('ecsMetadata')
    .update('profiles', profiles, vscode.ConfigurationTarget.Global);
}

/** The user-level value of `ecsMetadata.profiles` as stored, for checks and to restore after a test. */
export function storedProfiles(): ProfileSetting[] | undefined {
  return vscode.workspace.getConfiguration('ecsMetadata').inspect<ProfileSetting[]>('profiles')?.globalValue;
}

/**
 * Puts the profiles back as `saved` had them: every profile added since is removed (its removal
 * confirmed, so its stored credentials go too), then the setting is written back.
 */
export async function restoreProfiles(saved: ProfileSetting[] | undefined): Promise<void> {
  for (const p of storedProfiles() ?? []) {
    if (!saved?.some((s) => s.name === p.name)) {
      await confirmingModals(() =>
        vscode.commands.executeCommand(CommandId.removeProfile, { profile: p.name }),
      );
    }
  }
  await writeProfiles(saved);
}

/** A node of the extension's tree with the TreeItem VS Code would render for it. */
export interface RenderedNode {
  node: unknown;
  item: vscode.TreeItem;
  label: string;
}

/** The children of `node` (the roots when undefined), as VS Code would ask for and render them. */
export async function childrenOf(api: ExtensionApi, node?: unknown): Promise<RenderedNode[]> {
  const tree = api.tree as unknown as vscode.TreeDataProvider<unknown>;
  const children = (await tree.getChildren(node)) ?? [];
  return Promise.all(
    children.map(async (child) => {
      const item = await tree.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      return { node: child, item, label };
    }),
  );
}

/** Finds a child by label, failing with the labels that were there. */
export async function childNamed(api: ExtensionApi, node: unknown, label: string): Promise<RenderedNode> {
  const children = await childrenOf(api, node);
  const found = children.find((c) => c.label === label);
  if (!found) throw new Error(`no child "${label}" among: ${children.map((c) => c.label).join(', ')}`);
  return found;
}

/**
 * Waits for a condition that settles through VS Code's own events (a settings write reaches the
 * extension host asynchronously). Bounded, so a broken behaviour fails instead of hanging.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  attempts = 100,
): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** The profile root named `name`, once the tree shows it. */
export function profileRoot(api: ExtensionApi, name: string): Promise<RenderedNode> {
  return eventually(
    async () => (await childrenOf(api)).find((c) => c.label === name),
    `profile "${name}" in the tree`,
  );
}
