import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import {
  metadataDocumentUri,
  METADATA_SCHEME,
  MetadataFileSystem,
  SERVER_STATE_SCHEME,
} from '../metadata/metadataFileSystem';
import { registerMetadataDiagnostics } from '../metadata/metadataDiagnostics';
import { inMetadataLanguage, registerMetadataLanguage } from '../metadata/metadataLanguage';
import { writeTargetOf } from './addKey';
import { mayChangeProtected } from '../metadata/confirmChange';
import { registerCommand } from './registerCommand';
import type { CommandDeps } from './commandDeps';

/**
 * `ecsMetadata.editMetadataJson` on a server (tree item or `{ profile, serverId, serverName? }`):
 * opens `{server name}.metadata.json`, the server's metadata read fresh, in an editor whose save
 * writes the change (see MetadataFileSystem). Resolves to the document's URI. Opened by a script
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
    registerCommand(CommandId.editMetadataJson, async (call) => {
      const target = writeTargetOf(call.arg);
      if (!target) throw new Error(vscode.l10n.t('Expected arguments {0}.', '{ profile, serverId }'));
      call.subject = { profile: target.profile, serverId: target.serverId };
      const uri = metadataDocumentUri(target);
      // A script without allowProtected: its saves may not change protected keys (a person is asked).
      files.allowProtected(uri, mayChangeProtected(call));
      // Already open without edits: read it fresh again; with edits: leave them be.
      await files.reloadIfSaved(uri);
      // In its own language before it is shown or edited: Auto Save is off for that language.
      const document = await inMetadataLanguage(await vscode.workspace.openTextDocument(uri));
      await vscode.window.showTextDocument(document, { preview: false });
      return uri.toString();
    }),
  );
}
