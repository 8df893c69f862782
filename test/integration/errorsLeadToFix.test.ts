/**
 * Errors that lead to the fix, in the real tree and commands: rejected credentials run Set
 * Credentials on click (which checks the sign-in before saving, and the tree loads again after);
 * a server the cloud does not know says so on its row and offers Remove Server; a failed listing
 * says it is the listing and offers Add Server by Id and Turn Off Discovery; Add Server checks a
 * typed id once; Get Metadata Key from the palette reveals the key in the tree.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { endpointTrimNote } from '../../src/errors/inputProblems';
import type { ProfileSetting } from '../../src/profiles/profile';
import {
  childrenOf,
  eventually,
  type Fixture,
  fixture,
  profileRoot,
  type RenderedNode,
  storedProfiles,
  writeProfiles,
} from './fixture';
import { profilesBeforeTest } from './support/testSetup';
import { translated } from './l10nBundle';
import { confirmingModals } from './modalAnswer';
import { acceptUntilSettled } from './stepAnswers';
import { CommandId } from '../../src/commandBase/commandIds';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The arguments a tree item passes on a person's behalf, unwrapped (see onBehalfOfPerson). */
function unwrapped(args: unknown[] | undefined): unknown[] | undefined {
  return args?.map((a) => (a as { arg: unknown }).arg);
}

describe('errors that lead to the fix', () => {
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  async function addProfile(
    setting: ProfileSetting,
    secretKey = f.server.credentials.secretKey,
  ): Promise<void> {
    await writeProfiles([...profilesBeforeTest(), setting]);
    await profileRoot(f.api, setting.name);
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: setting.name,
        credentials: { accessKey: f.server.credentials.accessKey, secretKey },
      }),
    );
  }

  async function children(name: string): Promise<RenderedNode[]> {
    return childrenOf(f.api, (await profileRoot(f.api, name)).node);
  }

  function stepShown(prompt: string): Promise<vscode.QuickInput> {
    return eventually(async () => {
      const input = f.api.stepInput() as
        (vscode.QuickInput & { prompt?: string; placeholder?: string }) | undefined;
      const asks = input?.prompt ?? input?.placeholder;
      return input?.enabled && asks === prompt ? input : undefined;
    }, `an input asking "${prompt}"`);
  }

  async function type(prompt: string, value: string): Promise<void> {
    const box = (await stepShown(prompt)) as vscode.InputBox;
    box.value = value;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }

  it('rejected credentials: the item runs Set Credentials, which checks the sign-in first, then the tree loads', async () => {
    const name = 'Rejected';
    await addProfile({ ...f.profile, name, servers: [] }, 'not-the-secret-key-0000');
    const [message] = await children(name);
    assert.equal(message.label, translated('Signature refused'));
    assert.equal(message.item.description, translated('click to fix: {0}', translated('Set Credentials')));
    assert.equal(message.item.command?.command, CommandId.setCredentials);
    // Run on the person's behalf (a click), with the profile it is about.
    assert.deepEqual(unwrapped(message.item.command?.arguments), [{ profile: name }]);

    const command = message.item.command;
    const done = Promise.resolve(
      vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])),
    );
    await type(translated('Access key ID (AK)'), f.server.credentials.accessKey);
    await type(translated('Secret access key (SK)'), 'still-not-the-secret-key');
    await type(translated('Security token (only for temporary credentials; leave empty otherwise)'), '');

    // The sign-in check fails: Enter on the report does nothing; Enter Again asks anew.
    const report = (await stepShown(
      translated('The sign-in check failed. Enter the credentials again, or save them anyway?'),
    )) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.ok(report.items[0].label.includes(translated('Sign-in failed: {0}', '')), report.items[0].label);
    assert.equal(report.activeItems[0], report.items[0], 'the report line is active, not a way on');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(f.api.stepInput(), report, 'Enter on the report line chose nothing');
    report.value = translated('Enter Again');
    await eventually(
      async () => (report.activeItems[0]?.label.includes(translated('Enter Again')) ? true : undefined),
      'Enter Again active',
    );
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

    await type(translated('Access key ID (AK)'), f.server.credentials.accessKey);
    await type(translated('Secret access key (SK)'), f.server.credentials.secretKey);
    await type(translated('Security token (only for temporary credentials; leave empty otherwise)'), '');
    assert.equal(await done, true);
    // Saving the credentials loads the tree again by itself: the servers show.
    await eventually(async () => {
      const shown = await children(name);
      return shown.length === f.seed.servers.length ? true : undefined;
    }, 'the servers after the credentials were set');
  });

  it('a configured server the cloud does not know says so on its row, and its error item offers Remove Server', async () => {
    const name = 'Gone server';
    await addProfile({
      ...f.profile,
      name,
      servers: [{ id: UNKNOWN, name: 'gone' }],
      discoverServers: false,
    });
    const [server] = await children(name);
    assert.equal(server.label, 'gone');
    assert.equal(server.item.description, `${UNKNOWN} · ${translated('Server not found')}`);
    // The tooltip appends cloud text as text: spaces and punctuation escaped for Markdown.
    const tooltip = (server.item.tooltip as vscode.MarkdownString).value
      .replace(/&nbsp;/g, ' ')
      .replace(/\\(.)/g, '$1');
    assert.ok(tooltip.includes(translated('Details could not be read: {0}', '').trim()), tooltip);
    assert.ok(
      !tooltip.includes(translated('Status: {0}', translated('unknown'))),
      'no silent "unknown" status',
    );

    const [message] = await childrenOf(f.api, server.node);
    assert.equal(message.item.contextValue, 'message.serverNotFound');
    assert.ok(
      (message.item.tooltip as string).includes('"gone"'),
      `the message names the server by name: ${String(message.item.tooltip)}`,
    );
    assert.equal(await vscode.commands.executeCommand(CommandId.removeServer, message.node), true);
    assert.deepEqual(storedProfiles()?.find((p) => p.name === name)?.servers, []);
  });

  it('a failed listing says so and offers Add Server by Id and Turn Off Discovery', async () => {
    const name = 'Listing fails';
    await addProfile({ ...f.profile, name, servers: [] });
    f.server.setFaults({ serverError: { count: 3, status: 500 } });
    const shown = await children(name);
    assert.match(shown[0].label, new RegExp(`^${translated('Listing servers failed: {0}', '')}`));
    assert.deepEqual(
      shown.slice(1).map((c) => [c.label, c.item.command?.command, unwrapped(c.item.command?.arguments)]),
      [
        [translated('Add Server by Id…'), CommandId.addServer, [{ profile: name, byId: true }]],
        [translated('Turn Off Discovery'), CommandId.turnOffDiscovery, [{ profile: name }]],
      ],
    );
    assert.equal(await vscode.commands.executeCommand(CommandId.turnOffDiscovery, { profile: name }), true);
    assert.equal(storedProfiles()?.find((p) => p.name === name)?.discoverServers, false);
  });

  it('Add Server by Id checks the typed id once and stores its name', async () => {
    const name = 'By id';
    await addProfile({ ...f.profile, name, servers: [], discoverServers: false });
    const server = f.seed.servers[4];
    f.server.clearRequests();
    const added = Promise.resolve(
      vscode.commands.executeCommand(CommandId.addServer, { profile: name, byId: true }),
    );
    await type(translated('Server id (a UUID, as the console shows it)'), server.id);
    assert.equal(await added, true);
    assert.deepEqual(
      f.server.requests.map((r) => `${r.method} ${r.path}`),
      [`GET /v2.1/${f.server.projectId}/servers/${server.id}`],
    );
    assert.deepEqual(storedProfiles()?.find((p) => p.name === name)?.servers, [
      { id: server.id, name: server.name },
    ]);
  });

  it('Get Metadata Key from the palette reveals the key in the tree', async () => {
    await writeProfiles([f.profile]);
    await profileRoot(f.api, f.profileName);
    const got = Promise.resolve(vscode.commands.executeCommand<string | undefined>(CommandId.getMetadataKey));
    // The first server, then its first key, as Enter would pick them once listed.
    const value = await acceptUntilSettled(got, 'a server and a key to be picked');
    const selected = await eventually(async () => {
      const node = f.api.view.selection[0] as { key?: string; serverId?: string } | undefined;
      return node?.key !== undefined ? node : undefined;
    }, 'a key selected in the tree');
    const server = f.seed.servers.find((s) => s.id === selected.serverId);
    assert.ok(server, 'a key of a seeded server');
    assert.equal(server.metadata[selected.key as string], value);
  });

  it('an endpoint typed with its version says what is left out', () => {
    assert.equal(
      endpointTrimNote('https://nova.example.com/v2.1/{project_id}', 'compute'),
      translated(
        '"{0}" is left out: the extension adds the version, and the project id is asked for separately. Using {1}',
        '/v2.1/{project_id}',
        'https://nova.example.com',
      ),
    );
    assert.equal(
      endpointTrimNote('https://keystone.example.com:5000/v2.0', 'identity'),
      translated(
        '"{0}" is left out: sign-in uses the Keystone v3 API at {1}',
        '/v2.0',
        'https://keystone.example.com:5000',
      ),
    );
    assert.equal(endpointTrimNote('https://nova.example.com', 'compute'), undefined);
  });
});
