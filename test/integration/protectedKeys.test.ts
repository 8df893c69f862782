/**
 * Protected (system) keys in the real VS Code, against the local server's Huawei-shaped sample
 * servers: the tree marks them after the user's keys; every write path — Set Value, Delete Key, Add
 * Key, Edit as JSON, Undo and the script commands — changes one only after a second, separate modal
 * naming the key and what changing it does; a script without `allowProtected: true` is refused at
 * once (kind `invalidInput`, naming the key) before any modal or request. And every confirmation
 * names the profile and the server as the settings or the cloud know it, never a name the caller
 * passed, with its id and each key's old → new value (masked while values are masked). Modals are
 * answered by the suite's shared answerer (modalAnswer.ts), input boxes by replacing
 * `vscode.window.showInputBox` for the test.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  childNamed,
  childrenOf,
  eventually,
  fixture,
  profileRoot,
  type Fixture,
  type RenderedNode,
} from './fixture';
import { confirmingFirstModals, decliningModals, type ModalShown } from './modalAnswer';
import { CommandId } from '../../src/commandBase/commandIds';

type Window = typeof vscode.window;
type SeedServer = Fixture['seed']['servers'][number];

/** The agency consequence, as the issue words it. */
const agencyConsequence =
  /changes the IAM agency of server web-01 \(3f1c[^)]*\): what software on it may do in your account/i;

describe('protected keys', () => {
  let f: Fixture;
  let web01: SeedServer;
  let db: SeedServer;
  const restore: (() => void)[] = [];
  const asked: ModalShown[] = [];

  function replace<K extends keyof Window>(name: K, impl: Window[K]): void {
    const original = vscode.window[name];
    (vscode.window as Record<K, Window[K]>)[name] = impl;
    restore.push(() => ((vscode.window as Record<K, Window[K]>)[name] = original));
  }

  function answerInputs(...answers: (string | undefined)[]): void {
    replace('showInputBox', (() => Promise.resolve(answers.shift())) as Window['showInputBox']);
  }

  /** Every modal confirmed by its first button; from the `declineFrom`-th (1-based) on, closed instead. */
  function answering<T>(call: () => Thenable<T>, declineFrom = Infinity): Promise<T> {
    return confirmingFirstModals(declineFrom - 1, call, asked);
  }

  const run = (command: string, arg?: unknown) => () => vscode.commands.executeCommand(command, arg);
  const requestsFor = (server: SeedServer) => f.server.requests.filter((r) => r.path.includes(server.id));
  const writesFor = (server: SeedServer) => requestsFor(server).filter((r) => r.method !== 'GET');

  async function serverRow(server: SeedServer): Promise<RenderedNode> {
    const root = await profileRoot(f.api, f.profileName);
    return childNamed(f.api, root.node, server.name);
  }

  /**
   * Waits until the local server has heard nothing for a moment (the tree reloading what an earlier
   * write or reset changed), then forgets what it heard: the requests after this are the test's.
   */
  async function quietThenClear(): Promise<void> {
    for (let heard = -1; heard !== f.server.requests.length;) {
      heard = f.server.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    f.server.clearRequests();
  }

  /** Asserts a script's call is refused at once: kind invalidInput naming `key`, no modal, no request. */
  async function refusedAtOnce(command: string, arg: object, key: string, server = web01): Promise<void> {
    await quietThenClear();
    await assert.rejects(answering(run(command, arg)), (err: { kind?: string; message: string }) => {
      assert.equal(err.kind, 'invalidInput', err.message);
      assert.match(err.message, new RegExp(`"${key}"`));
      assert.match(err.message, /allowProtected/);
      return true;
    });
    assert.deepEqual(asked, [], 'a modal was shown');
    assert.deepEqual(requestsFor(server), [], 'a request was sent');
  }

  /** The second modal: names the key, its consequence, the profile, and nothing else asks after it. */
  function assertProtectedModal(modal: ModalShown | undefined, key: string, consequence: RegExp): void {
    assert.ok(modal, 'no second modal');
    assert.match(modal.message, new RegExp(`system key "${key}"`));
    assert.match(modal.detail ?? '', consequence);
    assert.match(modal.detail ?? '', /Profile: Local sample/);
    assert.deepEqual(modal.buttons, ['Change System Key']);
  }

  before(async () => {
    f = await fixture();
    web01 = f.seed.servers[0];
    db = f.seed.servers.find((s) => s.name === 'db-primary') as SeedServer;
    assert.equal(web01.metadata.agency_name, 'ecs-ops-agency', 'the sample web-01 has an IAM agency');
  });

  afterEach(async () => {
    while (restore.length > 0) restore.pop()?.();
    asked.length = 0;
    await vscode.workspace
      .getConfiguration('ecsMetadata')
      .update('maskValues', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const server of [web01, db]) {
      for (const key of Object.keys(f.server.metadataOf(server.id))) f.server.deleteMetadata(server.id, key);
      for (const [key, value] of Object.entries(server.metadata)) f.server.setMetadata(server.id, key, value);
    }
    f.api.tree.refresh();
  });

  it('the tree lists the system keys after the user keys, marked "system" with a lock', async () => {
    const keys = await childrenOf(f.api, (await serverRow(web01)).node);
    const labels = keys.map((k) => k.label);
    const firstSystem = keys.findIndex((k) => String(k.item.description).startsWith('system'));
    assert.ok(firstSystem > 0, labels.join(', '));
    assert.deepEqual(labels.slice(0, firstSystem), [
      'app:tier',
      'backup.policy',
      'config',
      'env',
      'note',
      'owner',
    ]);
    for (const key of keys.slice(firstSystem)) {
      assert.match(String(key.item.description), /^system · /, key.label);
      assert.equal((key.item.iconPath as vscode.ThemeIcon).id, 'lock', key.label);
    }
    assert.ok(labels.slice(firstSystem).includes('agency_name'));
    assert.equal((keys[0].item.iconPath as vscode.ThemeIcon).id, 'symbol-key');
    assert.equal(keys.find((k) => k.label === 'agency_name')?.item.description, 'system · ecs-ops-agency');
  });

  it('reading, copying and finding a system key need no permission and ask nothing', async () => {
    const arg = { profile: 'Local sample', serverId: web01.id, key: 'agency_name' };
    assert.equal(await answering(run(CommandId.getMetadataKey, arg)), 'ecs-ops-agency');
    assert.equal(await answering(run(CommandId.copyValue, arg)), 'ecs-ops-agency');
    const found = (await answering(run(CommandId.findServers, { query: 'agency_name=ecs-ops-agency' }))) as {
      serverId: string;
      matched: Record<string, string>;
    }[];
    assert.deepEqual(
      found.map((m) => [m.serverId, m.matched]),
      [[web01.id, { agency_name: 'ecs-ops-agency' }]],
    );
    assert.deepEqual(asked, []);
  });

  describe('scripts without allowProtected are refused at once', () => {
    const key = (k: string, server?: SeedServer) => ({
      profile: 'Local sample',
      serverId: (server ?? web01).id,
      key: k,
    });
    it('setMetadataKey', () =>
      refusedAtOnce(CommandId.setMetadataKey, { ...key('agency_name'), value: 'x' }, 'agency_name'));
    it('deleteMetadataKey', () =>
      refusedAtOnce(CommandId.deleteMetadataKey, key('charging_mode'), 'charging_mode'));
    it('setValue', () =>
      refusedAtOnce(CommandId.setValue, { ...key('metering.imagetype'), value: 'x' }, 'metering.imagetype'));
    it('deleteKey', () => refusedAtOnce(CommandId.deleteKey, key('vpc_id'), 'vpc_id'));
    it('allowProtected that is not true is no permission', () =>
      refusedAtOnce(
        CommandId.setMetadataKey,
        { ...key('agency_name'), value: 'x', allowProtected: 'yes' },
        'agency_name',
      ));
    it('addKey, when the key typed is protected', async () => {
      answerInputs('lockScene', 'x');
      await assert.rejects(
        answering(run(CommandId.addKey, { profile: 'Local sample', serverId: web01.id })),
        (err: { kind?: string; message: string }) =>
          err.kind === 'invalidInput' && /"lockScene"/.test(err.message),
      );
      assert.deepEqual(asked, []);
      assert.deepEqual(writesFor(web01), []);
    });
    it('a user key needs no permission', async () => {
      assert.equal(await answering(run(CommandId.setMetadataKey, { ...key('env'), value: 'staging' })), true);
      assert.equal(asked.length, 1, 'only the summary');
    });
  });

  describe('scripts with allowProtected: true get the summary and then the second modal', () => {
    const args = (k: string) => ({
      profile: 'Local sample',
      serverId: web01.id,
      key: k,
      allowProtected: true,
    });

    it('setMetadataKey: confirmed twice, written; declined at the second, nothing written', async () => {
      f.server.clearRequests();
      await assert.rejects(
        answering(run(CommandId.setMetadataKey, { ...args('agency_name'), value: 'admin-agency' }), 2),
        (err: { kind?: string }) => err.kind === 'cancelled',
      );
      assert.equal(asked.length, 2);
      assert.match(asked[0].message, /Set metadata key "agency_name" of server web-01 \(3f1c/);
      assert.match(asked[0].detail ?? '', /agency_name: "ecs-ops-agency" → "admin-agency"/);
      assertProtectedModal(asked[1], 'agency_name', agencyConsequence);
      assert.deepEqual(writesFor(web01), [], 'written although the second modal was declined');
      asked.length = 0;
      assert.equal(
        await answering(run(CommandId.setMetadataKey, { ...args('agency_name'), value: 'admin-agency' })),
        true,
      );
      assert.equal(asked.length, 2);
      assert.equal(f.server.metadataOf(web01.id).agency_name, 'admin-agency');
    });

    it('deleteMetadataKey: the billing consequence, then deleted', async () => {
      assert.equal(await answering(run(CommandId.deleteMetadataKey, args('charging_mode'))), true);
      assert.equal(asked.length, 2);
      assert.match(asked[0].detail ?? '', /charging_mode: "0" → \(deleted\)/);
      assertProtectedModal(asked[1], 'charging_mode', /billing/);
      assert.equal('charging_mode' in f.server.metadataOf(web01.id), false);
    });

    it('undo of a protected change asks the second modal again', async () => {
      assert.equal(
        await answering(run(CommandId.setMetadataKey, { ...args('agency_name'), value: 'admin-agency' })),
        true,
      );
      asked.length = 0;
      f.server.clearRequests();
      assert.equal(await answering(run(CommandId.undoLastChange), 2), false);
      assert.equal(asked.length, 2);
      assertProtectedModal(asked[1], 'agency_name', agencyConsequence);
      assert.match(asked[1].detail ?? '', /agency_name: "admin-agency" → "ecs-ops-agency"/);
      assert.deepEqual(writesFor(web01), []);
      assert.equal(await answering(run(CommandId.undoLastChange)), true);
      assert.equal(f.server.metadataOf(web01.id).agency_name, 'ecs-ops-agency');
    });

    it('virtual_env_type: the consequence says the cloud refuses it, and it does', async () => {
      await assert.rejects(
        answering(
          run(CommandId.setMetadataKey, {
            profile: 'Local sample',
            serverId: db.id,
            key: 'virtual_env_type',
            value: 'KVM',
            allowProtected: true,
          }),
        ),
        /virtual_env_type/,
      );
      assertProtectedModal(asked[1], 'virtual_env_type', /allows no one to add, change or delete this key/);
      assert.equal(f.server.metadataOf(db.id).virtual_env_type, 'IsoImage');
    });
  });

  describe('a person, from the tree', () => {
    async function keyRow(key: string): Promise<RenderedNode> {
      return childNamed(f.api, (await serverRow(web01)).node, key);
    }

    it('Set Value: Enter, then the second modal; declined writes nothing', async () => {
      const row = await keyRow('agency_name');
      answerInputs('admin-agency');
      assert.equal(await answering(run(CommandId.setValue, row.node), 1), false);
      assert.equal(asked.length, 1, 'only the second modal: Enter confirmed the value');
      assertProtectedModal(asked[0], 'agency_name', agencyConsequence);
      assert.equal(f.server.metadataOf(web01.id).agency_name, 'ecs-ops-agency');
      asked.length = 0;
      answerInputs('admin-agency');
      assert.equal(await answering(run(CommandId.setValue, row.node)), true);
      assert.equal(f.server.metadataOf(web01.id).agency_name, 'admin-agency');
    });

    it('Delete Key: the summary, then the lock consequence', async () => {
      f.server.setMetadata(web01.id, 'lockScene', 'TO_PERIOD_LOCK');
      f.api.tree.refresh();
      const row = await eventually(async () => {
        const keys = await childrenOf(f.api, (await serverRow(web01)).node);
        return keys.find((k) => k.label === 'lockScene');
      }, 'lockScene in the tree');
      assert.equal(await answering(run(CommandId.deleteKey, row.node), 2), false);
      assert.equal(asked.length, 2);
      assertProtectedModal(asked[1], 'lockScene', /lock or freeze/);
      assert.equal(f.server.metadataOf(web01.id).lockScene, 'TO_PERIOD_LOCK');
      asked.length = 0;
      assert.equal(await answering(run(CommandId.deleteKey, row.node)), true);
      assert.equal('lockScene' in f.server.metadataOf(web01.id), false);
    });

    it('Add Key: a protected key asks the second modal; a user key does not', async () => {
      const server = (await serverRow(web01)).node;
      answerInputs('os_bit', '32');
      f.server.deleteMetadata(web01.id, 'os_bit');
      assert.equal(await answering(run(CommandId.addKey, server), 1), false);
      assertProtectedModal(asked[0], 'os_bit', /set by the cloud for server web-01/i);
      assert.match(asked[0].detail ?? '', /os_bit: \(new key\) → "32"/);
      assert.equal('os_bit' in f.server.metadataOf(web01.id), false);
      asked.length = 0;
      answerInputs('team.note', 'hello');
      assert.equal(await answering(run(CommandId.addKey, server)), true);
      assert.deepEqual(asked, []);
    });
  });

  describe('Edit as JSON', () => {
    async function openJson(arg: object): Promise<vscode.TextDocument> {
      const uri = await vscode.commands.executeCommand<string>(CommandId.editMetadataJson, arg);
      return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    }

    async function edit(
      document: vscode.TextDocument,
      change: (m: Record<string, string>) => void,
    ): Promise<void> {
      const metadata = JSON.parse(document.getText()) as Record<string, string>;
      change(metadata);
      const replaced = new vscode.WorkspaceEdit();
      replaced.replace(
        document.uri,
        new vscode.Range(0, 0, document.lineCount, 0),
        JSON.stringify(metadata, null, 2),
      );
      assert.ok(await vscode.workspace.applyEdit(replaced));
    }

    it('marks system keys, and a changed one is a warning', async () => {
      const document = await openJson({ profile: 'Local sample', serverId: web01.id });
      const marks = () =>
        vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === 'protectedKey');
      const kept = await eventually(async () => (marks().length > 0 ? marks() : undefined), 'the marks');
      assert.ok(kept.every((d) => d.severity === vscode.DiagnosticSeverity.Hint));
      assert.ok(kept.some((d) => document.getText(d.range) === '"agency_name"'));
      assert.ok(!kept.some((d) => document.getText(d.range) === '"owner"'));
      await edit(document, (m) => {
        m.agency_name = 'admin-agency';
        delete m.vpc_id;
      });
      const warnings = await eventually(async () => {
        const w = marks().filter((d) => d.severity === vscode.DiagnosticSeverity.Warning);
        return w.length === 2 ? w : undefined;
      }, 'two warnings');
      const changed = warnings.find((d) => document.getText(d.range) === '"agency_name"');
      assert.ok(changed, 'no warning on agency_name');
      assert.match(changed.message, /IAM agency/);
      assert.ok(warnings.some((d) => /"vpc_id" removed/.test(d.message)));
    });

    it('opened by a script without allowProtected: a save changing a system key is refused before any request', async () => {
      const document = await openJson({ profile: 'Local sample', serverId: web01.id });
      await edit(document, (m) => (m.agency_name = 'admin-agency'));
      await quietThenClear();
      assert.equal(await answering(() => document.save()), false);
      assert.deepEqual(asked, []);
      assert.deepEqual(requestsFor(web01), []);
      assert.equal(f.server.metadataOf(web01.id).agency_name, 'ecs-ops-agency');
    });

    it('with allowProtected (or a person): the summary, then the second modal, then written', async () => {
      const document = await openJson({ profile: 'Local sample', serverId: web01.id, allowProtected: true });
      await edit(document, (m) => {
        m.agency_name = 'admin-agency';
        m.env = 'staging';
      });
      assert.equal(await answering(() => document.save(), 2), false);
      assert.equal(asked.length, 2);
      assert.match(
        asked[0].detail ?? '',
        /agency_name: "ecs-ops-agency" → "admin-agency"\nenv: "production" → "staging"/,
      );
      assertProtectedModal(asked[1], 'agency_name', agencyConsequence);
      assert.doesNotMatch(asked[1].detail ?? '', /env:/, 'the second modal lists only system keys');
      assert.deepEqual(writesFor(web01), []);
      asked.length = 0;
      assert.equal(await answering(() => document.save()), true);
      assert.equal(f.server.metadataOf(web01.id).agency_name, 'admin-agency');
      assert.equal(f.server.metadataOf(web01.id).env, 'staging');
    });
  });

  describe('confirmations name the profile and the server as the cloud or the settings know it', () => {
    it("a script's serverName is not shown: the cloud's name and the id are", async () => {
      await assert.rejects(
        decliningModals(
          run(CommandId.deleteKey, {
            profile: 'Local sample',
            serverId: db.id,
            key: 'env',
            serverName: 'scratch-test-box',
          }),
          asked,
        ),
        (err: Error & { kind?: string }) => err.kind === 'cancelled',
      );
      assert.equal(asked.length, 1);
      assert.equal(asked[0].message, `Delete metadata key "env" of server db-primary (${db.id})?`);
      assert.doesNotMatch(asked[0].detail ?? '', /scratch-test-box/);
      assert.match(asked[0].detail ?? '', /^Profile: Local sample\nenv: "production" → \(deleted\)$/);
    });

    it("Set Value's serverName is not shown either", async () => {
      const arg = {
        profile: 'Local sample',
        serverId: db.id,
        key: 'charging_mode',
        value: '0',
        serverName: 'scratch-test-box',
        allowProtected: true,
      };
      await assert.rejects(
        decliningModals(run(CommandId.setValue, arg), asked),
        (err: Error & { kind?: string }) => err.kind === 'cancelled',
      );
      assert.equal(asked.length, 1);
      assert.equal(asked[0].message, `Set metadata key "charging_mode" of server db-primary (${db.id})?`);
      assert.match(asked[0].detail ?? '', /charging_mode: "1" → "0"/);
      assert.doesNotMatch(`${asked[0].message}${asked[0].detail ?? ''}`, /scratch-test-box/);
    });

    it('an ecs-metadata: URI whose name part lies: the save names the real server', async () => {
      const uri = vscode.Uri.parse(`ecs-metadata:/Local%20sample/${db.id}/scratch-test-box.metadata.json`);
      const document = await vscode.workspace.openTextDocument(uri);
      const replaced = new vscode.WorkspaceEdit();
      const metadata = { ...f.server.metadataOf(db.id), env: 'staging' };
      replaced.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), JSON.stringify(metadata, null, 2));
      assert.ok(await vscode.workspace.applyEdit(replaced));
      assert.equal(await decliningModals(() => document.save(), asked), false);
      assert.equal(asked[0].message, `Change the metadata of server db-primary (${db.id})?`);
      assert.doesNotMatch(`${asked[0].message}${asked[0].detail ?? ''}`, /scratch-test-box/);
    });

    it('masked values stay masked in both modals', async () => {
      await vscode.workspace
        .getConfiguration('ecsMetadata')
        .update('maskValues', true, vscode.ConfigurationTarget.Global);
      await answering(
        run(CommandId.setMetadataKey, {
          profile: 'Local sample',
          serverId: web01.id,
          key: 'agency_name',
          value: 'admin-agency',
          allowProtected: true,
        }),
      );
      assert.equal(asked.length, 2);
      for (const modal of asked) {
        assert.match(modal.detail ?? '', /agency_name: •••••• → ••••••/);
        assert.match(modal.detail ?? '', /Mask Values is on/);
        assert.doesNotMatch(modal.detail ?? '', /ecs-ops-agency|admin-agency/);
      }
    });
  });
});
