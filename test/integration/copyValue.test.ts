/**
 * `ecsMetadata.copyValue`: reads the key fresh, puts the value on the clipboard (read back through
 * `vscode.env.clipboard`) and resolves to it — from `{ profile, serverId, key }` arguments and from a
 * key of the tree. A failure leaves the clipboard alone.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/treeNode';
import { fixture, type Fixture } from './fixture';
import { CommandId } from '../../src/commandBase/commandIds';

const sentinel = 'clipboard before the test';

describe(CommandId.copyValue, () => {
  let f: Fixture;
  let web01: Fixture['server']['seed']['servers'][number];

  before(async () => {
    f = await fixture();
    web01 = f.server.seed.servers[0];
  });

  beforeEach(async () => {
    await vscode.env.clipboard.writeText(sentinel);
  });

  function copy(arg: unknown): Thenable<string | undefined> {
    return vscode.commands.executeCommand<string | undefined>(CommandId.copyValue, arg);
  }

  it('copies the value given { profile, serverId, key } and resolves to it', async () => {
    const copied = await copy({ profile: f.profileName, serverId: web01.id, key: 'owner' });
    assert.equal(copied, web01.metadata.owner);
    assert.equal(await vscode.env.clipboard.readText(), web01.metadata.owner);
  });

  it('copies a JSON value and a value with markup byte for byte', async () => {
    for (const key of ['config', 'note']) {
      await copy({ profile: f.profileName, serverId: web01.id, key });
      assert.equal(await vscode.env.clipboard.readText(), web01.metadata[key]);
    }
  });

  it('copies a value of non-ASCII text unchanged', async () => {
    const server = f.server.seed.servers[3];
    const key = Object.keys(server.metadata).find((k) => /[^ -~]/.test(server.metadata[k]));
    assert.ok(key, 'the seed has no non-ASCII value');
    await copy({ profile: f.profileName, serverId: server.id, key });
    assert.equal(await vscode.env.clipboard.readText(), server.metadata[key]);
  });

  it('reads fresh: copies the value the server holds now', async () => {
    const original = web01.metadata.env;
    try {
      f.server.setMetadata(web01.id, 'env', 'fresh-value');
      f.server.clearRequests();
      await copy({ profile: f.profileName, serverId: web01.id, key: 'env' });
      assert.equal(await vscode.env.clipboard.readText(), 'fresh-value');
      assert.equal(f.server.requests.filter((r) => r.path.endsWith('/metadata/env')).length, 1);
    } finally {
      f.server.setMetadata(web01.id, 'env', original);
    }
  });

  it('copies from a key item of the tree (context menu and inline icon pass the item)', async () => {
    const keyNode = await findKeyNode(f, web01.id, 'backup.policy');
    const copied = await copy(keyNode);
    assert.equal(copied, web01.metadata['backup.policy']);
    assert.equal(await vscode.env.clipboard.readText(), web01.metadata['backup.policy']);
  });

  it('rejects with the user-facing message and leaves the clipboard untouched when the read fails', async () => {
    await assert.rejects(
      Promise.resolve(copy({ profile: f.profileName, serverId: web01.id, key: 'absent-key' })),
      (err: Error) => /absent-key/.test(err.message),
    );
    assert.equal(await vscode.env.clipboard.readText(), sentinel);
  });

  it('leaves the clipboard untouched when a tree item read fails (the error is shown instead)', async () => {
    const keyNode = await findKeyNode(f, web01.id, 'owner');
    f.server.setFaults({ serverError: { count: 10, status: 500 } });
    const copied = await copy(keyNode);
    assert.equal(copied, undefined);
    assert.equal(await vscode.env.clipboard.readText(), sentinel);
  });
});

/** Walks the real tree provider: profile → server → key. */
async function findKeyNode(f: Fixture, serverId: string, key: string): Promise<TreeNode> {
  const profiles = await f.api.tree.getChildren();
  const profile = profiles.find(
    (n) => (n as { profile?: { name?: string } }).profile?.name === f.profileName,
  );
  assert.ok(profile, 'profile not in the tree');
  const servers = await f.api.tree.getChildren(profile);
  const server = servers.find((n) => (n as { serverId?: string }).serverId === serverId);
  assert.ok(server, 'server not in the tree');
  const keys = await f.api.tree.getChildren(server);
  const node = keys.find((n) => (n as { key?: string }).key === key);
  assert.ok(node, `key ${key} not in the tree`);
  return node;
}
