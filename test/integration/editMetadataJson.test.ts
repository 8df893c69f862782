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
import { CommandId } from '../../src/commandBase/commandIds';

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
      vscode.commands.executeCommand<string>(CommandId.editMetadataJson, {
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
    const edited = { ...web02.metadata, env: 'mine' };
    await replaceText(document, JSON.stringify(edited, null, 2));
    // Changed elsewhere while the person edits: once the document has edits, VS Code no longer reads
    // it again (a document opened for the first time in a window is read a second time, and a change
    // made before that read is shown in it, as it should be).
    f.server.setMetadata(web02.id, 'owner', 'changed-elsewhere');
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
        `set: owner; deleted: ${doneKey.replace('.', '\\.')}; not written: ${failedKey.replace('.', '\\.')}`,
      ),
    );
    await eventually(
      async () => (document.getText() === metadataDocumentText(real) ? true : undefined),
      'the document to show the server state after the partial failure',
    );
  });

  it('a long list of keys written: the toast names the first ones, then "+N more" with Show Details listing them all', async () => {
    const document = await open();
    const added = Array.from({ length: 12 }, (_, i) => `release.component-${String(i).padStart(2, '0')}`);
    const edited: Record<string, string> = { ...web02.metadata };
    for (const key of added) edited[key] = 'v1';
    delete edited.env;
    await replaceText(document, JSON.stringify(edited, null, 2));
    const toasts: { message: string; items: unknown[] }[] = [];
    const details: ModalShown[] = [];
    replace('showInformationMessage', ((message: string, ...rest: unknown[]) => {
      const [options] = rest;
      if ((options as vscode.MessageOptions | undefined)?.modal === true) {
        details.push({ message, detail: (options as vscode.MessageOptions).detail, buttons: [] });
        return Promise.resolve(undefined);
      }
      toasts.push({ message, items: rest });
      // A person presses Show Details.
      return Promise.resolve(rest.find((item) => item === 'Show Details'));
    }) as Window['showInformationMessage']);
    assert.equal(await saveConfirming(document), true);
    const toast = await eventually(async () => toasts[0], 'the toast');
    // The names come first, so a cut toast still shows them; the server last.
    assert.match(
      toast.message,
      /^set: release\.component-00, release\.component-01, .* \+\d+ more; deleted: env — metadata of server /,
    );
    assert.deepEqual(toast.items, ['Show Details']);
    const shown = await eventually(async () => details[0], 'the details');
    for (const key of added) assert.match(shown.detail ?? '', new RegExp(key.replace('.', '\\.')));
    assert.match(shown.detail ?? '', /deleted: env/);
  });

  /** Opens the document in an editor (the save command works on the active one). */
  async function openInEditor(): Promise<vscode.TextEditor> {
    const document = await open();
    return vscode.window.showTextDocument(document, { preview: false });
  }

  describe('after a write of this window (Set Value, Delete Key, Undo)', () => {
    it('an open document without edits shows the server state, and its next save is not refused', async () => {
      const document = await open();
      const keyArgs = (key: string) => ({ profile: f.profileName, serverId: web02.id, key });
      await confirmingModals(() =>
        vscode.commands.executeCommand(CommandId.setMetadataKey, { ...keyArgs('owner'), value: 'set' }),
      );
      await eventually(
        async () =>
          document.getText() === metadataDocumentText(f.server.metadataOf(web02.id)) ? true : undefined,
        'the document to show the value set',
      );
      await confirmingModals(() => vscode.commands.executeCommand(CommandId.undoLastChange));
      assert.equal(f.server.metadataOf(web02.id).owner, web02.metadata.owner);
      await eventually(
        async () =>
          document.getText() === metadataDocumentText(web02.metadata) && !document.isDirty ? true : undefined,
        'the document to show the undone value',
      );
      await confirmingModals(() =>
        vscode.commands.executeCommand(CommandId.deleteMetadataKey, keyArgs('env')),
      );
      await eventually(
        async () => (document.getText().includes('"env"') || document.isDirty ? undefined : true),
        'the deleted key to leave the document, saved',
      );
      // Edited and saved now: written, not refused as "changed since this document was read".
      recordNotices();
      const edited = { ...f.server.metadataOf(web02.id), owner: 'after-undo' };
      await replaceText(document, JSON.stringify(edited, null, 2));
      assert.equal(await saveConfirming(document), true);
      assert.equal(f.server.metadataOf(web02.id).owner, 'after-undo');
      assert.deepEqual(
        notices.filter((n) => /changed since/.test(n)),
        [],
      );
    });

    it('a document with unsaved edits is said to be out of date, and Reload shows the server state', async () => {
      const document = await open();
      await replaceText(document, JSON.stringify({ ...web02.metadata, mine: 'unsaved' }, null, 2));
      const offered: { message: string; items: string[] }[] = [];
      let answer: (item: string | undefined) => void = () => undefined;
      const answered = new Promise<string | undefined>((resolve) => (answer = resolve));
      replace('showWarningMessage', ((message: string, ...items: unknown[]) => {
        if (typeof items[0] === 'object' && (items[0] as vscode.MessageOptions).modal) {
          return Promise.resolve(items[1]); // the write's own confirmation
        }
        offered.push({ message, items: items as string[] });
        return answered;
      }) as Window['showWarningMessage']);
      await vscode.commands.executeCommand(CommandId.setMetadataKey, {
        profile: f.profileName,
        serverId: web02.id,
        key: 'owner',
        value: 'written-meanwhile',
      });
      const notice = await eventually(async () => offered[0], 'the out-of-date notice');
      assert.match(notice.message, new RegExp(`${web02.name}\\.metadata\\.json is out of date`));
      assert.ok(document.isDirty, 'the edits were thrown away without asking');
      assert.match(document.getText(), /unsaved/);
      assert.equal(offered.length, 1, 'one notice');
      answer(notice.items[0]); // Reload (Discard My Edits)
      await eventually(
        async () =>
          document.getText() === metadataDocumentText(f.server.metadataOf(web02.id)) && !document.isDirty
            ? true
            : undefined,
        'the document reloaded from the server',
      );
      assert.match(document.getText(), /written-meanwhile/);
    });
  });

  describe('the checked save (Ctrl+S)', () => {
    /** Error messages recorded and dismissed, with their buttons. */
    const shownErrors: string[] = [];
    beforeEach(() => {
      shownErrors.length = 0;
      replace('showErrorMessage', ((message: string) => {
        shownErrors.push(message);
        return Promise.resolve(undefined);
      }) as Window['showErrorMessage']);
    });

    it('refuses a bad key in one sentence with its line and column, puts the cursor there, and sends nothing', async () => {
      const editor = await openInEditor();
      const text = `{\n  "env": "production",\n  "bad key!": "x"\n}\n`;
      await replaceText(editor.document, text);
      f.server.clearRequests();
      assert.equal(await vscode.commands.executeCommand(CommandId.saveMetadataJson), false);
      assert.equal(shownErrors.length, 1);
      assert.match(shownErrors[0], /^web-02\.metadata\.json was not saved: Line 3, column 3: .*"bad key!"/);
      assert.doesNotMatch(shownErrors[0], /Unable to write|FileSystemError|NoPermissions|position/);
      assert.deepEqual(writesSent(), []);
      assert.deepEqual(f.server.requests, [], 'a document with a problem was checked against the server');
      assert.ok(editor.document.isDirty);
      assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [2, 2]);
    });

    it('refuses broken JSON naming the line, the column and the key before it, never a position or a value', async () => {
      const editor = await openInEditor();
      await replaceText(editor.document, `{\n  "env": "top-secret"\n  "owner": "x"\n}\n`);
      await vscode.commands.executeCommand(CommandId.saveMetadataJson);
      assert.equal(shownErrors.length, 1);
      assert.match(
        shownErrors[0],
        /Line 3, column 3: Not valid JSON after the key "env": a "," or the closing/,
      );
      assert.doesNotMatch(shownErrors[0], /position|top-secret|Unable to write/);
      assert.deepEqual(writesSent(), []);
    });

    it('refuses a save after a change elsewhere with one message offering Compare and Reload', async () => {
      const editor = await openInEditor();
      f.server.setMetadata(web02.id, 'owner', 'changed-elsewhere');
      await replaceText(editor.document, JSON.stringify({ ...web02.metadata, env: 'mine' }, null, 2));
      recordNotices();
      f.server.clearRequests();
      await vscode.commands.executeCommand(CommandId.saveMetadataJson);
      assert.equal(shownErrors.length, 1);
      assert.match(shownErrors[0], /was not saved: the metadata of server web-02 changed since/);
      assert.deepEqual(writesSent(), []);
      assert.ok(editor.document.isDirty, 'VS Code saved it');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(notices, [], 'a second message');
    });

    it('saves a valid document with one read of the server, as a save from the API does', async () => {
      const editor = await openInEditor();
      const edited = { ...web02.metadata, owner: 'by-ctrl-s' };
      await replaceText(editor.document, JSON.stringify(edited, null, 2));
      f.server.clearRequests();
      const shown: ModalShown[] = [];
      assert.equal(
        await confirmingModals(() => vscode.commands.executeCommand(CommandId.saveMetadataJson), shown),
        true,
      );
      assert.equal(shown.length, 1);
      assert.equal(f.server.metadataOf(web02.id).owner, 'by-ctrl-s');
      const reads = f.server.requests.filter(
        (r) => r.method === 'GET' && r.path.endsWith(`/${web02.id}/metadata`),
      );
      assert.equal(reads.length, 1, 'the check and the save read the server once');
      assert.deepEqual(shownErrors, []);
    });
  });

  it('names the document with the profile decoded: no %20 in the tab or the breadcrumb', async () => {
    const document = await open();
    assert.ok(f.profileName.includes(' '));
    assert.ok(document.uri.path.startsWith(`/${f.profileName}/`), document.uri.path);
    assert.ok(document.uri.toString(true).includes(f.profileName));
  });
});
