/**
 * Change Metadata of Found Servers in the real VS Code against the local server: the script form
 * (dry run, the same modal a person sees, results per server, refusals before any request, Undo with
 * a conflict) and a person's path from a find (the two input boxes, the plan document, the modal
 * naming the count and keys, the summary). Modals are answered by the suite's answerer.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/commandBase/commandIds';
import { BULK_DOCUMENT_SCHEME } from '../../src/commands/bulkEdit/bulkDocuments';
import { startEcsServer } from '../ecs-server';
import { eventually, fixture, profileRoot, storedProfiles, writeProfiles, type Fixture } from './fixture';
import { confirmingModals, decliningModals, type ModalShown } from './modalAnswer';

type Window = typeof vscode.window;

interface Answer {
  plan: { serverId: string; name: string; set: Record<string, string>; remove: string[] }[];
  results?: { serverId: string; outcome: string; kind?: string }[];
}

describe('bulk edit: Change Metadata of Found Servers', () => {
  let f: Fixture;
  const asked: ModalShown[] = [];
  const restore: (() => void)[] = [];
  let original: Map<string, Record<string, string>>;

  function replace<K extends keyof Window>(name: K, impl: Window[K]): void {
    const was = vscode.window[name];
    (vscode.window as Record<K, Window[K]>)[name] = impl;
    restore.push(() => ((vscode.window as Record<K, Window[K]>)[name] = was));
  }

  const writes = (): string[] =>
    f.server.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

  before(async () => {
    f = await fixture();
    original = new Map(f.seed.servers.map((s) => [s.id, f.server.metadataOf(s.id)]));
  });

  afterEach(async () => {
    while (restore.length > 0) restore.pop()?.();
    asked.length = 0;
    for (const s of f.seed.servers) {
      f.server.setTaskState(s.id, undefined);
      for (const key of Object.keys(f.server.metadataOf(s.id))) f.server.deleteMetadata(s.id, key);
      for (const [key, value] of Object.entries(original.get(s.id) ?? {}))
        f.server.setMetadata(s.id, key, value);
    }
    await vscode.commands.executeCommand(CommandId.clearFilter);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Answers the modals in turn: the first as `answers[0]`, the next as `answers[1]`…; recorded in `asked`. */
  function answeringInTurn<T>(answers: ('confirm' | 'decline')[], call: () => Thenable<T>): Promise<T> {
    type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;
    const window = vscode.window as unknown as { showWarningMessage: Show };
    const original = window.showWarningMessage;
    window.showWarningMessage = (message: string, ...rest: unknown[]) => {
      const [options, ...items] = rest as [vscode.MessageOptions | undefined, ...unknown[]];
      if (!options?.modal) return original(message, ...rest);
      asked.push({ message, detail: options.detail, buttons: items.map(String) });
      return Promise.resolve(answers.shift() === 'confirm' ? items[0] : undefined);
    };
    return Promise.resolve(call()).finally(() => (window.showWarningMessage = original));
  }

  const production = () => f.seed.servers.filter((s) => (original.get(s.id) ?? {}).env === 'production');

  it('a dry run resolves to the plan, asks nothing and writes nothing', async () => {
    f.server.clearRequests();
    const answer = (await decliningModals(
      () =>
        vscode.commands.executeCommand(CommandId.bulkEditMetadata, {
          query: 'env=production',
          profile: f.profileName,
          set: { 'bulk.owner': 'team-bulk' },
          dryRun: true,
        }),
      asked,
    )) as Answer;
    assert.deepEqual(asked, []);
    assert.deepEqual(writes(), []);
    assert.deepEqual(
      answer.plan.map((p) => [p.serverId, p.set, p.remove]).sort(),
      production()
        .map((s) => [s.id, { 'bulk.owner': 'team-bulk' }, []])
        .sort(),
    );
    assert.equal(
      f.server.requests.filter((r) => r.path.endsWith('/servers/detail')).length,
      1,
      'one listing for the find',
    );
  });

  it('otherwise shows the modal a person sees; confirmed, one merge per server and one result each', async () => {
    const servers = production();
    const first = servers[0];
    assert.ok(first && servers.length >= 2, 'the seed has servers with env=production');
    f.server.setMetadata(first.id, 'bulk.owner', 'team-bulk'); // already so: unchanged
    f.server.clearRequests();
    const answer = (await confirmingModals(
      () =>
        vscode.commands.executeCommand(CommandId.bulkEditMetadata, {
          query: 'env=production',
          profile: f.profileName,
          set: { 'bulk.owner': 'team-bulk' },
        }),
      asked,
    )) as Answer;
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.message ?? '', new RegExp(`${servers.length - 1} servers in ${f.profileName}`));
    assert.match(asked[0]?.detail ?? '', /Set bulk\.owner\./);
    assert.match(asked[0]?.detail ?? '', /1 server already holds this and gets no request/);
    const merges = writes().filter((w) => w.startsWith('POST '));
    assert.equal(merges.length, servers.length - 1);
    assert.deepEqual(
      writes().filter((w) => !w.startsWith('POST ')),
      [],
    );
    assert.deepEqual(
      (answer.results ?? []).map((r) => [r.serverId, r.outcome]).sort(),
      servers.map((s) => [s.id, s.id === first.id ? 'unchanged' : 'changed']).sort(),
    );
    for (const s of servers) assert.equal(f.server.metadataOf(s.id)['bulk.owner'], 'team-bulk');
    // The plan a person would read is open in the editor.
    const plan = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === BULK_DOCUMENT_SCHEME);
    assert.ok(plan, 'the plan document is shown');
    assert.match(plan.document.getText(), /bulk\.owner: \(new key\) → "team-bulk"/);
  });

  it('a server in a task state fails as a conflict; the others are changed', async () => {
    const [busy] = production();
    assert.ok(busy);
    f.server.setTaskState(busy.id, 'resize_migrating');
    const answer = (await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.bulkEditMetadata, {
        query: 'env=production',
        profile: f.profileName,
        set: { 'bulk.owner': 'x' },
      }),
    )) as Answer;
    const failed = (answer.results ?? []).filter((r) => r.outcome === 'failed');
    assert.deepEqual(
      failed.map((r) => [r.serverId, r.kind]),
      [[busy.id, 'conflict']],
    );
  });

  it('declined: rejects as cancelled and writes nothing', async () => {
    f.server.clearRequests();
    await assert.rejects(
      decliningModals(() =>
        vscode.commands.executeCommand(CommandId.bulkEditMetadata, {
          query: 'env=production',
          set: { 'bulk.owner': 'x' },
        }),
      ),
      (e: { kind?: string }) => e.kind === 'cancelled',
    );
    assert.deepEqual(writes(), []);
  });

  const refusals: [string, object, RegExp][] = [
    ['nothing to change', { query: 'env=production' }, /Nothing to change/],
    ['a key ECS does not allow', { query: 'env=production', set: { 'bad key!': 'x' } }, /bad key!/],
    [
      'a value over 255 characters',
      { query: 'env=production', set: { a: 'x'.repeat(256) } },
      /256 characters/,
    ],
    ['neither query nor servers', { set: { a: 'b' } }, /Expected arguments/],
  ];
  for (const [what, arg, message] of refusals) {
    it(`refuses ${what} before any request, as invalidInput`, async () => {
      f.server.clearRequests();
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand(CommandId.bulkEditMetadata, arg)),
        (e: { kind?: string; message: string }) => e.kind === 'invalidInput' && message.test(e.message),
      );
      assert.deepEqual(f.server.requests, []);
    });
  }

  it('refuses a system key from a script without allowProtected, before any request or modal', async () => {
    f.server.clearRequests();
    await assert.rejects(
      decliningModals(
        () =>
          vscode.commands.executeCommand(CommandId.bulkEditMetadata, {
            query: 'env=production',
            set: { agency_name: 'other-agency' },
          }),
        asked,
      ),
      (e: { kind?: string; message: string }) => e.kind === 'invalidInput' && /agency_name/.test(e.message),
    );
    assert.deepEqual(asked, []);
    assert.deepEqual(f.server.requests, []);
  });

  it('with allowProtected: a second, separate modal names the system key and what it does; declined, nothing written', async () => {
    f.server.clearRequests();
    await assert.rejects(
      answeringInTurn(['confirm', 'decline'], () =>
        vscode.commands.executeCommand(CommandId.bulkEditMetadata, {
          query: 'env=production',
          profile: f.profileName,
          set: { agency_name: 'other-agency' },
          allowProtected: true,
        }),
      ),
      (e: { kind?: string }) => e.kind === 'cancelled',
    );
    assert.equal(asked.length, 2);
    assert.match(asked[1]?.message ?? '', /Change system keys agency_name on \d+ servers\?/);
    assert.match(
      asked[1]?.detail ?? '',
      /agency_name: Changes the IAM agency of each server: what software on it may do/,
    );
    assert.deepEqual(writes(), []);
  });

  it('takes servers by id; Undo puts back what it wrote and leaves a server changed since as a conflict', async () => {
    const [a, b] = f.seed.servers;
    assert.ok(a && b);
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.bulkEditMetadata, {
        servers: [
          { profile: f.profileName, serverId: a.id },
          { profile: f.profileName, serverId: b.id },
        ],
        set: { env: 'bulk-env' },
      }),
    );
    assert.equal(f.server.metadataOf(a.id).env, 'bulk-env');
    f.server.setMetadata(b.id, 'env', 'someone-else');
    const undone = (await confirmingModals(
      () => vscode.commands.executeCommand(CommandId.undoBulkChange, { confirm: true }),
      asked,
    )) as { changed: number; conflicts: { serverId: string }[] };
    assert.equal(undone.changed, 1);
    assert.deepEqual(
      undone.conflicts.map((c) => c.serverId),
      [b.id],
    );
    assert.match(asked.at(-1)?.message ?? '', /Undo the bulk change of .* to 1 server\?/);
    assert.equal(f.server.metadataOf(a.id).env, (original.get(a.id) ?? {}).env);
    assert.equal(f.server.metadataOf(b.id).env, 'someone-else');
  });

  it("a person's Undo says on how many servers it undid, one in the singular, and how many it left alone", async () => {
    const [a, b] = f.seed.servers;
    assert.ok(a && b);
    const both = [
      { profile: f.profileName, serverId: a.id },
      { profile: f.profileName, serverId: b.id },
    ];
    const said: string[] = [];
    replace('showInformationMessage', ((message: string) => {
      said.push(message);
      return Promise.resolve(undefined);
    }) as Window['showInformationMessage']);
    const changeBoth = (): Thenable<unknown> =>
      confirmingModals(() =>
        vscode.commands.executeCommand(CommandId.bulkEditMetadata, {
          servers: both,
          set: { env: 'bulk-env' },
        }),
      );

    await changeBoth();
    await confirmingModals(() => vscode.commands.executeCommand(CommandId.undoBulkChange), asked);
    assert.match(asked.at(-1)?.message ?? '', /Undo the bulk change of .* to 2 servers\?/);
    assert.deepEqual(said, ['Undone on 2 servers.']);

    await changeBoth();
    f.server.setMetadata(b.id, 'env', 'someone-else');
    said.length = 0;
    await confirmingModals(() => vscode.commands.executeCommand(CommandId.undoBulkChange), asked);
    assert.deepEqual(said, ['Undone on 1 server; 1 changed since and left alone.']);
    assert.equal(f.server.metadataOf(a.id).env, (original.get(a.id) ?? {}).env);
    assert.equal(f.server.metadataOf(b.id).env, 'someone-else');
  });

  /**
   * A person's start: `query` found and shown in the view, the two boxes answered with `boxes` (what
   * to set, what to remove); information messages (a summary without problems) recorded and returned.
   */
  async function foundAsPerson(query: string, profile: string, boxes: string[]): Promise<string[]> {
    await vscode.commands.executeCommand(CommandId.findServers, { query, profile, showInView: true });
    replace('showInputBox', (() => Promise.resolve(boxes.shift())) as Window['showInputBox']);
    const shown: string[] = [];
    replace('showInformationMessage', ((message: string) => {
      shown.push(message);
      return Promise.resolve(undefined);
    }) as Window['showInformationMessage']);
    return shown;
  }

  it('a person: from the find, the two boxes, the plan, the modal, the summary', async () => {
    const summaries = await foundAsPerson('env=production', f.profileName, [
      'bulk.owner="team web"',
      'scratch',
    ]);
    f.server.clearRequests();
    await confirmingModals(() => vscode.commands.executeCommand(CommandId.bulkEditMetadata), asked);
    const servers = production();
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.message ?? '', new RegExp(`Change the metadata of ${servers.length} servers`));
    assert.equal(writes().filter((w) => w.startsWith('POST ')).length, servers.length);
    for (const s of servers) assert.equal(f.server.metadataOf(s.id)['bulk.owner'], 'team web');
    assert.ok(
      summaries.some((m) => m.startsWith(`changed ${servers.length} · unchanged 0`)),
      summaries.join(' | '),
    );
  });

  /** Non-modal warnings (a summary with problems) answered by `answer`; modals pass on to the answerer. */
  function answerSummaries(answer: (message: string) => string | undefined): string[] {
    const shown: string[] = [];
    const show = vscode.window.showWarningMessage as (
      message: string,
      ...rest: unknown[]
    ) => Thenable<unknown>;
    replace('showWarningMessage', ((message: string, ...rest: unknown[]) => {
      if ((rest[0] as vscode.MessageOptions | undefined)?.modal === true) return show(message, ...rest);
      shown.push(message);
      return Promise.resolve(answer(message));
    }) as Window['showWarningMessage']);
    return shown;
  }

  it('Retry Failed from the summary writes again only to the server that failed', async () => {
    const servers = production();
    const [busy] = servers;
    assert.ok(busy && servers.length >= 2);
    const done = await foundAsPerson('env=production', f.profileName, ['bulk.retry=again', '']);
    f.server.setTaskState(busy.id, 'resize_migrating');
    const summaries = answerSummaries((message) => {
      if (!message.includes('failed 1')) return undefined;
      // The person sees web-0x failed, waits for its task to end, then presses Retry Failed.
      f.server.setTaskState(busy.id, undefined);
      f.server.clearRequests();
      return 'Retry Failed';
    });
    await confirmingModals(() => vscode.commands.executeCommand(CommandId.bulkEditMetadata), asked);
    const retried = await eventually(
      async () => done.find((m) => m.startsWith(`changed ${servers.length} · unchanged 0`)),
      'the summary after Retry Failed',
    );
    assert.match(
      summaries[0] ?? '',
      new RegExp(
        `^changed ${servers.length - 1} · unchanged 0 · failed 1 — ${busy.name}: busy: resize_migrating`,
      ),
    );
    assert.doesNotMatch(retried, /failed/);
    assert.deepEqual(writes(), [`POST /v2.1/${f.server.projectId}/servers/${busy.id}/metadata`]);
    for (const s of servers) assert.equal(f.server.metadataOf(s.id)['bulk.retry'], 'again');
  });

  describe('Cancel in the progress notification', () => {
    const other = 'Bulk cancel project';
    let big: Awaited<ReturnType<typeof startEcsServer>>;
    let saved: ReturnType<typeof storedProfiles>;
    const count = 30;

    before(async () => {
      big = await startEcsServer({ seed: f.seed });
      big.addServers(count, 'cancel');
      saved = storedProfiles();
      await writeProfiles([
        ...(saved ?? []),
        { ...f.profile, name: other, ecsEndpoint: big.url, iamEndpoint: big.url, servers: [] },
      ]);
      await profileRoot(f.api, other);
      await confirmingModals(() =>
        vscode.commands.executeCommand('ecsMetadata.setCredentials', {
          profile: other,
          credentials: { accessKey: big.credentials.accessKey, secretKey: big.credentials.secretKey },
        }),
      );
    });

    after(async () => {
      await vscode.commands.executeCommand(CommandId.clearFilter);
      await writeProfiles(saved);
      await big.close();
    });

    it('leaves the servers not yet started untouched, and the summary says what was done', async () => {
      await foundAsPerson('env=load-test', other, ['bulk.cancel=yes', '']);
      // The notification is VS Code's own; its Cancel is pressed (through the token VS Code hands the
      // batch) as soon as the first server has ended.
      const withProgress = vscode.window.withProgress;
      replace('withProgress', ((options, task) =>
        withProgress(options, (progress, token) => {
          const cancel = new vscode.CancellationTokenSource();
          token.onCancellationRequested(() => cancel.cancel());
          return task(
            {
              report: (value) => {
                progress.report(value);
                cancel.cancel();
              },
            },
            cancel.token,
          );
        })) as Window['withProgress']);
      const summaries = answerSummaries(() => undefined);
      big.setFaults({ latencyMs: 150 });
      big.clearRequests();
      await confirmingModals(() => vscode.commands.executeCommand(CommandId.bulkEditMetadata), asked);
      big.resetFaults();
      const summary = await eventually(async () => summaries[0], 'the summary');
      const match = /^changed (\d+) · unchanged 0 · not started (\d+)$/.exec(summary);
      assert.ok(match, summary);
      const [changed, notStarted] = [Number(match[1]), Number(match[2])];
      assert.equal(changed + notStarted, count);
      assert.ok(notStarted > 0 && changed > 0, summary);
      // Exactly the servers reported changed were written; the others got no request and hold no key.
      const posts = big.requests.filter((r) => r.method === 'POST');
      assert.equal(posts.length, changed);
      const found = f.api.find.allMatches().filter((m) => m.profile === other);
      assert.equal(found.length, count);
      const written = found.filter((m) => big.metadataOf(m.server.id)['bulk.cancel'] === 'yes');
      assert.equal(written.length, changed);
    });
  });
});
