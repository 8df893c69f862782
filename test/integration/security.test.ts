/**
 * Security review (issue 10) in the real VS Code: credentials go only where they were entered for,
 * secrets of profiles gone from the settings are deleted only once gone across a restart (issue 21), a workspace cannot override the extension's
 * settings, and values can be masked. (The panel's saved state: test/core/panelPage.test.ts for
 * what the page saves, the end-to-end walk's window reload for what a restored panel shows.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProfileSetting } from '../../src/profiles/profile';
import { settings } from '../../src/settings/settings';
import { bindingOf } from '../../src/credentials/credentialBinding';
import { keepCredentialsInStep } from '../../src/credentials/credentialHousekeeping';
import { CredentialStore } from '../../src/credentials/credentialStore';
import { ProfileStore } from '../../src/profiles/profileStore';
import { resolveProfile } from '../../src/profiles/resolveProfile';
import {
  childNamed,
  childrenOf,
  eventually,
  extensionId,
  fixture,
  profileRoot,
  writeProfiles,
  type Fixture,
} from './fixture';
import { profilesBeforeTest, readOwner, useSecondServer, withLocalProfile } from './support/testSetup';
import { translated } from './l10nBundle';
import { closePanel } from './panelTabs';
import { confirmingModals } from './modalAnswer';
import { CommandId } from '../../src/commandBase/commandIds';

describe('security: credentials bound to where they were entered', () => {
  const name = 'Bound credentials';
  let f: Fixture;
  // Accepts the same credentials: what matters is whether they are sent, not whether they work.
  const other = useSecondServer();

  before(async () => {
    f = await fixture();
  });

  beforeEach(async () => {
    await withLocalProfile(name, {}, 'local keys');
    other().clearRequests();
  });

  /** The profile's settings entry rewritten by hand, as settings.json or Settings Sync would. */
  async function editProfile(change: Partial<ProfileSetting>): Promise<void> {
    await writeProfiles([...profilesBeforeTest(), { ...f.profile, name, servers: [], ...change }]);
  }

  /** Waits until the profile's first child is the endpoints-changed item. */
  const endpointsChangedShown = (): Promise<true> =>
    eventually(
      async () =>
        (await firstChild()).label === translated('Endpoints changed: confirm credentials')
          ? true
          : undefined,
      'the endpoints-changed item',
    );

  async function firstChild(): Promise<Awaited<ReturnType<typeof childrenOf>>[number]> {
    return eventually(async () => {
      const [first] = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
      return first;
    }, 'the profile to show something');
  }

  it('sends nothing to an ECS endpoint edited in settings, and says which host changed', async () => {
    await editProfile({ ecsEndpoint: other().url, iamEndpoint: other().url });
    const item = await eventually(async () => {
      const child = await firstChild();
      return child.label === translated('Endpoints changed: confirm credentials') ? child : undefined;
    }, 'the endpoints-changed item');
    assert.deepEqual(other().requests, [], 'the new host received a request');
    const tooltip = String(item.item.tooltip);
    assert.ok(tooltip.includes(f.server.url) && tooltip.includes(other().url), tooltip);
    assert.ok(!tooltip.includes(f.server.credentials.secretKey));
    // Clicking the item confirms (with a modal) rather than retrying into the same refusal.
    assert.equal(item.item.command?.command, CommandId.confirmEndpoints);
    assert.equal(item.item.command?.arguments?.length, 1);
  });

  it('refuses a key read for a profile pointed elsewhere, naming both hosts', async () => {
    await editProfile({ ecsEndpoint: other().url });
    await assert.rejects(
      readOwner(name),
      (err: Error) => err.message.includes(f.server.url) && err.message.includes(other().url),
    );
    assert.deepEqual(other().requests, []);
  });

  it('holds back a password whose user changed, before anything reaches IAM', async () => {
    const { domain, user, password } = f.server.credentials;
    const asPassword = { auth: 'password' as const, domain, user };
    await editProfile(asPassword);
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: name,
        credentials: { password },
      }),
    );
    await eventually(
      async () => ((await firstChild()).item.contextValue === 'server.discovered' ? true : undefined),
      'the password profile to work',
    );
    f.server.clearRequests();
    await editProfile({ ...asPassword, user: 'someone-else' });
    await endpointsChangedShown();
    assert.ok(!f.server.requests.some((r) => r.path.startsWith('/v3/')), 'the password went to IAM');
  });

  it('sends to the new endpoint once the change is confirmed in the modal', async () => {
    await editProfile({ ecsEndpoint: other().url, iamEndpoint: other().url });
    await endpointsChangedShown();
    const asked: string[] = [];
    const original = vscode.window.showWarningMessage;
    // The modal is the guard under test; answer it as a person would.
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = (
      message: string,
      options: vscode.MessageOptions,
      ...items: string[]
    ) => {
      asked.push(`${message}\n${options.detail ?? ''}`);
      return Promise.resolve(items.find((i) => i === translated('Send to New Endpoints')));
    };
    try {
      assert.equal(await vscode.commands.executeCommand(CommandId.confirmEndpoints, { profile: name }), true);
    } finally {
      (vscode.window as { showWarningMessage: unknown }).showWarningMessage = original;
    }
    assert.equal(asked.length, 1);
    assert.ok(asked[0].includes(name) && asked[0].includes(other().url), asked[0]);
    const servers = await eventually(async () => {
      const children = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
      return children.every((c) => c.item.contextValue === 'server.discovered') ? children : undefined;
    }, 'the servers of the new endpoint');
    assert.equal(servers.length, f.seed.servers.length);
    assert.ok(other().requests.length > 0, 'the new host was not used after the confirmation');
  });

  it('credentials set again are bound to the new endpoint', async () => {
    await editProfile({ ecsEndpoint: other().url, iamEndpoint: other().url });
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: name,
        credentials: { accessKey: other().credentials.accessKey, secretKey: other().credentials.secretKey },
      }),
    );
    await eventually(
      async () => ((await firstChild()).item.contextValue === 'server.discovered' ? true : undefined),
      'the servers of the new endpoint',
    );
  });

  it('keeps the secrets of a profile rewritten out of the settings from outside; back, it reads with them', async () => {
    // Another extension (or settings.json) rewrites ecsMetadata.profiles without the profile.
    await writeProfiles(profilesBeforeTest());
    await eventually(
      async () => ((await childrenOf(f.api)).some((c) => c.label === name) ? undefined : true),
      'the profile to leave the tree',
    );
    await editProfile({});
    const child = await firstChild();
    assert.notEqual(child.label, translated('Credentials needed'), 'the stored credentials were deleted');
    assert.notEqual(child.item.contextValue, 'message', child.label);
  });

  it('deletes them once the profile has been gone across a restart, with a log line; back before it, they stay', async () => {
    // A second housekeeper over its own SecretStorage and state, started twice: two activations.
    const state = memoryMemento();
    const lines: string[] = [];
    const log = { info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const store = new CredentialStore(memorySecrets());
    const entry = {
      credentials: { accessKey: 'AKGONE', secretKey: 'sk-gone' },
      boundTo: bindingOf(resolveProfile({ ...f.profile, name })),
    };
    await store.set(name, entry);
    const activate = (): vscode.Disposable[] => {
      const profiles = new ProfileStore();
      return [profiles, store, keepCredentialsInStep(profiles, store, log, undefined, state)];
    };
    const restart = async (running: vscode.Disposable[]): Promise<vscode.Disposable[]> => {
      for (const d of running) d.dispose();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return activate();
    };
    let running = activate();
    try {
      // Gone, then back before a restart: kept across it.
      await writeProfiles(profilesBeforeTest());
      await eventually(
        async () => (lines.some((l) => l.includes('left the settings')) ? true : undefined),
        'noted',
      );
      assert.ok(await store.get(name), 'deleted at once');
      await editProfile({});
      await new Promise((resolve) => setTimeout(resolve, 300));
      running = await restart(running);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(await store.get(name), 'deleted though it came back');

      // Gone, and still gone at the next start: deleted then, with a line.
      await writeProfiles(profilesBeforeTest());
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(await store.get(name), 'deleted at once');
      running = await restart(running);
      await eventually(
        async () => ((await store.get(name)) === undefined ? true : undefined),
        'deleted after the restart',
      );
      assert.ok(
        lines.some((l) => l.includes(`"${name}" has been gone from the settings since before this start`)),
        lines.join('\n'),
      );
      assert.ok(!lines.join('\n').includes('sk-gone'), 'no secret in the log');
    } finally {
      for (const d of running) d.dispose();
    }
  });
});

/** SecretStorage in memory. */
function memorySecrets(): vscode.SecretStorage {
  const entries = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  return {
    get: async (key: string) => entries.get(key),
    store: async (key: string, value: string) => {
      entries.set(key, value);
      changed.fire({ key });
    },
    delete: async (key: string) => {
      entries.delete(key);
      changed.fire({ key });
    },
    onDidChange: changed.event,
  } as unknown as vscode.SecretStorage;
}

/** Global state in memory, kept across the simulated restarts. */
function memoryMemento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => {
      values.set(key, value);
    },
  } as vscode.Memento;
}

describe('security: a workspace cannot change the extension settings', () => {
  let f: Fixture;
  let settingsFile: string | undefined;

  before(async () => {
    f = await fixture();
  });

  afterEach(async () => {
    if (settingsFile) fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
    settingsFile = undefined;
  });

  it('declares application scope for every setting and supports untrusted and virtual workspaces', () => {
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
      capabilities: { untrustedWorkspaces: { supported: unknown }; virtualWorkspaces: unknown };
    };
    for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.equal(schema.scope, 'application', key);
    }
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  it('ignores hideValuePreviews, maskValues and requestTimeoutSeconds in .vscode/settings.json', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs with a workspace folder');
    settingsFile = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(
      settingsFile,
      JSON.stringify({
        'ecsMetadata.hideValuePreviews': true,
        'ecsMetadata.maskValues': true,
        'ecsMetadata.requestTimeoutSeconds': 300,
        'editor.tabSize': 7,
      }),
    );
    // A setting of another extension in the same file tells when VS Code has read it.
    await eventually(
      async () => (vscode.workspace.getConfiguration('editor').get('tabSize') === 7 ? true : undefined),
      'the workspace settings to be read',
    );
    assert.equal(settings.requestTimeoutMs(), 10_000);
    f.api.tree.refresh();
    const root = await profileRoot(f.api, f.profileName);
    const server = await childNamed(f.api, root.node, f.seed.servers[0].name);
    const owner = await childNamed(f.api, server.node, 'owner');
    assert.equal(owner.item.description, f.seed.servers[0].metadata.owner);
  });
});

describe('security: values masked on request', () => {
  let f: Fixture;
  let web01: Fixture['server']['seed']['servers'][number];

  before(async () => {
    f = await fixture();
    web01 = f.seed.servers[0];
  });

  afterEach(async () => {
    await vscode.commands.executeCommand(CommandId.unmaskValues);
    await closePanel();
  });

  async function ownerItem(): Promise<vscode.TreeItem> {
    const root = await profileRoot(f.api, f.profileName);
    const server = await childNamed(f.api, root.node, web01.name);
    return (await childNamed(f.api, server.node, 'owner')).item;
  }

  it('the view-title toggle masks tree previews and shows them again', async () => {
    const described = (text: string): Promise<true> =>
      eventually(async () => ((await ownerItem()).description === text ? true : undefined), `"${text}"`);
    await described(web01.metadata.owner);
    await vscode.commands.executeCommand(CommandId.maskValues);
    assert.equal(vscode.workspace.getConfiguration('ecsMetadata').inspect('maskValues')?.globalValue, true);
    await described('••••••');
    await vscode.commands.executeCommand(CommandId.unmaskValues);
    await described(web01.metadata.owner);
  });

  it('the panel is told to mask, and Copy still copies the real value', async () => {
    await vscode.commands.executeCommand(CommandId.maskValues);
    await vscode.commands.executeCommand(CommandId.getMetadataKey, {
      profile: f.profileName,
      serverId: web01.id,
      key: 'owner',
      show: true,
    });
    assert.equal(f.api.panelView()?.masked, true);
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand(CommandId.copyValue, {
      profile: f.profileName,
      serverId: web01.id,
      key: 'owner',
    });
    assert.equal(await vscode.env.clipboard.readText(), web01.metadata.owner);
  });
});
