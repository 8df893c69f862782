import * as vscode from 'vscode';
import { Disposable } from '../../lifecycle/disposable';

/** The scheme of a bulk change's plan and result: read-only text, fixed when made. */
export const BULK_DOCUMENT_SCHEME = 'ecs-metadata-bulk';

/**
 * Read-only documents of a bulk change — the plan shown before anything is written, and the result
 * per server after — forgotten when VS Code closes them.
 */
export class BulkDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private made = 0;

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(BULK_DOCUMENT_SCHEME, this));
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.texts.delete(doc.uri.toString())));
  }

  /** Opens `text` beside nothing else, as a preview tab titled `title`. */
  async show(title: string, text: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({
      scheme: BULK_DOCUMENT_SCHEME,
      path: `/${title.replace(/[/\\?#%]/g, '_')}.txt`,
      query: `n=${++this.made}`,
    });
    this.texts.set(uri.toString(), text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
