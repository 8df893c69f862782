/**
 * `ecsMetadata.getMetadataKey` with `{ profile, serverId, key }`: no pickers, no panel unless
 * `show: true` asks for it, the promise resolves to the value read fresh from the server, and failures reject with the
 * user-facing message (which names the request id when the server sent one).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixture, type Fixture } from './fixture';
import { closePanel, panelTabs, panelTabsShowing } from './panelTabs';
import { CommandId } from '../../src/commandBase/commandIds';

describe(CommandId.getMetadataKey, () => {
  let f: Fixture;
  let web01: Fixture['server']['seed']['servers'][number];

  before(async () => {
    f = await fixture();
    web01 = f.server.seed.servers[0];
  });

  afterEach(() => closePanel());

  function getKey(args: {
    profile?: string;
    serverId?: string;
    key?: string;
    show?: boolean;
  }): Thenable<string | undefined> {
    return vscode.commands.executeCommand<string | undefined>(CommandId.getMetadataKey, {
      profile: f.profileName,
      serverId: web01.id,
      ...args,
    });
  }

  async function rejection(promise: Thenable<unknown>): Promise<Error> {
    try {
      await promise;
    } catch (err) {
      assert.ok(err instanceof Error, `rejected with a non-Error: ${String(err)}`);
      return err;
    }
    assert.fail('the command resolved, but it should have rejected');
  }

  it('resolves to the value with one GET of the metadata route, and shows no panel', async () => {
    f.server.clearRequests();
    const value = await getKey({ key: 'owner' });
    assert.equal(value, web01.metadata.owner);
    assert.deepEqual(
      f.server.requests.map((r) => `${r.method} ${r.path}`),
      [`GET /v2.1/${f.server.seed.projectId}/servers/${web01.id}/metadata/owner`],
    );
    // The tab model reaches the extension host late: give a panel, were one opening, time to show.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(panelTabs(), []);
    assert.equal(f.api.panelView(), undefined);
  });

  it('with show: true, shows the value in the panel too', async () => {
    assert.equal(await getKey({ key: 'owner', show: true }), web01.metadata.owner);
    assert.equal((await panelTabsShowing('owner')).length, 1);
  });

  it('reads a key with a colon, percent-encoded exactly once in the path', async () => {
    f.server.clearRequests();
    assert.equal(await getKey({ key: 'app:tier' }), web01.metadata['app:tier']);
    const paths = f.server.requests.map((r) => r.path);
    assert.ok(
      paths.some((p) => p.endsWith('/metadata/app%3Atier')),
      `no read of app:tier in ${paths.join(', ')}`,
    );
  });

  it('never answers from a cache: a value changed on the server is returned at once', async () => {
    const original = web01.metadata.env;
    try {
      assert.equal(await getKey({ key: 'env' }), original);
      f.server.setMetadata(web01.id, 'env', 'changed-on-server');
      assert.equal(await getKey({ key: 'env' }), 'changed-on-server');
    } finally {
      f.server.setMetadata(web01.id, 'env', original);
    }
  });

  it('reads servers that are not configured in the profile (discovered ones)', async () => {
    const other = f.server.seed.servers[3];
    const [key] = Object.keys(other.metadata);
    assert.equal(await getKey({ serverId: other.id, key }), other.metadata[key]);
  });

  it('rejects a missing key with a message naming the key and the request id', async () => {
    const err = await rejection(getKey({ key: 'missing-key' }));
    assert.match(err.message, /missing-key/);
    assert.match(err.message, /request id: [0-9a-f]{32}/);
  });

  it('rejects an unknown server with a message naming the server', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const err = await rejection(getKey({ serverId: unknown, key: 'owner' }));
    assert.match(err.message, new RegExp(unknown));
    assert.match(err.message, /not found/i);
  });

  it('rejects an unknown profile without any request', async () => {
    f.server.clearRequests();
    const err = await rejection(getKey({ profile: 'No such profile', key: 'owner' }));
    assert.match(err.message, /No such profile/);
    assert.equal(f.server.requests.length, 0);
  });

  it('rejects a malformed server id before sending anything', async () => {
    f.server.clearRequests();
    const err = await rejection(getKey({ serverId: '../../servers', key: 'owner' }));
    assert.match(err.message, /not valid/i);
    assert.equal(f.server.requests.length, 0);
  });

  it('refuses a deeply nested argument at once, without unwrapping it', async () => {
    // Before: `target` was unwrapped recursively, and 40 levels froze the extension host.
    let nested: unknown = { profile: f.profileName, serverId: web01.id, key: 'owner' };
    for (let depth = 0; depth < 40; depth++) nested = { target: nested };
    f.server.clearRequests();
    const started = Date.now();
    const err = await rejection(vscode.commands.executeCommand(CommandId.getMetadataKey, nested));
    assert.match(err.message, /\{ profile, serverId, key \}/);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.equal(f.server.requests.length, 0);
  });

  it('rejects after the server kept failing, with the status and without secrets', async () => {
    f.server.setFaults({ serverError: { count: 10, status: 503 } });
    const err = await rejection(getKey({ key: 'owner' }));
    assert.match(err.message, /503/);
    const secrets = [f.server.credentials.secretKey, f.server.credentials.accessKey];
    for (const secret of secrets)
      assert.ok(!err.message.includes(secret), 'a credential leaked into the message');
    assert.ok(!JSON.stringify(err).includes(f.server.credentials.secretKey));
  });
});
