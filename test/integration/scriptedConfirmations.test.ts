/**
 * Security review (issue 10, item 3) in the real VS Code: a script that would replace a profile's
 * stored credentials, remove a profile or send its credentials to changed endpoints is asked about
 * in a modal naming the profile and what changes; declined, the call rejects with a `cancelled`
 * error and nothing changes. A script that only adds credentials is not asked.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEcsServer } from '../ecs-server';
import {
  childrenOf,
  eventually,
  fixture,
  profileRoot,
  storedProfiles,
  writeProfiles,
  type Fixture,
} from './fixture';
import { profilesBeforeTest, withLocalProfile } from './support/testSetup';
import { translated } from './l10nBundle';
import { confirmingModals, decliningModals, type ModalShown } from './modalAnswer';
import { closePanel } from './panelTabs';
import { CommandId } from '../../src/commandBase/commandIds';

interface ScriptError extends Error {
  kind?: string;
}

describe('security: scripted changes to credentials and profiles are confirmed', () => {
  const name = 'Scripted changes';
  let f: Fixture;
  let shown: ModalShown[];

  before(async () => {
    f = await fixture();
  });

  beforeEach(async () => {
    shown = [];
    await withLocalProfile(name);
  });

  afterEach(async () => {
    await closePanel();
  });

  const goodAkSk = () => ({
    accessKey: f.server.credentials.accessKey,
    secretKey: f.server.credentials.secretKey,
  });
  const wrongAkSk = () => ({
    accessKey: f.server.credentials.accessKey,
    secretKey: 'not-the-secret-key-0000',
  });

  const setCredentials = (credentials: unknown) => () =>
    vscode.commands.executeCommand(CommandId.setCredentials, { profile: name, credentials });

  /** A key read with the profile's stored credentials: resolves when they work, rejects when they do not. */
  function readKey(): Thenable<string | undefined> {
    const server = f.seed.servers[0];
    return vscode.commands.executeCommand<string | undefined>(CommandId.getMetadataKey, {
      profile: name,
      serverId: server.id,
      key: Object.keys(server.metadata)[0],
    });
  }

  function isCancelled(err: ScriptError): boolean {
    assert.equal(err.kind, 'cancelled');
    assert.equal(err.message, translated('The request was cancelled.'));
    return true;
  }

  it('adding credentials where none are stored asks nothing', async () => {
    assert.equal(await confirmingModals(setCredentials(goodAkSk()), shown), true);
    assert.deepEqual(shown, []);
    assert.equal(await readKey(), Object.values(f.seed.servers[0].metadata)[0]);
  });

  it('storing the very same credentials again asks nothing (the seeder after a window reload)', async () => {
    await confirmingModals(setCredentials(goodAkSk()));
    assert.equal(await confirmingModals(setCredentials(goodAkSk()), shown), true);
    assert.deepEqual(shown, []);
  });

  it('replacing stored AK/SK asks, naming the profile and what is replaced', async () => {
    await confirmingModals(setCredentials(goodAkSk()));
    assert.equal(await confirmingModals(setCredentials(wrongAkSk()), shown), true);
    assert.equal(shown.length, 1);
    assert.equal(shown[0].message, translated('Replace the stored AK/SK of profile "{0}"?', name));
    assert.equal(
      shown[0].detail,
      translated(
        'A script asks to store other credentials in their place. The stored ones are deleted and cannot be read back.',
      ),
    );
    assert.deepEqual(shown[0].buttons, [translated('Replace')]);
    // Confirmed: the wrong secret is what the profile signs with now.
    await assert.rejects(Promise.resolve(readKey()), (err: ScriptError) => err.kind === 'auth');
  });

  it('replacing a stored token names the token', async () => {
    await writeProfiles([...profilesBeforeTest(), { ...f.profile, name, servers: [], auth: 'token' }]);
    await confirmingModals(setCredentials({ token: f.server.credentials.token }));
    await confirmingModals(setCredentials({ token: 'another-token-0000' }), shown);
    assert.deepEqual(
      shown.map((s) => s.message),
      [translated('Replace the stored token of profile "{0}"?', name)],
    );
  });

  it('declined, the replacement rejects with `cancelled` and the stored credentials still work', async () => {
    await confirmingModals(setCredentials(goodAkSk()));
    assert.ok(await readKey());
    await assert.rejects(decliningModals(setCredentials(wrongAkSk()), shown), isCancelled);
    assert.equal(shown.length, 1);
    assert.equal(await readKey(), Object.values(f.seed.servers[0].metadata)[0]);
  });

  it('removing a profile asks, naming it and that its credentials are deleted', async () => {
    await confirmingModals(setCredentials(goodAkSk()));
    const removed = await confirmingModals(
      () => vscode.commands.executeCommand(CommandId.removeProfile, { profile: name }),
      shown,
    );
    assert.equal(removed, true);
    assert.deepEqual(
      shown.map((s) => [s.message, s.buttons]),
      [[translated('Remove profile "{0}" and its stored credentials?', name), [translated('Remove')]]],
    );
    assert.equal(
      storedProfiles()?.find((p) => p.name === name),
      undefined,
    );
  });

  it('declined, the removal rejects with `cancelled`; the profile and its credentials stay', async () => {
    await confirmingModals(setCredentials(goodAkSk()));
    await assert.rejects(
      decliningModals(
        () => vscode.commands.executeCommand(CommandId.removeProfile, { profile: name }),
        shown,
      ),
      isCancelled,
    );
    assert.equal(shown.length, 1);
    assert.ok(storedProfiles()?.some((p) => p.name === name));
    assert.equal(await readKey(), Object.values(f.seed.servers[0].metadata)[0]);
  });

  it('declined, sending stored credentials to changed endpoints rejects with `cancelled`', async () => {
    const other = await startEcsServer({ seed: f.seed });
    try {
      await confirmingModals(setCredentials(goodAkSk()));
      await writeProfiles([
        ...profilesBeforeTest(),
        { ...f.profile, name, servers: [], ecsEndpoint: other.url },
      ]);
      await eventually(async () => {
        const [first] = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
        return first?.label === translated('Endpoints changed: confirm credentials') ? true : undefined;
      }, 'the endpoints-changed item');
      other.clearRequests();
      await assert.rejects(
        decliningModals(
          () => vscode.commands.executeCommand(CommandId.confirmEndpoints, { profile: name }),
          shown,
        ),
        isCancelled,
      );
      assert.equal(shown.length, 1);
      assert.ok(shown[0].detail?.includes(other.url), shown[0].detail);
      // Still held back: the read is refused before anything reaches the new host.
      await assert.rejects(Promise.resolve(readKey()));
      assert.deepEqual(other.requests, []);
    } finally {
      await other.close();
    }
  });
});
