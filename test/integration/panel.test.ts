/**
 * The metadata panel: clicking a key (`ecsMetadata.openKey`, what a key tree item runs) reads it
 * fresh and shows it with its server, profile, fetch time and request id; one panel is reused;
 * errors land in the panel. What the page renders from this is the end-to-end walk's part.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelView } from '../../src/panel/messages';
import { eventually, fixture, type Fixture } from './fixture';
import { closePanel, panelTabs, panelTabsShowing } from './panelTabs';
import { withSetting } from './support/testSetup';
import { CommandId } from '../../src/commandBase/commandIds';

describe('metadata panel', () => {
  let f: Fixture;
  let web01: Fixture['server']['seed']['servers'][number];

  before(async () => {
    f = await fixture();
    web01 = f.server.seed.servers[0];
    await closePanel();
  });

  afterEach(() => closePanel());

  /** What clicking a key does: the key read fresh into the panel; then what the panel shows. */
  async function openKey(key: string, serverId = web01.id): Promise<PanelView | undefined> {
    await vscode.commands.executeCommand(CommandId.getMetadataKey, {
      profile: f.profileName,
      serverId,
      key,
      show: true,
    });
    return f.api.panelView();
  }

  it('shows the value, the server name and id, the profile, when it was fetched and the request id', async () => {
    const before = Date.now();
    const view = await openKey('owner');
    assert.ok(view);
    assert.equal(view.value, web01.metadata.owner);
    assert.equal(view.loading, false);
    assert.equal(view.error, undefined);
    assert.deepEqual(view.target, {
      profile: f.profileName,
      serverId: web01.id,
      key: 'owner',
      serverName: web01.name,
    });
    assert.ok(view.fetchedAt && Date.parse(view.fetchedAt) >= before - 1000, `fetchedAt ${view.fetchedAt}`);
    // The local server answers every request with a 32-hex-digit X-Request-Id.
    assert.match(view.requestId ?? '', /^[0-9a-f]{32}$/);
  });

  it('opens one panel titled after the key', async () => {
    await openKey('env');
    const tabs = await panelTabsShowing('env');
    assert.equal(tabs.length, 1);
  });

  it('reuses the same panel for the next key instead of opening another', async () => {
    await openKey('owner');
    await panelTabsShowing('owner');
    await openKey('backup.policy');
    const tabs = await panelTabsShowing('backup.policy');
    assert.equal(tabs.length, 1, `found ${tabs.length} panels`);
  });

  it('reads fresh each time: a changed value shows on the next open', async () => {
    const original = web01.metadata.env;
    try {
      await openKey('env');
      f.server.setMetadata(web01.id, 'env', 'staging');
      const view = await openKey('env');
      assert.equal(view?.value, 'staging');
    } finally {
      f.server.setMetadata(web01.id, 'env', original);
    }
  });

  it('carries a value with markup as the exact string (the page sets it as text)', async () => {
    const view = await openKey('note');
    assert.equal(view?.value, '<img src=x onerror=alert(1)>');
  });

  it('puts a failure in the panel with the user-facing message, keeping the panel open', async () => {
    await assert.rejects(Promise.resolve(openKey('no-such-key')), /no-such-key/);
    const view = f.api.panelView();
    assert.ok(view?.error, 'no error in the panel');
    assert.match(view.error.message, /no-such-key/);
    assert.equal(view.value, undefined);
    assert.equal((await panelTabsShowing('no-such-key')).length, 1);
  });

  it('shows a throttled read as an error and recovers on the next read', async () => {
    f.server.setFaults({ throttle: { count: 10 } });
    await assert.rejects(Promise.resolve(openKey('owner')), /throttl/i);
    const failed = f.api.panelView();
    assert.ok(failed?.error, 'throttling did not reach the panel');
    assert.match(failed.error.message, /throttl/i);
    f.server.resetFaults();
    const ok = await openKey('owner');
    assert.equal(ok?.value, web01.metadata.owner);
    assert.equal(ok?.error, undefined);
  });

  it('closing the panel cancels its read', async () => {
    // A time limit that cannot end the hanging read first, however slow this machine is.
    await withSetting('requestTimeoutSeconds', 120);
    await openKey('owner');
    f.server.clearRequests();
    f.server.setFaults({ hang: { count: 1 } });
    const reading = Promise.resolve(openKey('env'));
    await eventually(
      async () => (f.server.requests.some((r) => r.path.endsWith('/metadata/env')) ? true : undefined),
      'the read to be sent',
    );
    await closePanel();
    await assert.rejects(reading, /cancelled/i);
    const request = f.server.requests.find((r) => r.path.endsWith('/metadata/env'));
    await eventually(async () => (request?.abandoned ? true : undefined), 'the read to be aborted');
  });

  it('opens a new panel after the previous one was closed', async () => {
    await openKey('owner');
    await panelTabsShowing('owner');
    await closePanel();
    assert.equal(panelTabs().length, 0);
    const view = await openKey('env');
    assert.equal(view?.value, web01.metadata.env);
    assert.equal((await panelTabsShowing('env')).length, 1);
  });
});
