/**
 * Import Profiles as a person runs it, when a profile of the same name already exists: the person is
 * asked, and either replaces it (settings and secret) or imports under a new name, leaving the old
 * one as it was. The quick picks and the input box are answered by replacing `vscode.window`'s
 * functions for the test (a person's click cannot be made from the extension host); the clouds.yaml
 * is found where a person's would be, through OS_CLIENT_CONFIG_FILE.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProfileSetting } from '../../src/profiles/profile';
import { type Fixture, fixture, storedProfiles, writeProfiles } from './fixture';
import { profilesBeforeTest, readOwner } from './support/testSetup';
import { translated } from './l10nBundle';
import { confirmingModals } from './modalAnswer';
import { closePanel } from './panelTabs';
import { CommandId } from '../../src/commandBase/commandIds';

type Window = typeof vscode.window;

describe('Import Profiles: a name that already exists', () => {
  let f: Fixture;
  let dir: string;
  const cloud = 'local-openstack';
  const restore: (() => void)[] = [];
  /** The single-choice quick picks shown, with their items' labels. */
  const asked: { title?: string; labels: string[] }[] = [];
  const inputs: vscode.InputBoxOptions[] = [];

  function replace<K extends keyof Window>(name: K, impl: Window[K]): void {
    const original = vscode.window[name];
    (vscode.window as Record<K, Window[K]>)[name] = impl;
    restore.push(() => ((vscode.window as Record<K, Window[K]>)[name] = original));
  }

  /**
   * The import's list is answered with the one cloud; the "already exists" choice with the item
   * whose label is `choice`; the input box (a new name) with `newName`.
   */
  function answer(choice: string, newName?: string): void {
    replace('showQuickPick', (async (
      items:
        readonly (vscode.QuickPickItem | string)[] | Thenable<readonly (vscode.QuickPickItem | string)[]>,
      options?: vscode.QuickPickOptions,
    ) => {
      const list = await items;
      const label = (item: vscode.QuickPickItem | string): string =>
        typeof item === 'string' ? item : item.label;
      if (options?.canPickMany) return list.filter((item) => label(item) === cloud);
      asked.push({ title: options?.title, labels: list.map(label) });
      return list.find((item) => label(item) === choice);
    }) as Window['showQuickPick']);
    replace('showInputBox', ((options?: vscode.InputBoxOptions) => {
      inputs.push(options ?? {});
      return Promise.resolve(newName);
    }) as Window['showInputBox']);
  }

  const existing = (): ProfileSetting => ({
    name: cloud,
    region: 'local-1',
    ecsEndpoint: f.server.url,
    projectId: f.server.projectId,
    auth: 'token',
  });

  before(async () => {
    f = await fixture();
  });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-import-taken-'));
    const c = f.server.credentials;
    const file = path.join(dir, 'clouds.yaml');
    fs.writeFileSync(
      file,
      [
        'clouds:',
        `  ${cloud}:`,
        '    auth:',
        `      auth_url: ${f.server.url}/v3`,
        `      username: ${c.user}`,
        `      password: '${c.password}'`,
        `      user_domain_name: ${c.domain}`,
        '      project_name: local-1',
        '    region_name: local-1',
        '',
      ].join('\n'),
    );
    process.env.OS_CLIENT_CONFIG_FILE = file;
    await writeProfiles([...profilesBeforeTest(), existing()]);
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: cloud,
        credentials: { token: f.server.credentials.token },
      }),
    );
  });

  afterEach(async () => {
    while (restore.length > 0) restore.pop()?.();
    asked.length = 0;
    inputs.length = 0;
    delete process.env.OS_CLIENT_CONFIG_FILE;
    await closePanel();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const importAsPerson = (): Thenable<unknown> => vscode.commands.executeCommand(CommandId.importProfiles);

  it('is asked about, never overwritten silently: Replace puts the imported settings and secret in its place', async () => {
    answer(translated('Replace "{0}"', cloud));
    await importAsPerson();
    assert.deepEqual(asked, [
      {
        title: translated('A profile named "{0}" already exists.', cloud),
        labels: [
          translated('Replace "{0}"', cloud),
          translated('Import under another name…'),
          translated('Skip'),
        ],
      },
    ]);
    const entries = storedProfiles()?.filter((p) => p.name === cloud) ?? [];
    assert.equal(entries.length, 1, 'one profile of that name');
    assert.equal(entries[0].auth, 'password', 'the imported cloud replaced the token profile');
    assert.equal(entries[0].iamEndpoint, f.server.url);
    // The imported password came along and replaced the token: a read signs in with it.
    f.server.clearRequests();
    assert.equal(await readOwner(cloud), f.seed.servers[0].metadata.owner);
    assert.ok(f.server.requests.some((r) => r.method === 'POST' && r.path === '/v3/auth/tokens'));
  });

  it('Import under another name: the new profile works and the old one stays exactly as it was', async () => {
    const newName = `${cloud}-imported`;
    answer(translated('Import under another name…'), newName);
    await importAsPerson();
    assert.equal(inputs.length, 1);
    assert.equal(inputs[0].value, `${cloud}-2`, 'a free name is offered');
    // The box refuses a name that is taken, in the person's language.
    assert.equal(
      await inputs[0].validateInput?.(cloud),
      translated('A profile named "{0}" already exists.', cloud),
    );
    const stored = storedProfiles() ?? [];
    assert.deepEqual(
      stored.find((p) => p.name === cloud),
      existing(),
      'the existing profile is untouched',
    );
    const imported = stored.find((p) => p.name === newName);
    assert.equal(imported?.auth, 'password');
    assert.equal(await readOwner(newName), f.seed.servers[0].metadata.owner);
    assert.equal(await readOwner(cloud), f.seed.servers[0].metadata.owner, 'the old one still works');
  });

  it('Skip leaves everything as it was', async () => {
    const before = JSON.stringify(storedProfiles());
    answer(translated('Skip'));
    await importAsPerson();
    assert.equal(asked.length, 1);
    assert.equal(JSON.stringify(storedProfiles()), before);
  });
});
