/**
 * Edit Metadata as JSON in the real VS Code: the document read fresh, its live diagnostics, and its
 * save — confirmed, refused after a concurrent change, and partly failing — and what a save costs in
 * requests. Modal confirmations are answered by the suite's shared answerer (modalAnswer.ts); the
 * conflict notice and error messages are recorded by replacing `vscode.window` functions for the
 * test. The document, its file system provider, the diagnostics, the tree and the HTTP writes are
 * the real thing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { metadataDocumentText } from '../../src/metadata/metadataDocument';
import type { TreeNode } from '../../src/tree/treeNode';
import { childNamed, childrenOf, eventually, fixture, profileRoot, type Fixture } from './fixture';
import { confirmingModals, type ModalShown } from './modalAnswer';

type Window = typeof vscode.window;

describe('editing metadata as JSON', () => {
  let f: Fixture;
  let web02: Fixture['seed']['servers'][number];
  const restore: (() => void)[] = [];
  const notices: string[] = [];
  /** A tree row a test showed web-02's keys in: refetched once the server is back to its seed. */
  let treeRowShown: TreeNode | undefined;
  const errors: string[] = [];

  function replace<K extends keyof Window>(name: K, impl: Window[K]): void {
    const original = vscode.window[name];
    (vscode.window as Record<K, Window[K]>)[name] = impl;
    restore.push(() => ((vscode.window as Record<K, Window[K]>)[name] = original));
  }

  /** Non-modal warnings recorded and dismissed (modals are left to `confirmingModals`). */
  function recordNotices(): void {
    replace('showWarningMessage', ((message: string) => {
      notices.push(message);
      return Promise.resolve(undefined);
    }) as Window['showWarningMessage']);
  }

  /** Error messages recorded and dismissed. */
  function recordErrors(): void {
    replace('showErrorMessage', ((message: string) => {
      errors.push(message);
      return Promise.resolve(undefined);
    }) as Window['showErrorMessage']);
  }

  /** Saves `document`, confirming the modal summary; the modals shown are added to `shown`. */
  function saveConfirming(document: vscode.TextDocument, shown: ModalShown[] = []): Promise<boolean> {
    return confirmingModals(() => document.save(), shown);
  }

  /**
   * Like `saveConfirming`, with `meanwhile` run while the summary is shown (another client writing
   * between the save's read and its write). The hook wraps the shared answerer for this one save;
   * `confirmingModals` puts VS Code's own function back when the save ends.
   */
  function saveConfirmingWhile(document: vscode.TextDocument, meanwhile: () => void): Promise<boolean> {
    return confirmingModals(() => {
      const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
      const answer = window.showWarningMessage;
      window.showWarningMessage = (...args: unknown[]) => {
        meanwhile();
        return answer(...args);
      };
      return document.save();
    });
  }

  /** The user's `files.autoSave` before this file turned it off. */
  let autoSave: string | undefined;

  before(async () => {
    f = await fixture();
    web02 = f.seed.servers[1];
    // VS Code for the web (code-server) saves a changed document after a second by default; such a
    // save would ask its modal outside the test's answerer. Here every save is the test's own.
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect<string>('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('files')
      .update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    // Let the reload that follows a save finish before the server is put back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    while (restore.length > 0) restore.pop()?.();
    notices.length = 0;
    errors.length = 0;
    f.server.resetFaults();
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of Object.keys(f.server.metadataOf(web02.id))) f.server.deleteMetadata(web02.id, key);
    for (const [key, value] of Object.entries(web02.metadata)) f.server.setMetadata(web02.id, key, value);
    if (treeRowShown) f.api.tree.refresh(treeRowShown);
    treeRowShown = undefined;
  });

  /** Opens the document; one left with edits by an earlier test is reverted and read fresh. */
  async function open(): Promise<vscode.TextDocument> {
    const run = () =>
      vscode.commands.executeCommand<string>('ecsMetadata.editMetadataJson', {
        profile: f.profileName,
        serverId: web02.id,
        serverName: web02.name,
      });
    let document = await vscode.workspace.openTextDocument(vscode.Uri.parse(await run()));
    if (document.isDirty) {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      document = await vscode.workspace.openTextDocument(vscode.Uri.parse(await run()));
    }
    return document;
  }

  async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }

  const writesSent = () => f.server.requests.filter((r) => r.method !== 'GET').map((r) => r.method);

  it('opens {server name}.metadata.json with the metadata read fresh, pretty-printed', async () => {
    f.server.setMetadata(web02.id, 'fresh', 'yes');
    const document = await open();
    assert.match(document.uri.path, /\/web-02\.metadata\.json$/);
    assert.equal(document.languageId, 'ecs-metadata-json');
    assert.equal(document.getText(), metadataDocumentText(f.server.metadataOf(web02.id)));
  });

  it('shows diagnostics while typing: bad key, value not text, value too long', async () => {
    const document = await open();
    await replaceText(document, `{\n  "bad key": "x",\n  "owner": 5,\n  "env": "${'v'.repeat(256)}"\n}\n`);
    const diagnostics = await eventually(async () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length === 3 ? found : undefined;
    }, 'three diagnostics');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.severity]),
      [
        ['badKey', 1, vscode.DiagnosticSeverity.Error],
        ['notText', 2, vscode.DiagnosticSeverity.Error],
        ['tooLong', 3, vscode.DiagnosticSeverity.Error],
      ],
    );
    assert.match(diagnostics[0].message, /bad key/);
    // A document with problems is not saved, and nothing is sent.
    f.server.clearRequests();
    const shown: ModalShown[] = [];
    assert.equal(await saveConfirming(document, shown), false);
    assert.deepEqual(writesSent(), []);
    assert.deepEqual(shown, []);
  });

  it('save: modal summary, then one merge for added + changed keys and one delete per removed key', async () => {
    const document = await open();
    const edited = { ...f.server.metadataOf(web02.id), owner: 'team-ops', added: 'new' };
    delete (edited as Record<string, string>).env;
    await replaceText(document, JSON.stringify(edited, null, 2));
    f.server.clearRequests();
    const shown: ModalShown[] = [];
    assert.equal(await saveConfirming(document, shown), true);
    assert.deepEqual(writesSent(), ['POST', 'DELETE']);
    assert.equal(shown.length, 1);
    assert.equal(
      shown[0].detail,
      'Profile: Local sample\nadded: (new key) → "new"\nenv: "production" → (deleted)\nowner: "team-web" → "team-ops"',
    );
    assert.deepEqual(f.server.metadataOf(web02.id), edited);
    await eventually(
      async () => (document.getText() === metadataDocumentText(edited) ? true : undefined),
      'the document to show the server state',
    );
  });

  it('a save changing 3 keys and removing 1 costs 1 read + 1 merge + 1 delete; document and tree show the server state', async () => {
    // The tree shows web-02, so the write refreshes its keys there too.
    const serverRow = await childNamed(f.api, (await profileRoot(f.api, f.profileName)).node, web02.name);
    treeRowShown = serverRow.node as TreeNode;
    const document = await open();
    const edited: Record<string, string> = { owner: 'team-ops', env: 'staging', 'app:tier': 'backend' };
    // backup.policy removed. Not in the document's own layout, so the document changes when it shows
    // the server's state after.
    await replaceText(document, JSON.stringify(edited, null, 4));
    f.server.clearRequests();
    // A key another client adds while the summary is shown: the server's state after has it.
    const meanwhile = () => f.server.setMetadata(web02.id, 'added:elsewhere', 'meanwhile');
    assert.equal(await saveConfirmingWhile(document, meanwhile), true);
    const after = f.server.metadataOf(web02.id);
    const expected: Record<string, string> = { ...edited, 'added:elsewhere': 'meanwhile' };
    assert.deepEqual(after, expected);
    await eventually(
      async () =>
        document.getText() === metadataDocumentText(after) && !document.isDirty ? true : undefined,
      'the document to show the server state',
    );
    const keys = await childrenOf(f.api, serverRow.node);
    assert.deepEqual(
      keys.map((k) => [k.label, k.item.description]),
      Object.keys(after)
        .sort((a, b) => a.localeCompare(b))
        .map((key) => [key, after[key]]),
    );
    const metadataPath = `/v2.1/${f.server.projectId}/servers/${web02.id}/metadata`;
    assert.deepEqual(
      f.server.requests
        .filter((r) => r.path.includes(`/${web02.id}/metadata`))
        .map((r) => `${r.method} ${r.path}`),
      [`GET ${metadataPath}`, `POST ${metadataPath}`, `DELETE ${metadataPath}/backup.policy`],
    );
  });

  it('a save without a merge (keys only removed) reads the server again to show its state', async () => {
    const document = await open();
    const edited: Record<string, string> = { ...web02.metadata };
    delete edited.env;
    await replaceText(document, JSON.stringify(edited, null, 4));
    f.server.clearRequests();
    // No merge answers with all keys: only a read after the delete sees what another client added.
    const meanwhile = () => f.server.setMetadata(web02.id, 'added:elsewhere', 'meanwhile');
    assert.equal(await saveConfirmingWhile(document, meanwhile), true);
    const after = f.server.metadataOf(web02.id);
    assert.equal(after['added:elsewhere'], 'meanwhile');
    await eventually(
      async () =>
        document.getText() === metadataDocumentText(after) && !document.isDirty ? true : undefined,
      'the document to show the server state',
    );
    const metadataPath = `/v2.1/${f.server.projectId}/servers/${web02.id}/metadata`;
    assert.deepEqual(
      f.server.requests
        .filter((r) => r.path.includes(`/${web02.id}/metadata`))
        .map((r) => `${r.method} ${r.path}`),
      [`GET ${metadataPath}`, `DELETE ${metadataPath}/env`, `GET ${metadataPath}`],
    );
  });

  it('save after a concurrent change: nothing written, the conflict said, compare offered', async () => {
    const document = await open();
    f.server.setMetadata(web02.id, 'owner', 'changed-elsewhere');
    const edited = { ...web02.metadata, env: 'mine' };
    await replaceText(document, JSON.stringify(edited, null, 2));
    recordNotices();
    f.server.clearRequests();
    const shown: ModalShown[] = [];
    assert.equal(await saveConfirming(document, shown), false);
    assert.deepEqual(writesSent(), []);
    assert.deepEqual(shown, [], 'a summary was asked for a change that is not written');
    assert.equal(f.server.metadataOf(web02.id).env, 'production');
    await eventually(
      async () => (notices.some((message) => /changed since/.test(message)) ? true : undefined),
      'the conflict warning',
    );
  });

  it('a partial failure names the keys written and not written, and the document shows the real state', async () => {
    const document = await open();
    const edited: Record<string, string> = { ...web02.metadata, owner: 'team-ops' };
    delete edited.env;
    delete edited['backup.policy'];
    await replaceText(document, JSON.stringify(edited, null, 2));
    recordErrors();
    f.server.setFaults({ failWrites: { count: 1, method: 'DELETE' } });
    assert.equal(await saveConfirming(document), true);
    const message = await eventually(async () => errors[0], 'the partial failure message');
    const real = f.server.metadataOf(web02.id);
    assert.equal(real.owner, 'team-ops');
    const [failedKey, doneKey] =
      'backup.policy' in real ? ['backup.policy', 'env'] : ['env', 'backup.policy'];
    assert.ok(failedKey in real && !(doneKey in real));
    assert.match(
      message,
      new RegExp(
        `written .*owner.*${doneKey.replace('.', '\\.')}; not written ${failedKey.replace('.', '\\.')}`,
      ),
    );
    await eventually(
      async () => (document.getText() === metadataDocumentText(real) ? true : undefined),
      'the document to show the server state after the partial failure',
    );
  });
});
