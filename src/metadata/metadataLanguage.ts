import * as vscode from 'vscode';
import { METADATA_SCHEME } from './metadataFileSystem';

/**
 * The language of the editable metadata documents: JSON to the eye (its grammar includes JSON's),
 * and a language of its own so the manifest can turn `files.autoSave` off for it alone
 * (`configurationDefaults`). An automatic save would be a write to the cloud; only an explicit save
 * may be one.
 */
export const METADATA_LANGUAGE = 'ecs-metadata-json';

/** `document` in the metadata language; documents of other schemes are left as they are. */
export async function inMetadataLanguage(document: vscode.TextDocument): Promise<vscode.TextDocument> {
  if (document.uri.scheme !== METADATA_SCHEME || document.languageId === METADATA_LANGUAGE) return document;
  return vscode.languages.setTextDocumentLanguage(document, METADATA_LANGUAGE);
}

/**
 * Metadata documents opened other than by the command (an editor restored after a reload, a link)
 * get the metadata language too.
 */
export function registerMetadataLanguage(): vscode.Disposable {
  const set = (document: vscode.TextDocument): void => {
    inMetadataLanguage(document).then(undefined, () => undefined);
  };
  vscode.workspace.textDocuments.forEach(set);
  return vscode.workspace.onDidOpenTextDocument(set);
}
