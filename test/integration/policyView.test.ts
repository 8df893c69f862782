/**
 * Check Metadata Policy in the Servers view, in a real VS Code against the local ECS server: the
 * servers that break the policy file with their violations, the counts per rule in the view's
 * message, Mask Values, export of what is shown, a re-check when the file changes, and Clear.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../../src/commandBase/commandIds';
import { childrenOf, eventually, fixture, type Fixture, type RenderedNode } from './fixture';
import { withSetting } from './support/testSetup';
import { confirmingModals, decliningModals, type ModalShown } from './modalAnswer';
import { BULK_DOCUMENT_SCHEME } from '../../src/commands/bulkEdit/bulkDocuments';

type Window = typeof vscode.window;

const POLICY = {
  rules: [
    { name: 'owner', require: ['owner'], defaults: { owner: 'unassigned' } },
    { name: 'env values', allowed: { env: ['production', 'staging'] } },
    { name: 'no retry keys', forbid: ['retry.*'] },
  ],
};
/** What the file says after the edit: only one rule, that other servers break. */
const EDITED = { rules: [{ name: 'tier', allowed: { 'app:tier': ['frontend'] } }] };

describe('Check Metadata Policy in the Servers view', () => {
  let f: Fixture;
  let tmp: string;
  let file: string;

  before(async () => {
    f = await fixture();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-policy-view-'));
    file = path.join(tmp, 'ecs-metadata-policy.json');
  });

  /** Removes what a test put in the workspace folder. */
  let cleanUp: (() => void) | undefined;

  afterEach(async () => {
    await vscode.commands.executeCommand(CommandId.clearFilter);
    cleanUp?.();
    cleanUp = undefined;
  });

  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** The servers the view shows under the profile, once the reading is done. */
  async function shownServers(): Promise<RenderedNode[]> {
    const root = await eventually(async () => {
      const roots = await childrenOf(f.api);
      const done = f.api.find.result(f.profileName)?.state === 'done';
      return done && roots.length === 1 && roots[0].label === f.profileName ? roots[0] : undefined;
    }, 'the view to show the checked profile');
    assert.equal(root.item.contextValue, 'profile.found');
    const children = await childrenOf(f.api, root.node);
    return children.filter((c) => c.item.contextValue?.startsWith('server.'));
  }

  /** Writes `policy` to the file the user setting names and shows its check of the profile in the view. */
  async function checkInView(policy: object): Promise<void> {
    fs.writeFileSync(file, JSON.stringify(policy, null, 2));
    await withSetting('policyFile', file);
    await vscode.commands.executeCommand(CommandId.checkPolicy, { profile: f.profileName, showInView: true });
  }

  const descriptions = (rows: RenderedNode[]): [string, unknown][] =>
    rows.map((r) => [r.label, r.item.description]);

  /** Writes the edited policy over `policyFile`; the view checks again and shows what the edited rule catches. */
  async function editAndSeeRecheck(policyFile: string): Promise<void> {
    fs.writeFileSync(policyFile, JSON.stringify(EDITED, null, 2));
    await eventually(
      async () => (f.api.find.policyCheck?.policy.rules[0]?.name === 'tier' ? true : undefined),
      'the re-check after the file changed',
      200,
    );
    assert.deepEqual(descriptions(await shownServers()), [
      ['db-primary', 'app:tier=database not in [frontend]'],
      ['日志服务器', 'app:tier=logging not in [frontend]'],
    ]);
  }

  it('shows only the servers that break the policy file, with their violations and the counts per rule', async () => {
    fs.writeFileSync(file, JSON.stringify(POLICY, null, 2));
    await withSetting('policyFile', file);
    f.server.requests.length = 0;
    await vscode.commands.executeCommand(CommandId.checkPolicy, { profile: f.profileName, showInView: true });

    assert.deepEqual(descriptions(await shownServers()), [
      ['日志服务器', 'env=生产环境 not in [production, staging]'],
      ['batch-worker', 'retry.max=5 forbidden'],
      ['ci-runner-new', 'owner missing'],
    ]);
    assert.equal(
      f.api.view.message,
      'Servers that break the policy ' +
        vscode.workspace.asRelativePath(vscode.Uri.file(file), true) +
        ' — owner: 1 server · env values: 1 server · no retry keys: 1 server',
    );
    assert.match(f.api.view.description ?? '', /^Policy: /);
    const batch = (await shownServers()).find((r) => r.label === 'batch-worker');
    const tooltip = (batch?.item.tooltip as vscode.MarkdownString).value
      .replace(/\\/g, '')
      .replace(/&nbsp;/g, ' ');
    assert.match(tooltip, /^Rule “no retry keys”: retry\.max=5 forbidden/);
    assert.equal(f.server.requests.filter((r) => r.method !== 'GET').length, 0, 'checking writes nothing');

    // Mask Values hides the servers' values, not the policy's.
    await withSetting('maskValues', true);
    assert.deepEqual(descriptions(await shownServers()).slice(0, 2), [
      ['日志服务器', 'env=•••••• not in [production, staging]'],
      ['batch-worker', 'retry.max=•••••• forbidden'],
    ]);
    await withSetting('maskValues', false);

    // Export writes what is shown.
    const out = path.join(tmp, 'breaches.json');
    await vscode.commands.executeCommand(CommandId.exportMetadata, {
      findResults: true,
      format: 'json',
      path: out,
    });
    const exported = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, { name: string }>;
    assert.deepEqual(
      Object.values(exported).map((s) => s.name),
      ['日志服务器', 'batch-worker', 'ci-runner-new'],
    );
  });

  it('checks again when the policy file the user setting names, outside the workspace, changes', async () => {
    await checkInView(POLICY);
    assert.equal((await shownServers()).length, 3);
    await editAndSeeRecheck(file);
  });

  it('checks again when the workspace policy file changes, and Clear ends the check', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the suite runs with a workspace folder');
    const dotVscode = path.join(folder, '.vscode');
    const hadDotVscode = fs.existsSync(dotVscode);
    const workspaceFile = path.join(dotVscode, 'ecs-metadata-policy.json');
    assert.ok(!fs.existsSync(workspaceFile), 'the workspace has a policy of its own');
    fs.mkdirSync(dotVscode, { recursive: true });
    cleanUp = () => fs.rmSync(hadDotVscode ? workspaceFile : dotVscode, { recursive: true, force: true });
    fs.writeFileSync(workspaceFile, JSON.stringify(POLICY, null, 2));
    await vscode.commands.executeCommand(CommandId.checkPolicy, { profile: f.profileName, showInView: true });
    assert.equal((await shownServers()).length, 3);

    await editAndSeeRecheck(workspaceFile);
    assert.match(f.api.view.message ?? '', / — tier: 2 servers$/);

    await vscode.commands.executeCommand(CommandId.clearFilter);
    assert.equal(f.api.find.policyCheck, undefined);
    assert.equal(f.api.view.message, undefined);
  });

  describe('Fix Servers That Break the Policy', () => {
    const ciRunner = (): string => {
      const server = f.seed.servers.find((s) => s.name === 'ci-runner-new');
      assert.ok(server);
      return server.id;
    };
    const logServer = (): string => {
      const server = f.seed.servers.find((s) => s.name === '日志服务器');
      assert.ok(server);
      return server.id;
    };
    const batchWorker = (): string => {
      const server = f.seed.servers.find((s) => s.name === 'batch-worker');
      assert.ok(server);
      return server.id;
    };
    const originals = { showQuickPick: vscode.window.showQuickPick };
    /** The items each quick pick offered. */
    let offered: string[][];
    /** What each quick pick answers, in turn: the item whose label includes the text. */
    let picks: string[];
    const originalInputBox = vscode.window.showInputBox;

    beforeEach(() => {
      offered = [];
      picks = [];
      const window = vscode.window as { -readonly [K in keyof Window]: Window[K] };
      window.showQuickPick = (async (
        items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>,
      ) => {
        const list = await items;
        offered.push(list.map((i) => (typeof i === 'string' ? i : i.label)));
        const want = picks.shift() ?? 'owner=unassigned';
        return list.find((i) => (typeof i === 'string' ? i : i.label).includes(want));
      }) as unknown as Window['showQuickPick'];
    });

    afterEach(() => {
      (vscode.window as { showQuickPick: Window['showQuickPick'] }).showQuickPick = originals.showQuickPick;
      (vscode.window as { showInputBox: Window['showInputBox'] }).showInputBox = originalInputBox;
      f.server.deleteMetadata(ciRunner(), 'owner');
      f.server.setMetadata(logServer(), 'env', '生产环境');
      f.server.setMetadata(batchWorker(), 'retry.max', '5');
    });

    it('opens the bulk edit plan prefilled with the required key and its default; declining writes nothing', async () => {
      await checkInView(POLICY);
      await shownServers();
      f.server.requests.length = 0;
      const asked: ModalShown[] = [];
      await decliningModals(() => vscode.commands.executeCommand(CommandId.fixPolicy), asked);
      assert.deepEqual(offered, [
        [
          'Fix 1 server: set owner=unassigned',
          'Fix 1 server: set env to an allowed value…',
          'Fix 1 server: delete retry.max',
        ],
      ]);
      const plan = vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.scheme === BULK_DOCUMENT_SCHEME,
      );
      assert.ok(plan, 'the plan document is shown');
      assert.match(plan.document.getText(), /ci-runner-new[\s\S]*owner: \(new key\) → "unassigned"/);
      assert.doesNotMatch(plan.document.getText(), /batch-worker/);
      assert.equal(asked.length, 1, 'the bulk edit modal asked');
      assert.equal(f.server.requests.filter((r) => r.method !== 'GET').length, 0, 'nothing written');
      assert.equal(f.server.metadataOf(ciRunner()).owner, undefined);
    });

    it('confirmed, writes the default and the re-check shows the server fixed', async () => {
      await checkInView(POLICY);
      assert.ok((await shownServers()).some((r) => r.label === 'ci-runner-new'));
      await confirmingModals(() => vscode.commands.executeCommand(CommandId.fixPolicy));
      assert.equal(f.server.metadataOf(ciRunner()).owner, 'unassigned');
      assert.deepEqual(
        (await shownServers()).map((r) => r.label),
        ['日志服务器', 'batch-worker'],
      );
      assert.match(f.api.view.message ?? '', / — owner: 0 servers · /);
    });

    it('sets a value not allowed to the allowed plain value the person picks', async () => {
      await checkInView(POLICY);
      await shownServers();
      picks = ['env to an allowed value', 'staging'];
      await confirmingModals(() => vscode.commands.executeCommand(CommandId.fixPolicy));
      assert.deepEqual(offered[1], ['production', 'staging'], 'the allowed plain values');
      assert.equal(f.server.metadataOf(logServer()).env, 'staging');
      assert.deepEqual(
        (await shownServers()).map((r) => r.label),
        ['batch-worker', 'ci-runner-new'],
      );
    });

    it('deletes the forbidden keys, never a system key: the plan names the one it keeps', async () => {
      await checkInView({ rules: [{ name: 'no ad-hoc keys', forbid: ['retry.*', 'agency_*'] }] });
      const web01 = f.seed.servers.find((s) => s.name === 'web-01');
      assert.ok(web01?.metadata.agency_name);
      assert.deepEqual(
        (await shownServers()).map((r) => r.label),
        ['web-01', 'batch-worker'],
      );
      picks = ['delete'];
      const asked: ModalShown[] = [];
      await confirmingModals(() => vscode.commands.executeCommand(CommandId.fixPolicy), asked);
      assert.deepEqual(offered, [['Fix 1 server: delete retry.max']]);
      const plan = vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.scheme === BULK_DOCUMENT_SCHEME,
      );
      const text = plan?.document.getText() ?? '';
      assert.match(text, /Not deleted: agency_name — system keys/);
      assert.match(text, /batch-worker[\s\S]*retry\.max: "5" → deleted/);
      assert.doesNotMatch(text, /web-01/);
      assert.equal(asked.length, 1, 'one modal: no system key is changed');
      assert.equal(f.server.metadataOf(batchWorker())['retry.max'], undefined);
      assert.equal(f.server.metadataOf(web01.id).agency_name, web01.metadata.agency_name);
      assert.deepEqual(
        (await shownServers()).map((r) => r.label),
        ['web-01'],
      );
    });

    it('asks the value of a required key without a default first', async () => {
      fs.writeFileSync(
        file,
        JSON.stringify({ rules: [{ name: 'backup', appliesTo: '@name=ci-*', require: ['backup.policy'] }] }),
      );
      await withSetting('policyFile', file);
      await vscode.commands.executeCommand(CommandId.checkPolicy, {
        profile: f.profileName,
        showInView: true,
      });
      await shownServers();
      const prompts: (string | undefined)[] = [];
      (vscode.window as { showInputBox: Window['showInputBox'] }).showInputBox = (async (
        options?: vscode.InputBoxOptions,
      ) => {
        prompts.push(options?.prompt);
        return 'weekly-4';
      }) as Window['showInputBox'];
      picks = ['backup.policy'];
      f.server.requests.length = 0;
      await decliningModals(() => vscode.commands.executeCommand(CommandId.fixPolicy));
      assert.deepEqual(offered, [['Fix 1 server: set the missing backup.policy…']]);
      assert.deepEqual(prompts, ['The value to set for backup.policy']);
      const plan = vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.scheme === BULK_DOCUMENT_SCHEME,
      );
      assert.match(plan?.document.getText() ?? '', /backup\.policy: \(new key\) → "weekly-4"/);
      assert.equal(
        f.server.requests.filter((r) => r.method !== 'GET').length,
        0,
        'declined: nothing written',
      );
    });
  });

  /** The warnings the policy gives a document (other diagnostics, such as system keys', left out). */
  const policyWarnings = (uri: vscode.Uri): vscode.Diagnostic[] =>
    vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'metadata policy');

  it('warns in an open metadata document of a server that breaks the policy: on the key, or line 1 for a missing key', async () => {
    fs.writeFileSync(file, JSON.stringify(POLICY, null, 2));
    await withSetting('policyFile', file);
    const batch = f.seed.servers.find((s) => s.name === 'batch-worker');
    assert.ok(batch);
    const uri = await vscode.commands.executeCommand<string>(CommandId.editMetadataJson, {
      profile: f.profileName,
      serverId: batch.id,
      serverName: batch.name,
    });
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const warnings = await eventually(async () => {
      const found = policyWarnings(document.uri);
      return found.length > 0 ? found : undefined;
    }, 'the policy warnings');
    assert.deepEqual(
      warnings.map((d) => [d.message, d.severity, document.getText(d.range)]),
      [['Rule “no retry keys”: retry.max=5 forbidden', vscode.DiagnosticSeverity.Warning, '"retry.max"']],
    );
    // Typed away: the key gone, the warning goes; owner removed, a warning on line 1.
    const edited = { ...f.server.metadataOf(batch.id) };
    delete edited['retry.max'];
    delete edited.owner;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      document.uri,
      new vscode.Range(0, 0, document.lineCount, 0),
      JSON.stringify(edited, null, 2),
    );
    await vscode.workspace.applyEdit(edit);
    const after = await eventually(async () => {
      const found = policyWarnings(document.uri);
      return found.length === 1 && found[0].message.includes('owner') ? found : undefined;
    }, 'the warnings of the edited text');
    assert.equal(after[0].range.start.line, 0);
    assert.equal(after[0].message, 'Rule “owner”: owner missing');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
