/**
 * The Servers view against the local ECS server: profile → servers → keys, one list call per
 * expanded server, previews, error items that retry, paging with a lock, the filter, refresh.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEcsServer } from '../ecs-server';
import {
  childNamed,
  childrenOf,
  eventually,
  fixture,
  profileRoot,
  writeProfiles,
  type Fixture,
} from './fixture';
import { closePanel } from './panelTabs';
import { profilesBeforeTest, restoredAfterSuite, withLocalProfile, withProfiles } from './support/testSetup';
import { CommandId } from '../../src/commandBase/commandIds';

describe('tree: servers view', () => {
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  afterEach(async () => {
    f.server.resetFaults();
    await vscode.commands.executeCommand(CommandId.clearFilter);
    await vscode.workspace
      .getConfiguration('ecsMetadata')
      .update('hideValuePreviews', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows the profile as a root item with the profile context value', async () => {
    const root = await profileRoot(f.api, f.profileName);
    assert.equal(root.item.contextValue, 'profile');
    // Collapsed, or Expanded where an earlier suite expanded it (the view remembers that).
    assert.notEqual(root.item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.equal(f.api.tree.getParent(root.node as never), undefined);
  });

  it('lists configured servers first, then the discovered rest, each once, with status', async () => {
    const root = await profileRoot(f.api, f.profileName);
    const servers = (await childrenOf(f.api, root.node)).filter((c) =>
      c.item.contextValue?.startsWith('server.'),
    );
    const configured = f.seed.servers.slice(0, 2);
    assert.deepEqual(
      servers.slice(0, 2).map((s) => [s.label, s.item.contextValue]),
      configured.map((s) => [s.name, 'server.configured']),
    );
    assert.deepEqual(
      servers.map((s) => s.label).sort(),
      f.seed.servers.map((s) => s.name).sort(),
      'every seed server exactly once',
    );
    for (const s of servers.slice(2)) assert.equal(s.item.contextValue, 'server.discovered');
    const shutoff = f.seed.servers.find((s) => s.status === 'SHUTOFF');
    assert.ok(shutoff);
    const shown = servers.find((s) => s.label === shutoff.name);
    assert.equal(shown?.item.description, `${shutoff.id} · SHUTOFF`);
    assert.ok(shown?.item.iconPath instanceof vscode.ThemeIcon);
    assert.equal(f.api.tree.getParent(shown.node as never), root.node);
  });

  it('expands a server to its sorted keys with value previews, in one list call', async () => {
    const seedServer = f.seed.servers[1];
    const root = await profileRoot(f.api, f.profileName);
    await vscode.commands.executeCommand(CommandId.refreshNode, root.node);
    const server = await childNamed(f.api, root.node, seedServer.name);
    f.server.clearRequests();
    const keys = await childrenOf(f.api, server.node);
    assert.deepEqual(
      keys.map((k) => k.label),
      Object.keys(seedServer.metadata).sort((a, b) => a.localeCompare(b)),
    );
    const owner = keys.find((k) => k.label === 'owner');
    assert.equal(owner?.item.contextValue, 'metadataKey');
    assert.equal(owner?.item.description, seedServer.metadata.owner);
    assert.equal(owner?.item.command?.command, CommandId.openKey);
    // The click passes the key's node, which names the key (and the server, sparing a lookup).
    const clicked = owner?.item.command?.arguments?.[0] as Record<string, unknown> | undefined;
    assert.equal(clicked, owner?.node);
    assert.deepEqual(
      [clicked?.profile, clicked?.serverId, clicked?.key, clicked?.serverName],
      [f.profileName, seedServer.id, 'owner', seedServer.name],
    );
    assert.deepEqual(
      f.server.requests.map((r) => `${r.method} ${r.path}`),
      [`GET /v2.1/${f.server.projectId}/servers/${seedServer.id}/metadata`],
    );
  });

  it('opens a key of a discovered server with one request, the key read: the tree knows the name', async () => {
    const seedServer = f.seed.servers[2];
    const root = await profileRoot(f.api, f.profileName);
    const server = await childNamed(f.api, root.node, seedServer.name);
    assert.equal(server.item.contextValue, 'server.discovered', 'the profile does not name this server');
    const owner = await childNamed(f.api, server.node, 'owner');
    const command = owner.item.command;
    assert.equal(command?.command, CommandId.openKey);
    f.server.clearRequests();
    try {
      // What a click on the item runs, with the arguments the item carries.
      const value = await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      assert.equal(value, seedServer.metadata.owner);
      const view = f.api.panelView();
      assert.equal(view?.value, seedServer.metadata.owner);
      assert.equal(view?.target.serverName, seedServer.name);
      assert.deepEqual(
        f.server.requests.map((r) => `${r.method} ${r.path}`),
        [`GET /v2.1/${f.server.projectId}/servers/${seedServer.id}/metadata/owner`],
      );
    } finally {
      await closePanel();
    }
  });

  it('hides value previews when ecsMetadata.hideValuePreviews is on', async () => {
    await vscode.workspace
      .getConfiguration('ecsMetadata')
      .update('hideValuePreviews', true, vscode.ConfigurationTarget.Global);
    const seedServer = f.seed.servers[0];
    const owner = await eventually(async () => {
      const root = await profileRoot(f.api, f.profileName);
      const server = await childNamed(f.api, root.node, seedServer.name);
      const key = await childNamed(f.api, server.node, 'owner');
      return key.item.description === undefined ? key : undefined;
    }, 'previews to disappear');
    assert.equal(owner.item.description, undefined);
  });

  it('shows a failed expansion as an error item that retries on click', async () => {
    const seedServer = f.seed.servers[0];
    const root = await profileRoot(f.api, f.profileName);
    const server = await childNamed(f.api, root.node, seedServer.name);
    await vscode.commands.executeCommand(CommandId.refreshNode, server.node);
    f.server.setFaults({ serverError: { count: 1, status: 500 } });
    const [error] = await childrenOf(f.api, server.node);
    assert.equal(error.item.contextValue, 'message');
    assert.equal(error.item.command?.command, CommandId.refreshNode);
    assert.match(String(error.item.tooltip), /request id/i);
    await vscode.commands.executeCommand(error.item.command.command, ...(error.item.command.arguments ?? []));
    const keys = await childrenOf(f.api, server.node);
    assert.equal(keys[0].item.contextValue, 'metadataKey');
  });

  it('passes a signal to tree loads: a refresh aborts a hanging load, which ends in an item', async () => {
    const seedServer = f.seed.servers[0];
    const root = await profileRoot(f.api, f.profileName);
    const server = await childNamed(f.api, root.node, seedServer.name);
    await vscode.commands.executeCommand(CommandId.refreshNode, server.node);
    f.server.clearRequests();
    f.server.setFaults({ hang: { count: 1 } });
    const loading = childrenOf(f.api, server.node);
    await eventually(
      async () => (f.server.requests.some((r) => r.path.endsWith('/metadata')) ? true : undefined),
      'the key listing to be sent',
    );
    await vscode.commands.executeCommand(CommandId.refreshNode, server.node);
    const [ended] = await loading;
    assert.equal(ended.item.contextValue, 'message', 'the aborted load ends in an item, not a spinner');
    const request = f.server.requests.find((r) => r.path.endsWith('/metadata'));
    await eventually(
      async () => (request?.abandoned ? true : undefined),
      'the hanging request to be aborted',
    );
    const keys = await childrenOf(f.api, server.node);
    assert.equal(keys[0].item.contextValue, 'metadataKey', 'the next load works');
  });

  it('filters servers by name or id, says so, and clears', async () => {
    const [first, second] = f.seed.servers;
    await vscode.commands.executeCommand(CommandId.filter, first.name.toUpperCase());
    assert.equal(f.api.tree.filter, first.name.toUpperCase());
    let root = await profileRoot(f.api, f.profileName);
    assert.deepEqual(
      (await childrenOf(f.api, root.node)).map((c) => c.label),
      f.seed.servers
        .filter((s) => s.name.toLowerCase().includes(first.name.toLowerCase()))
        .map((s) => s.name),
    );
    await vscode.commands.executeCommand(CommandId.filter, second.id.slice(0, 13));
    root = await profileRoot(f.api, f.profileName);
    assert.deepEqual(
      (await childrenOf(f.api, root.node)).map((c) => c.label),
      [second.name],
    );
    await vscode.commands.executeCommand(CommandId.filter, 'no-such-server-anywhere');
    const [empty] = await childrenOf(f.api, root.node);
    assert.equal(empty.item.contextValue, 'message');
    await vscode.commands.executeCommand(CommandId.clearFilter);
    assert.equal(f.api.tree.filter, undefined);
    assert.equal((await childrenOf(f.api, root.node)).length, f.seed.servers.length);
  });

  it('refreshes when a profile changes', async () => {
    await withProfiles({ ...f.profile, name: 'Second profile' });
    const second = await profileRoot(f.api, 'Second profile');
    assert.equal(second.item.contextValue, 'profile');
    await writeProfiles(profilesBeforeTest());
    await eventually(
      async () => ((await childrenOf(f.api)).some((c) => c.label === 'Second profile') ? undefined : true),
      'the removed profile to leave the tree',
    );
  });
});

describe('tree: paging discovered servers', () => {
  const pagingProfile = 'Paging test';
  let f: Fixture;
  let big: Awaited<ReturnType<typeof startEcsServer>>;
  restoredAfterSuite();

  before(async () => {
    f = await fixture();
    big = await startEcsServer({ seed: f.seed });
    big.addServers(120, 'bulk');
    const { accessKey, secretKey } = big.credentials;
    await withLocalProfile(
      pagingProfile,
      { ecsEndpoint: big.url, iamEndpoint: big.url },
      { accessKey, secretKey },
    );
  });

  after(() => big.close());

  it('pages with "Load more", and a double click fetches the page once', async () => {
    const total = f.seed.servers.length + 120;
    const root = await profileRoot(f.api, pagingProfile);
    let children = await childrenOf(f.api, root.node);
    const servers = (): number => children.filter((c) => c.item.contextValue === 'server.discovered').length;
    assert.equal(servers(), 50);
    let more = children.at(-1);
    assert.equal(more?.item.contextValue, 'loadMore');
    assert.equal(more?.item.command?.command, CommandId.loadMore);

    big.clearRequests();
    const args = more?.item.command?.arguments ?? [];
    // While the page loads, the item says so.
    big.setFaults({ latencyMs: 300 });
    const first = vscode.commands.executeCommand(CommandId.loadMore, ...args);
    await eventually(async () => {
      const last = (await childrenOf(f.api, root.node)).at(-1);
      return last?.label === 'Loading…' ? true : undefined;
    }, 'Load more to show it is loading');
    await first;
    big.resetFaults();
    children = await childrenOf(f.api, root.node);
    assert.equal(servers(), 100);
    assert.notEqual(children.at(-1)?.label, 'Loading…');
    await vscode.commands.executeCommand(CommandId.refreshNode, root.node);
    children = await childrenOf(f.api, root.node);
    more = children.at(-1);
    big.clearRequests();
    await Promise.all([
      vscode.commands.executeCommand(CommandId.loadMore, ...args),
      vscode.commands.executeCommand(CommandId.loadMore, ...args),
    ]);
    // And a late second click on the same, now stale, item.
    await vscode.commands.executeCommand(CommandId.loadMore, ...args);
    assert.equal(
      big.requests.filter((r) => r.path.endsWith('/servers') || r.path.endsWith('/servers/detail')).length,
      1,
    );
    children = await childrenOf(f.api, root.node);
    assert.equal(servers(), 100);

    more = children.at(-1);
    await vscode.commands.executeCommand(CommandId.loadMore, ...(more?.item.command?.arguments ?? []));
    children = await childrenOf(f.api, root.node);
    assert.equal(servers(), total);
    assert.notEqual(children.at(-1)?.item.contextValue, 'loadMore', 'no Load more after the last page');
  });
});
