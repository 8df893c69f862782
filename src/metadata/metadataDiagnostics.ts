import * as vscode from 'vscode';
import { onDidChangeSetting, Setting, settings } from '../settings/settings';
import { consequence } from './confirmChange';
import { describeDocumentProblem } from './documentProblems';
import { checkMetadataDocument } from './metadataDocument';
import { METADATA_SCHEME, targetOf } from './metadataFileSystem';
import { protectedKeyMarks, type ProtectedKeyMark } from './protectedKeyMarks';

/**
 * Live diagnostics of the metadata JSON documents while typing: invalid keys, values that are not
 * text or are too long, duplicate keys, and more keys than a server may have. Protected keys are
 * marked (a hint), and a changed, added or removed protected key is a warning. `baseOf` gives the
 * server's metadata a document was read from.
 */
export function registerMetadataDiagnostics(
  baseOf: (uri: vscode.Uri) => Record<string, string> | undefined,
): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('ecsMetadata');
  const check = (document: vscode.TextDocument): void => {
    if (document.uri.scheme !== METADATA_SCHEME) return;
    const text = document.getText();
    const { problems } = checkMetadataDocument(text);
    const base = baseOf(document.uri);
    const marks = base ? protectedKeyMarks(text, base, settings.protectedKeys()) : [];
    collection.set(document.uri, [
      ...problems.map(({ start, end, problem }) => {
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
      ...marks.map((mark) => protectedKeyDiagnostic(document, mark)),
    ]);
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    onDidChangeSetting([Setting.protectedKeys], () => vscode.workspace.textDocuments.forEach(check)),
  );
}

function protectedKeyDiagnostic(document: vscode.TextDocument, mark: ProtectedKeyMark): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(mark.start), document.positionAt(mark.end));
  const what = consequence(mark.key, targetOf(document.uri));
  const [message, severity] =
    mark.state === 'kept'
      ? [
          vscode.l10n.t('System key "{0}", set by the cloud. {1}', mark.key, what),
          vscode.DiagnosticSeverity.Hint,
        ]
      : mark.state === 'changed'
        ? [
            vscode.l10n.t('System key "{0}" changed. {1} Saving asks a second time.', mark.key, what),
            vscode.DiagnosticSeverity.Warning,
          ]
        : [
            vscode.l10n.t('System key "{0}" removed. {1} Saving asks a second time.', mark.key, what),
            vscode.DiagnosticSeverity.Warning,
          ];
  const diagnostic = new vscode.Diagnostic(range, message, severity);
  diagnostic.source = 'ECS Metadata';
  diagnostic.code = 'protectedKey';
  return diagnostic;
}
