import * as vscode from 'vscode';
import { describeDocumentProblem } from './documentProblems';
import { checkMetadataDocument } from './metadataDocument';
import { METADATA_SCHEME } from './metadataFileSystem';

/**
 * Live diagnostics of the metadata JSON documents while typing: invalid keys, values that are not
 * text or are too long, duplicate keys, and more keys than a server may have.
 */
export function registerMetadataDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('ecsMetadata');
  const check = (document: vscode.TextDocument): void => {
    if (document.uri.scheme !== METADATA_SCHEME) return;
    const { problems } = checkMetadataDocument(document.getText());
    collection.set(
      document.uri,
      problems.map(({ start, end, problem }) => {
        const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
        const diagnostic = new vscode.Diagnostic(
          range,
          describeDocumentProblem(problem),
          vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'ECS Metadata';
        diagnostic.code = problem.kind;
        return diagnostic;
      }),
    );
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
  );
}
