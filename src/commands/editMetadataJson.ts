import * as vscode from 'vscode';
import {
  metadataDocumentUri,
  METADATA_SCHEME,
  MetadataFileSystem,
  SERVER_STATE_SCHEME,
} from '../metadata/metadataFileSystem';
import { registerMetadataDiagnostics } from '../metadata/metadataDiagnostics';
import { checkMetadataDocument } from '../metadata/metadataDocument';
import { inMetadataLanguage, registerMetadataLanguage } from '../metadata/metadataLanguage';
import { serverWriteOfPerson } from './addKey';
import type { ServerTarget } from '../core';
import { onDidChangeSetting, Setting, settings } from '../settings/settings';
import { CommandId } from '../commandBase/commandIds';
import { scriptCommands } from './commandArguments';
import { registerCommand } from './registerCommand';
import { registerDeclared } from './registerDeclared';
import type { CommandDeps } from './commandDeps';

/**
 * `ecsMetadata.editMetadataJson` on a server (tree item or `{ profile, serverId, serverName? }`):
 * opens `{server name}.metadata.json`, the server's metadata read fresh, in an editor whose save
 * writes the change (see MetadataFileSystem). Resolves to the document's URI. While Mask Values is
 * on, a person is asked first (the document shows every value); a script is not. Opened by a script
 * without `allowProtected: true`, a save that changes a protected key is refused before anything is
 * read or asked.
 */
export function registerEditMetadataJson(deps: CommandDeps): vscode.Disposable {
  const files = new MetadataFileSystem(deps.clients, deps.writer, deps.profiles);
  return vscode.Disposable.from(
    files,
    vscode.workspace.registerFileSystemProvider(METADATA_SCHEME, files, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(SERVER_STATE_SCHEME, files),
    registerMetadataDiagnostics((uri) => files.baseOf(uri)),
    registerMetadataLanguage(),
    registerDeclared(scriptCommands.editMetadataJson, async (call) => {
      const { target, allowProtected } = call.script ?? serverWriteOfPerson(call.arg);
      call.subject = { profile: target.profile, serverId: target.serverId };
      // The document shows every value: with Mask Values on, a person says so first (a script asked).
      if (call.byPerson && settings.maskValues() && !(await showValuesAnyway(target))) return undefined;
      const uri = metadataDocumentUri(target);
      // A script without allowProtected: its saves may not change protected keys (a person is asked).
      files.allowProtected(uri, allowProtected);
      // Already open without edits: read it fresh again; with edits: leave them be.
      await files.reloadIfSaved(uri);
      // In its own language before it is shown or edited: Auto Save is off for that language.
      const document = await inMetadataLanguage(await vscode.workspace.openTextDocument(uri));
      await vscode.window.showTextDocument(document, { preview: false });
      return uri.toString();
    }),
    registerCommand(CommandId.saveMetadataJson, () => saveChecked(files)),
    onDidChangeSetting([Setting.maskValues], () => {
      if (settings.maskValues()) void offerToCloseOpenDocuments();
    }),
  );
}

/** Masking turned on while metadata documents are open: they still show every value; offer to close them. */
async function offerToCloseOpenDocuments(): Promise<void> {
  const tabsShowingValues = (): vscode.Tab[] =>
    vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === METADATA_SCHEME);
  const count = tabsShowingValues().length;
  if (count === 0) return;
  const close = vscode.l10n.t('Close Them');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Mask Values is on, but the metadata JSON documents open ({0}) still show every value.',
      count,
    ),
    close,
  );
  // Unsaved edits are not thrown away: VS Code asks about those as for any editor closed.
  if (answer === close) await vscode.window.tabGroups.close(tabsShowingValues());
}

/** Asks, while Mask Values is on, before a document that shows every value in clear is opened. */
async function showValuesAnyway(target: ServerTarget): Promise<boolean> {
  const open = vscode.l10n.t('Open and Show Values');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Mask Values is on, but the JSON document of server {0} shows every value in clear.',
      target.serverName ?? target.serverId,
    ),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Anyone who can see your screen will see them. The tree, the panel and Compare stay masked.',
      ),
    },
    open,
  );
  return answer === open;
}

/**
 * `ecsMetadata.saveMetadataJson`, bound to Ctrl+S / Cmd+S in a metadata document: checks the
 * document before the save reaches the file system provider, so a refused save says why in one
 * sentence of ours (with the line and column, the cursor put there) instead of VS Code's
 * "Failed to save … Unable to write file …". Any other editor: VS Code's own Save.
 */
async function saveChecked(files: MetadataFileSystem): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== METADATA_SCHEME) {
    await vscode.commands.executeCommand('workbench.action.files.save');
    return false;
  }
  const { document } = editor;
  // Nothing to write: VS Code's save of an unchanged document writes nothing either.
  if (!document.isDirty) return document.save();
  const check = await files.checkSave(document);
  if (check.refusal === undefined) {
    try {
      return await document.save();
    } finally {
      files.forgetCheck(document.uri);
    }
  }
  if (!check.conflict) {
    const problem = checkMetadataDocument(document.getText()).problems[0];
    if (problem) {
      const at = document.positionAt(problem.start);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    void vscode.window.showErrorMessage(check.refusal);
    return false;
  }
  const compare = vscode.l10n.t('Compare');
  const reload = vscode.l10n.t('Reload (Discard My Edits)');
  const answer = await vscode.window.showErrorMessage(check.refusal, compare, reload);
  if (answer === compare) await files.showCompare(document.uri, check.conflict);
  else if (answer === reload) await files.reloadDiscarding(document.uri);
  return false;
}
