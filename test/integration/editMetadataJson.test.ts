/**
 * Edit Metadata as JSON in the real VS Code: the document read fresh, its live diagnostics, and its
 * save — confirmed, refused after a concurrent change, and partly failing. Modal confirmations are
 * answered by replacing `vscode.window.showWarningMessage` for the test; the document, its file
 * system provider, the diagnostics and the HTTP writes are the real thing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { metadataDocumentText } from '../../src/metadata/metadataDocument';
import { eventually, fixture, type Fixture } from './fixture';

type Window = typeof vscode.window;

describe('editing metadata as JSON', () => {
  let f: Fixture;
  let web02: Fixture['seed']['servers'][number];
  const restore: (() => void)[] = [];
  const warnings: { message: string; modal: boolean }[] = [];
  const errors: string[] = [];

  function replace<K extends keyof Window>(name: K, impl: Window[K]): void {
    const original = vscode.window[name];
    (vscode.window as Record<K, Window[K]>)[name] = impl;
    restore.push(() => ((vscode.window as Record<K, Window[K]>)[name] = original));
  }

  /** Modals answered with their first button (or dismissed); every warning and error recorded. */
  function answerModals(confirm: boolean): void {
    replace('showWarningMessage', ((message: string, ...rest: unknown[]) => {
      const options = rest[0] as vscode.MessageOptions | undefined;
      const modal = typeof options === 'object' && options !== null && 'modal' in options;
      warnings.push({ message, modal });
      return Promise.resolve(modal && confirm ? rest[1] : undefined);
    }) as Window['showWarningMessage']);
    replace('showErrorMessage', ((message: string) => {
      errors.push(message);
      return Promise.resolve(undefined);
    }) as Window['showErrorMessage']);
  }

  before(async () => {
    f = await fixture();
    web02 = f.seed.servers[1];
  });

  afterEach(async () => {
    // Let the reload that follows a save finish before the server is put back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    while (restore.length > 0) restore.pop()?.();
    warnings.length = 0;
    errors.length = 0;
    f.server.resetFaults();
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of Object.keys(f.server.metadataOf(web02.id))) f.server.deleteMetadata(web02.id, key);
    for (const [key, value] of Object.entries(web02.metadata)) f.server.setMetadata(web02.id, key, value);
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
    assert.equal(document.languageId, 'json');
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
    answerModals(true);
    assert.equal(await document.save(), false);
    assert.deepEqual(writesSent(), []);
  });

  it('save: modal summary, then one merge for added + changed keys and one delete per removed key', async () => {
    const document = await open();
    const edited = { ...f.server.metadataOf(web02.id), owner: 'team-ops', added: 'new' };
    delete (edited as Record<string, string>).env;
    await replaceText(document, JSON.stringify(edited, null, 2));
    answerModals(true);
    f.server.clearRequests();
    assert.equal(await document.save(), true);
    assert.deepEqual(writesSent(), ['POST', 'DELETE']);
    const modal = warnings.find((w) => w.modal);
    assert.ok(modal);
    assert.deepEqual(f.server.metadataOf(web02.id), edited);
    await eventually(
      async () => (document.getText() === metadataDocumentText(edited) ? true : undefined),
      'the document to show the server state',
    );
  });

  it('save after a concurrent change: nothing written, the conflict said, compare offered', async () => {
    const document = await open();
    f.server.setMetadata(web02.id, 'owner', 'changed-elsewhere');
    const edited = { ...web02.metadata, env: 'mine' };
    await replaceText(document, JSON.stringify(edited, null, 2));
    answerModals(true);
    f.server.clearRequests();
    assert.equal(await document.save(), false);
    assert.deepEqual(writesSent(), []);
    assert.equal(f.server.metadataOf(web02.id).env, 'production');
    await eventually(
      async () => (warnings.some((w) => !w.modal && /changed since/.test(w.message)) ? true : undefined),
      'the conflict warning',
    );
  });

  it('a partial failure names the keys written and not written, and the document shows the real state', async () => {
    const document = await open();
    const edited: Record<string, string> = { ...web02.metadata, owner: 'team-ops' };
    delete edited.env;
    delete edited['backup.policy'];
    await replaceText(document, JSON.stringify(edited, null, 2));
    answerModals(true);
    f.server.setFaults({ failWrites: { count: 1, method: 'DELETE' } });
    assert.equal(await document.save(), true);
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
