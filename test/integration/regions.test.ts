/**
 * A profile of two regions in the real VS Code, against the local server whose account has a project
 * per region: the tree shows profile → region → servers, each region lists its own servers (its
 * project looked up once, with the keys, by the region's name) and reads keys with its own project
 * id; scripts name the region; the server picker says the region of every server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  childNamed,
  childrenOf,
  eventually,
  fixture,
  profileRoot,
  storedProfiles,
  writeProfiles,
  type Fixture,
} from './fixture';
import { profilesBeforeTest } from './support/testSetup';
import { translated } from './l10nBundle';
import { confirmingModals } from './modalAnswer';
import { closePanel } from './panelTabs';
import { acceptUntilSettled } from './stepAnswers';
import { CommandId } from '../../src/commandBase/commandIds';

type Window = typeof vscode.window;

describe('several regions per profile', () => {
  let f: Fixture;
  const name = 'Two regions';
  const restore: (() => void)[] = [];

  /** The seed's servers of each region, first region first. */
  const seeded = (): { region: string; projectId: string; servers: Fixture['seed']['servers'] }[] => [
    { region: f.seed.region, projectId: f.seed.projectId, servers: f.seed.servers },
    ...(f.seed.otherRegions ?? []),
  ];

  before(async () => {
    f = await fixture();
  });

  beforeEach(async () => {
    await writeProfiles([
      ...profilesBeforeTest(),
      {
        name,
        regions: seeded().map((r) => r.region),
        ecsEndpoint: f.server.url,
        iamEndpoint: f.server.url,
        auth: 'aksk',
        discoverServers: true,
      },
    ]);
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: name,
        credentials: { accessKey: f.server.credentials.accessKey, secretKey: f.server.credentials.secretKey },
      }),
    );
    f.server.clearRequests();
  });

  afterEach(async () => {
    while (restore.length > 0) restore.pop()?.();
    await closePanel();
  });

  const projectLookups = (): number =>
    f.server.requests.filter((r) => r.method === 'GET' && r.path === '/v3/auth/projects').length;

  it('the tree shows the profile → its regions, and asks the cloud nothing until a region is expanded', async () => {
    assert.equal(seeded().length, 2, 'the local server answers for two regions');
    const root = await profileRoot(f.api, name);
    assert.equal(
      root.item.description,
      seeded()
        .map((r) => r.region)
        .join(', '),
    );
    const regions = await childrenOf(f.api, root.node);
    assert.deepEqual(
      regions.map((r) => [r.label, r.item.contextValue]),
      seeded().map((r) => [r.region, 'region']),
    );
    // Other profiles of the suite may redraw meanwhile; none of them looks a project up or uses the second region.
    const second = seeded()[1].projectId;
    assert.deepEqual(
      f.server.requests.filter((r) => r.path === '/v3/auth/projects' || r.path.includes(second)),
      [],
      'regions load only when expanded',
    );
  });

  it("each region lists its own servers; each region's project is looked up once", async () => {
    const root = await profileRoot(f.api, name);
    for (const { region, projectId, servers } of seeded()) {
      const regionNode = await childNamed(f.api, root.node, region);
      const listed = await childrenOf(f.api, regionNode.node);
      assert.deepEqual(
        listed.map((s) => s.label).sort(),
        servers.map((s) => s.name).sort(),
        `servers of ${region}`,
      );
      assert.ok(
        f.server.requests.some((r) => r.path === `/v2.1/${projectId}/servers/detail`),
        `${region} listed with its own project id`,
      );
    }
    assert.equal(projectLookups(), 2, 'one lookup per region');
    // A settings change that rebuilds every client (as the timeout does) looks no region's project up again.
    const timeout = vscode.workspace
      .getConfiguration('ecsMetadata')
      .inspect('requestTimeoutSeconds')?.globalValue;
    await vscode.workspace
      .getConfiguration('ecsMetadata')
      .update('requestTimeoutSeconds', 13, vscode.ConfigurationTarget.Global);
    restore.push(() => {
      void vscode.workspace
        .getConfiguration('ecsMetadata')
        .update('requestTimeoutSeconds', timeout, vscode.ConfigurationTarget.Global);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    f.server.clearRequests();
    for (const { region, servers } of seeded()) {
      const value = await vscode.commands.executeCommand<string>(CommandId.getMetadataKey, {
        profile: name,
        region,
        serverId: servers[0].id,
        key: 'owner',
      });
      assert.equal(value, servers[0].metadata.owner);
    }
    assert.equal(projectLookups(), 0, 'project ids are kept in memory');
  });

  it('a key is read through each region, with that region’s project id (the tree’s key and a script)', async () => {
    const root = await profileRoot(f.api, name);
    for (const { region, projectId, servers } of seeded()) {
      const server = servers[0];
      // Through the tree: region → server → key, as a person expands it.
      const serverRow = await childNamed(
        f.api,
        (await childNamed(f.api, root.node, region)).node,
        server.name,
      );
      const keyRow = await childNamed(f.api, serverRow.node, 'owner');
      assert.equal(keyRow.item.description, server.metadata.owner);
      // Through the script form, naming the region.
      f.server.clearRequests();
      const value = await vscode.commands.executeCommand<string>(CommandId.getMetadataKey, {
        profile: name,
        region,
        serverId: server.id,
        key: 'owner',
      });
      assert.equal(value, server.metadata.owner, region);
      assert.ok(
        f.server.requests.some((r) => r.path === `/v2.1/${projectId}/servers/${server.id}/metadata/owner`),
        `${region}: read with its project id`,
      );
    }
  });

  it('a script must name the region of a profile of several regions, and one of its regions', async () => {
    const server = seeded()[1].servers[0];
    const regions = seeded()
      .map((r) => r.region)
      .join(', ');
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.getMetadataKey, {
          profile: name,
          serverId: server.id,
          key: 'owner',
        }),
      ),
      {
        message: translated(
          'Profile "{0}" has several regions ({1}): name one with "region".',
          name,
          regions,
        ),
      },
    );
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.getMetadataKey, {
          profile: name,
          region: 'cn-north-4',
          serverId: server.id,
          key: 'owner',
        }),
      ),
      {
        message: translated(
          'Profile "{0}" has no region "{1}". Its regions: {2}.',
          name,
          'cn-north-4',
          regions,
        ),
      },
    );
  });

  it('Find Servers by Metadata reads every region of the profile; each match says its region', async () => {
    const [first, second] = seeded();
    const matches = await vscode.commands.executeCommand<{ region?: string; serverId: string }[]>(
      CommandId.findServers,
      { profile: name, query: 'env=production' },
    );
    const expected = [first, second].flatMap(({ region, servers }) =>
      servers.filter((s) => s.metadata.env === 'production').map((s) => `${region} ${s.id}`),
    );
    assert.ok(
      expected.some((e) => e.startsWith(second.region)),
      'the second region has a match',
    );
    assert.deepEqual(matches.map((m) => `${m.region} ${m.serverId}`).sort(), expected.sort());
  });

  it('Find Servers by Metadata in one region of the profile: a script names it, a person picks it', async () => {
    const [, second] = seeded();
    const inSecond = second.servers.filter((s) => s.metadata.env === 'production').map((s) => s.id);
    assert.ok(inSecond.length > 0, 'the second region has a match');
    const matches = await vscode.commands.executeCommand<{ region?: string; serverId: string }[]>(
      CommandId.findServers,
      { profile: name, region: second.region, query: 'env=production' },
    );
    assert.deepEqual(
      matches.map((m) => `${m.region} ${m.serverId}`).sort(),
      inSecond.map((id) => `${second.region} ${id}`).sort(),
    );
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.findServers, {
          profile: name,
          region: 'xx-none-1',
          query: 'env=production',
        }),
      ),
      (err: Error & { kind?: string }) => err.kind === 'invalidInput' && err.message.includes('xx-none-1'),
    );

    // A person: the query box, then the scope picker offers the region on its own.
    const window = vscode.window as unknown as Record<string, unknown>;
    const originalInput = window.showInputBox;
    const originalPick = window.showQuickPick;
    const offered: string[] = [];
    window.showInputBox = () => Promise.resolve('env=production');
    window.showQuickPick = (items: readonly (vscode.QuickPickItem & { description?: string })[]) => {
      offered.push(...items.map((i) => `${i.label}|${i.description ?? ''}`));
      return Promise.resolve(items.find((i) => i.label.endsWith(second.region) && i.description === name));
    };
    try {
      await vscode.commands.executeCommand(CommandId.findServers);
    } finally {
      window.showInputBox = originalInput;
      window.showQuickPick = originalPick;
    }
    assert.ok(
      offered.some((o) => o.endsWith(`${second.region}|${name}`)),
      offered.join(', '),
    );
    const found = f.api.find.result(name);
    assert.equal(found?.state, 'done');
    assert.deepEqual(
      found?.matches.map((m) => `${m.region} ${m.id}`).sort(),
      inSecond.map((id) => `${second.region} ${id}`).sort(),
      'only the picked region was read',
    );
    await vscode.commands.executeCommand(CommandId.clearFilter);
    assert.equal(f.api.find.query, undefined);
  });

  it('the server picker says each server’s region, and Add Server stores the region of the pick', async () => {
    const shown: vscode.QuickPick<vscode.QuickPickItem>[] = [];
    const original = vscode.window.createQuickPick;
    (vscode.window as { createQuickPick: Window['createQuickPick'] }).createQuickPick = (<
      T extends vscode.QuickPickItem,
    >() => {
      const quickPick = original<T>();
      shown.push(quickPick as unknown as vscode.QuickPick<vscode.QuickPickItem>);
      return quickPick;
    }) as Window['createQuickPick'];
    restore.push(
      () => ((vscode.window as { createQuickPick: Window['createQuickPick'] }).createQuickPick = original),
    );

    const second = seeded()[1];
    const wanted = second.servers[0];
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addServer, { profile: name }));
    const item = await eventually(
      async () =>
        shown[0] && !shown[0].busy ? shown[0].items.find((i) => i.label === wanted.name) : undefined,
      'every region’s servers in the picker',
    );
    for (const { region, servers } of seeded()) {
      for (const server of servers) {
        const listed = shown[0].items.find((i) => i.label === (server.name || server.id));
        assert.ok(listed?.description?.startsWith(`${region} · `), `${server.name}: ${listed?.description}`);
      }
    }
    assert.ok(item);
    // As a person would: type the name, so the one server is what Enter accepts.
    shown[0].value = wanted.name;
    await eventually(
      async () => (shown[0].activeItems[0]?.label === wanted.name ? true : undefined),
      `"${wanted.name}" to be the active item`,
    );
    assert.equal(await acceptUntilSettled(added, 'the typed server to be accepted'), true);
    const stored = storedProfiles()?.find((p) => p.name === name)?.servers ?? [];
    assert.deepEqual(stored, [{ id: wanted.id, name: wanted.name, region: second.region }]);
  });
});
