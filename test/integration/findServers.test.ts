/**
 * Find Servers by Metadata, Compare Metadata With…, Copy Metadata as JSON and Export Metadata…
 * in a real VS Code against two local ECS servers (two profiles).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import * as vscode from 'vscode';
import type { Comparison } from '../../src/commands/compareMetadata';
import type { FindMatch } from '../../src/commands/findServers';
import { startEcsServer } from '../ecs-server';
import { childrenOf, eventually, fixture, profileRoot, type Fixture } from './fixture';
import { restoredAfterSuite, withLocalProfile } from './support/testSetup';
import { CommandId } from '../../src/commandBase/commandIds';

const second = 'Second project';
const bulk = 2500;

describe('find, compare, copy and export metadata', () => {
  let f: Fixture;
  let big: Awaited<ReturnType<typeof startEcsServer>>;
  /** Servers of the second project set to env=production, in listing order. */
  let production: string[];
  let tmp: string;
  restoredAfterSuite();

  before(async () => {
    f = await fixture();
    big = await startEcsServer({ seed: f.seed });
    big.addServers(bulk, 'big');
    const ids: string[] = [];
    let marker = '';
    for (;;) {
      const page = await fetch(
        `${big.url}/v2.1/${big.projectId}/servers?limit=1000${marker ? `&marker=${marker}` : ''}`,
        { headers: { 'X-Auth-Token': big.credentials.token } },
      );
      const body = (await page.json()) as { servers: { id: string }[]; servers_links?: unknown[] };
      ids.push(...body.servers.map((s) => s.id));
      if (!body.servers_links) break;
      marker = ids.at(-1) ?? '';
    }
    production = ids.filter((_, i) => i >= f.seed.servers.length && i % 500 === 0);
    for (const id of production) big.setMetadata(id, 'env', 'production');
    const { accessKey, secretKey } = big.credentials;
    await withLocalProfile(second, { ecsEndpoint: big.url, iamEndpoint: big.url }, { accessKey, secretKey });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-export-'));
  });

  after(async () => {
    await vscode.commands.executeCommand(CommandId.clearFilter);
    await big.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(async () => {
    big.resetFaults();
    await vscode.commands.executeCommand(CommandId.clearFilter);
  });

  const seedProduction = (): string[] =>
    f.seed.servers.filter((s) => s.metadata.env === 'production').map((s) => s.id);

  it('finds env=production across two profiles without UI, saying which keys matched', async () => {
    big.clearRequests();
    const matches = await vscode.commands.executeCommand<FindMatch[]>(CommandId.findServers, {
      query: 'env=production',
    });
    const byProfile = (name: string): string[] =>
      matches.filter((m) => m.profile === name).map((m) => m.serverId);
    assert.deepEqual(byProfile(f.profileName), seedProduction());
    assert.deepEqual(byProfile(second), [...seedProduction(), ...production]);
    assert.ok(matches.every((m) => m.matched.env === 'production' && Object.keys(m.matched).length === 1));
    const web01 = matches.find((m) => m.serverId === f.seed.servers[0].id);
    assert.equal(web01?.name, f.seed.servers[0].name);
    const listings = big.requests.filter((r) => r.path.endsWith('/servers/detail'));
    assert.equal(listings.length, Math.ceil((bulk + f.seed.servers.length) / 1000), 'pages of 1,000');
    assert.equal(big.requests.filter((r) => r.path.includes('/metadata')).length, 0, 'metadata came inline');
  });

  it('finds in one profile, and rejects a bad query with the term it points at', async () => {
    const matches = await vscode.commands.executeCommand<FindMatch[]>(CommandId.findServers, {
      profile: f.profileName,
      query: 'app:tier=front* !retry.max',
    });
    assert.deepEqual(
      matches.map((m) => [m.name, m.matched]),
      f.seed.servers
        .filter((s) => s.metadata['app:tier'] === 'frontend')
        .map((s) => [s.name, { 'app:tier': 'frontend' }]),
    );
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.findServers, { query: 'env=production note="open' }),
      ),
      /Term 2 \(note="open\)/,
    );
  });

  it('shows the find in the view as pages arrive, cancels half-way keeping what was read, and clears', async () => {
    big.setFaults({ latencyMs: 400 });
    const running = vscode.commands.executeCommand(CommandId.findServers, {
      profile: second,
      query: 'owner',
      showInView: true,
    });
    const root = await eventually(async () => {
      const roots = await childrenOf(f.api);
      return roots.length === 1 && roots[0].label === second ? roots[0] : undefined;
    }, 'the view to show only the searched profile');
    assert.equal(root.item.contextValue, 'profile.found');
    // The first page's matches are in the view while later pages are still being read.
    const streamed = await eventually(
      async () => {
        const children = await childrenOf(f.api, root.node);
        return children.length > 1 ? children : undefined;
      },
      'matches of the first page',
      200,
    );
    assert.equal(f.api.find.result(second)?.state, 'reading');
    assert.match(streamed.at(-1)?.label ?? '', /1,?000|1000/);
    f.api.find.cancel(); // what the notification's Cancel does
    await running;
    const result = f.api.find.result(second);
    assert.equal(result?.state, 'cancelled');
    assert.ok((result?.serversRead ?? 0) < bulk, `read ${result?.serversRead}`);
    const children = await childrenOf(f.api, root.node);
    const servers = children.filter((c) => c.item.contextValue?.startsWith('server.'));
    assert.equal(servers.length, result?.matches.length);
    assert.equal(servers[0].item.description, `owner=${f.seed.servers[0].metadata.owner}`);
    assert.match(children.at(-1)?.label ?? '', /Stopped after reading/);

    await vscode.commands.executeCommand(CommandId.clearFilter);
    assert.equal(f.api.find.query, undefined);
    const roots = await childrenOf(f.api);
    assert.deepEqual(
      roots.map((r) => r.label),
      [f.profileName, second],
    );
    assert.equal(roots[0].item.contextValue, 'profile');
  });

  /**
   * A person's path through Find Servers by Metadata…, from the palette: the query box (a parse error
   * in its validation message, then a valid query), the profile picked, and Cancel pressed on the
   * progress notification while pages are still arriving. The input box and the quick pick are
   * answered by replacing them for the test; the notification is the real one, but its task gets a
   * cancellation token this test owns, so cancelling it is what the notification's Cancel button does.
   */
  it("a person's find: a mistyped term named as they type, then Cancel on the notification half-way", async () => {
    type Window = typeof vscode.window;
    const window = vscode.window as { -readonly [K in keyof Window]: Window[K] };
    const originals = {
      showInputBox: window.showInputBox,
      showQuickPick: window.showQuickPick,
      withProgress: window.withProgress,
      showErrorMessage: window.showErrorMessage,
    };
    const boxes: vscode.InputBoxOptions[] = [];
    const typed: { text: string; problem: unknown }[] = [];
    const scopes: string[][] = [];
    const notifications: vscode.ProgressOptions[] = [];
    const reports: string[] = [];
    const errors: string[] = [];
    const cancel = new vscode.CancellationTokenSource();
    window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
      boxes.push(options ?? {});
      // As a person types: the box checks each text; Enter is only taken once nothing is wrong.
      const texts = [
        'env=production note="open',
        'env=production and owner=team-web',
        'env==production',
        'env!=production',
        'owner',
      ];
      for (const text of texts) {
        typed.push({ text, problem: await options?.validateInput?.(text) });
      }
      return 'owner';
    }) as Window['showInputBox'];
    window.showQuickPick = (async (
      items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>,
    ) => {
      const list = await items;
      scopes.push(list.map((i) => i.label));
      return list.find((i) => i.label === second);
    }) as unknown as Window['showQuickPick'];
    window.withProgress = ((options, task) => {
      if (options.location !== vscode.ProgressLocation.Notification)
        return originals.withProgress(options, task);
      notifications.push(options);
      return originals.withProgress(options, (progress) =>
        task(
          {
            report: (value) => {
              if (value.message) reports.push(value.message);
              progress.report(value);
            },
          },
          cancel.token,
        ),
      );
    }) as Window['withProgress'];
    window.showErrorMessage = ((message: string, ...rest: unknown[]) => {
      errors.push(message);
      return (originals.showErrorMessage as (...args: unknown[]) => Thenable<unknown>)(message, ...rest);
    }) as Window['showErrorMessage'];
    try {
      big.setFaults({ latencyMs: 400 });
      // No argument: as from the palette or the title bar.
      const running = vscode.commands.executeCommand(CommandId.findServers);

      const root = await eventually(async () => {
        const roots = await childrenOf(f.api);
        return roots.length === 1 && roots[0].label === second ? roots[0] : undefined;
      }, 'the view to show only the profile picked');
      assert.equal(boxes.length, 1);
      assert.deepEqual(
        typed.map((t) =>
          typeof t.problem === 'object' && t.problem
            ? (t.problem as vscode.InputBoxValidationMessage).message
            : t.problem,
        ),
        [
          'Term 2 (note="open): the double quote is not closed.',
          'Term 2 (and): terms are joined by spaces; every term must hold. Leave out and (for a key of that name, quote it: "and").',
          'Term 1 (env==production): use a single = (key=value). For a value that starts with =, quote it: key="=value".',
          'Term 1 (env!=production): to find servers where a key does not have a value, put ! in front: !env=production (it also finds servers without the key). For a key that ends with !, quote it.',
          undefined,
        ],
        'the validation message names the mistyped term, and the corrected query passes',
      );
      assert.deepEqual(scopes, [['All profiles', f.profileName, second]]);
      assert.equal(notifications.length, 1);
      assert.equal(notifications[0].cancellable, true, 'the notification offers Cancel');
      assert.match(notifications[0].title ?? '', /owner/);

      // Cancel while the first page's matches are shown and later pages are still being read.
      await eventually(
        async () => ((await childrenOf(f.api, root.node)).length > 1 ? true : undefined),
        'matches of the first page',
        200,
      );
      assert.equal(f.api.find.result(second)?.state, 'reading');
      cancel.cancel();
      await running;

      const result = f.api.find.result(second);
      assert.equal(result?.state, 'cancelled', 'Cancel on the notification did not stop the reading');
      assert.ok(
        (result?.serversRead ?? 0) < bulk,
        `read ${result?.serversRead} of ${bulk + f.seed.servers.length}`,
      );
      assert.ok(
        reports.some((r) => /servers read/.test(r)),
        `progress reports: ${reports.join(' | ')}`,
      );
      const children = await childrenOf(f.api, root.node);
      const servers = children.filter((c) => c.item.contextValue?.startsWith('server.'));
      assert.equal(servers.length, result?.matches.length, 'the tree shows what was found before Cancel');
      // Besides the matches, only the note that the reading stopped: no error item.
      const others = children.filter((c) => !c.item.contextValue?.startsWith('server.')).map((c) => c.label);
      assert.equal(others.length, 1, others.join(' | '));
      assert.match(others[0] ?? '', /^Stopped after reading [\d,]+ servers$/);
      const [after] = await childrenOf(f.api);
      assert.match(String(after.item.description), /found · read at/);
      assert.deepEqual(errors, [], 'an error was shown');
    } finally {
      Object.assign(window, originals);
      cancel.dispose();
    }
  });

  it('Clear Filter after a find shows the profile and server the person had expanded still expanded', async () => {
    const view = f.api.view;
    const root = await profileRoot(f.api, f.profileName);
    const [first, other] = (await childrenOf(f.api, root.node)).filter((c) =>
      c.item.contextValue?.startsWith('server.'),
    );
    const expanded = (node: unknown): boolean =>
      f.api.tree.getTreeItem(node as never).collapsibleState === vscode.TreeItemCollapsibleState.Expanded;
    // As a person clicks: the workbench expands the rows and tells the extension host. A reveal
    // landing while the view redraws (after the last test's Clear Filter) can be lost: asked again.
    await eventually(async () => {
      if (expanded(root.node) && expanded(first.node)) return true;
      await view.reveal(root.node as never, { expand: true, select: false, focus: false });
      await view.reveal(first.node as never, { expand: true, select: false, focus: false });
      await new Promise((resolve) => setTimeout(resolve, 200));
      return undefined;
    }, 'the profile and the first server expanded');
    // What the workbench asks for: the children of what it shows expanded.
    const tree = f.api.tree;
    const asked: unknown[] = [];
    const getChildren = tree.getChildren.bind(tree);
    tree.getChildren = (node) => {
      asked.push(node);
      return getChildren(node);
    };
    try {
      await vscode.commands.executeCommand(CommandId.findServers, {
        profile: f.profileName,
        query: 'env=production',
        showInView: true,
      });
      await eventually(
        async () =>
          asked.some((node) => node && tree.getTreeItem(node as never).contextValue === 'profile.found')
            ? true
            : undefined,
        'the workbench to show the find',
      );
      asked.length = 0;
      await vscode.commands.executeCommand(CommandId.clearFilter);
      await eventually(
        async () => (asked.includes(root.node) && asked.includes(first.node) ? true : undefined),
        'the workbench to show the profile and the first server expanded again',
      );
      assert.ok(!asked.includes(other.node), 'a server the person had not expanded was expanded');
    } finally {
      tree.getChildren = getChildren;
    }
  });

  it('refreshes the find results, reading again', async () => {
    await vscode.commands.executeCommand(CommandId.findServers, {
      profile: f.profileName,
      query: 'env=production',
      showInView: true,
    });
    const before = f.api.find.result(f.profileName);
    assert.equal(before?.state, 'done');
    assert.equal(before?.matches.length, seedProduction().length);
    f.server.clearRequests();
    await vscode.commands.executeCommand(CommandId.refresh);
    await eventually(
      async () =>
        f.api.find.result(f.profileName)?.state === 'done' && f.api.find.result(f.profileName) !== before
          ? true
          : undefined,
      'a second reading',
    );
    assert.ok(f.server.requests.some((r) => r.path.endsWith('/servers/detail')));
    const root = await profileRoot(f.api, f.profileName);
    assert.match(String(root.item.description), new RegExp(`^${seedProduction().length} found · read at `));
  });

  it('compares two servers in the diff editor: sorted JSON, one key per line, titled with both names', async () => {
    const [web01, web02] = f.seed.servers;
    const comparison = await vscode.commands.executeCommand<Comparison>(CommandId.compareMetadata, {
      left: { profile: f.profileName, serverId: web01.id },
      right: { profile: second, serverId: web02.id },
    });
    assert.equal(comparison.title, `${web01.name} (${f.profileName}) ↔ ${web02.name} (${second}) (metadata)`);
    const tab = await eventually(async () => {
      const found = vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputTextDiff && t.label === comparison.title);
      return found;
    }, 'the diff editor');
    const input = tab.input as vscode.TabInputTextDiff;
    assert.equal(input.original.toString(), comparison.left);
    assert.equal(input.modified.toString(), comparison.right);
    const left = await vscode.workspace.openTextDocument(input.original);
    const sortedKeys = Object.keys(web01.metadata).sort();
    assert.deepEqual(Object.keys(JSON.parse(left.getText()) as object), sortedKeys);
    assert.deepEqual(JSON.parse(left.getText()), web01.metadata);
    assert.equal(left.lineCount - 1, sortedKeys.length + 2, 'one key per line, braces, final newline');
    assert.notEqual(input.original.scheme, 'file', 'read-only documents of the extension');
    await vscode.window.tabGroups.close(tab);
  });

  it('compares the two servers selected together in the tree', async () => {
    const root = await profileRoot(f.api, f.profileName);
    const servers = (await childrenOf(f.api, root.node)).filter((c) =>
      c.item.contextValue?.startsWith('server.'),
    );
    const [a, b] = [servers[1], servers[2]];
    const comparison = await vscode.commands.executeCommand<Comparison>(CommandId.compareMetadata, a.node, [
      a.node,
      b.node,
    ]);
    assert.equal(comparison.title, `${a.label} ↔ ${b.label} (metadata)`);
    const right = await vscode.workspace.openTextDocument(vscode.Uri.parse(comparison.right));
    assert.deepEqual(JSON.parse(right.getText()), f.seed.servers.find((s) => s.name === b.label)?.metadata);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("copies a server's metadata as JSON with sorted keys", async () => {
    const server = f.seed.servers[2];
    const copied = await vscode.commands.executeCommand<string>(CommandId.copyMetadataJson, {
      profile: f.profileName,
      serverId: server.id,
    });
    assert.equal(await vscode.env.clipboard.readText(), copied);
    assert.deepEqual(JSON.parse(copied), server.metadata);
    assert.deepEqual(Object.keys(JSON.parse(copied) as object), Object.keys(server.metadata).sort());
  });

  it('exports a profile as JSON {serverId: {name, metadata}}', async () => {
    const file = path.join(tmp, 'profile.json');
    const result = await vscode.commands.executeCommand<{ path: string; servers: number }>(
      CommandId.exportMetadata,
      { profile: f.profileName, format: 'json', path: file },
    );
    assert.equal(result.servers, f.seed.servers.length);
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(
      written,
      Object.fromEntries(f.seed.servers.map((s) => [s.id, { name: s.name, metadata: s.metadata }])),
    );
  });

  it('exports the current find results as CSV that a CSV parser reads back', async () => {
    await vscode.commands.executeCommand(CommandId.findServers, {
      query: 'env=production',
      showInView: true,
    });
    const file = path.join(tmp, 'found.csv');
    const result = await vscode.commands.executeCommand<{ servers: number }>(CommandId.exportMetadata, {
      findResults: true,
      format: 'csv',
      path: file,
    });
    const expectedIds = [...seedProduction(), ...seedProduction(), ...production];
    assert.equal(result.servers, expectedIds.length);
    const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    assert.deepEqual(
      rows.map((r) => r['server id']),
      expectedIds,
    );
    const web01 = f.seed.servers[0];
    const row = rows.find((r) => r['server id'] === web01.id);
    for (const [key, value] of Object.entries(web01.metadata)) assert.equal(row?.[key], value, key);
    assert.equal(row?.['server name'], web01.name);
  });
});
