/**
 * Edit Metadata as JSON under Auto Save (VS Code for the Web's default is `afterDelay`): a pause in
 * typing never writes metadata — the document stays dirty and the server sees no write — and an
 * explicit save writes as before. The extension's own `configurationDefaults` turn Auto Save off
 * for the documents' language; the user's global `afterDelay` here is the real setting.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixture, eventually, type Fixture } from './fixture';
import { confirmingModals, type ModalShown } from './modalAnswer';
import { CommandId } from '../../src/commandBase/commandIds';

describe('editing metadata as JSON with Auto Save on', () => {
  let f: Fixture;
  let web02: Fixture['seed']['servers'][number];
  /** Opened as JSON by no other test: its document has never had a language set. */
  let web01: Fixture['seed']['servers'][number];
  /** The user's `files.autoSave` and `files.autoSaveDelay` before this file set them. */
  let autoSave: string | undefined;
  let autoSaveDelay: number | undefined;
  const delay = 200;

  before(async () => {
    f = await fixture();
    web02 = f.seed.servers[1];
    web01 = f.seed.servers[0];
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect<string>('autoSave')?.globalValue;
    autoSaveDelay = files.inspect<number>('autoSaveDelay')?.globalValue;
    await files.update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
    await files.update('autoSaveDelay', delay, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    await files.update('autoSaveDelay', autoSaveDelay, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    // Let the reload that follows a save finish before the server is put back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const server of [web01, web02]) {
      for (const key of Object.keys(f.server.metadataOf(server.id))) f.server.deleteMetadata(server.id, key);
      for (const [key, value] of Object.entries(server.metadata)) f.server.setMetadata(server.id, key, value);
    }
  });

  const writesSent = () => f.server.requests.filter((r) => r.method !== 'GET').map((r) => r.method);

  it('a pause in typing writes nothing and leaves the document dirty; an explicit save writes', async () => {
    await pauseThenExplicitSave('team-ops');
  });

  it('a metadata document opened other than by the command (a link, a restored editor) gets the language too', async () => {
    const uri = vscode.Uri.from({
      scheme: 'ecs-metadata',
      path: `/${encodeURIComponent(f.profileName)}/${web01.id}/${web01.name}.metadata.json`,
    });
    const opened = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(opened, { preview: false });
    const document = await eventually(
      async () =>
        vscode.workspace.textDocuments.find(
          (d) => d.uri.toString() === uri.toString() && d.languageId === 'ecs-metadata-json',
        ),
      'the metadata language',
    );
    await editedPastAutoSave(document, (edit) =>
      edit.insert(document.uri, new vscode.Position(1, 0), '  "added": "x",\n'),
    );
  });

  it("a repository's .vscode/settings.json turning Auto Save on for metadata documents still writes nothing", async () => {
    // The manifest's `"[ecs-metadata-json]": {"files.autoSave": "off"}` is only a default: a workspace
    // overrides it. The extension itself refuses every save that is not an explicit one.
    const language = vscode.workspace.getConfiguration('files', { languageId: 'ecs-metadata-json' });
    await language.update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Workspace, true);
    try {
      assert.equal(
        vscode.workspace.getConfiguration('files', { languageId: 'ecs-metadata-json' }).get('autoSave'),
        'afterDelay',
      );
      await pauseThenExplicitSave('auto-saved');
    } finally {
      await language.update('autoSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  /**
   * Opens web-02's metadata as JSON, sets `owner` and waits past the Auto Save delay (nothing written,
   * still dirty), then saves explicitly: the confirmation, one write, and the document saved.
   */
  async function pauseThenExplicitSave(owner: string): Promise<void> {
    const uri = await vscode.commands.executeCommand<string>(CommandId.editMetadataJson, {
      profile: f.profileName,
      serverId: web02.id,
      serverName: web02.name,
    });
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    assert.equal(document.languageId, 'ecs-metadata-json');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const edited = { ...f.server.metadataOf(web02.id), owner };
    const shown = await editedPastAutoSave(document, (edit) =>
      edit.replace(
        document.uri,
        new vscode.Range(0, 0, document.lineCount, 0),
        JSON.stringify(edited, null, 2),
      ),
    );
    assert.notEqual(f.server.metadataOf(web02.id).owner, owner);

    // Ctrl+S: the confirmation, then the write.
    await confirmingModals(() => vscode.commands.executeCommand('workbench.action.files.save'), shown);
    assert.equal(shown.length, 1);
    await eventually(
      async () => (f.server.metadataOf(web02.id).owner === owner ? true : undefined),
      'the explicit save to write',
    );
    assert.deepEqual(writesSent(), ['PUT']);
    assert.equal(document.isDirty, false);
  }

  /**
   * Edits `document` and waits well past the Auto Save delay: no confirmation was shown, nothing was
   * written and the document is still unsaved. Were Auto Save to save, its confirmation would be
   * answered "write" here, so the write would land. The modals shown are returned for the next step.
   */
  async function editedPastAutoSave(
    document: vscode.TextDocument,
    change: (edit: vscode.WorkspaceEdit) => void,
  ): Promise<ModalShown[]> {
    f.server.clearRequests();
    const shown: ModalShown[] = [];
    await confirmingModals(async () => {
      const edit = new vscode.WorkspaceEdit();
      change(edit);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await new Promise((resolve) => setTimeout(resolve, delay * 15));
    }, shown);
    assert.deepEqual(shown, []);
    assert.deepEqual(writesSent(), []);
    assert.equal(document.isDirty, true);
    return shown;
  }
});
