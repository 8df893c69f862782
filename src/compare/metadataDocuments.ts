import * as vscode from 'vscode';
import { Disposable } from '../lifecycle/disposable';

/** Not `ecs-metadata`: that scheme is the editable documents' file system, which would shadow these. */
export const METADATA_DOCUMENT_SCHEME = 'ecs-metadata-compare';

/**
 * Read-only JSON documents of a server's metadata, for the diff editor: the text is fixed when the
 * document is made (a comparison shows what was read then) and forgotten when VS Code closes it.
 */
export class MetadataDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private counter = 0;

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(METADATA_DOCUMENT_SCHEME, this));
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.texts.delete(doc.uri.toString())));
    this.register({ dispose: () => this.texts.clear() });
  }

  /** A new document named for the profile and server, holding `text`. */
  add(profile: string, serverName: string, text: string): vscode.Uri {
    const safe = (part: string): string => part.replace(/[/\\?#%]/g, '_');
    const uri = vscode.Uri.from({
      scheme: METADATA_DOCUMENT_SCHEME,
      path: `/${safe(profile)}/${safe(serverName)}.json`,
      query: `v=${++this.counter}`,
    });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
