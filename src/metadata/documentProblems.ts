import * as vscode from 'vscode';
import { metadataKeyInputProblem } from '../errors/inputProblems';
import type { DocumentProblem } from './metadataDocument';

/** The localized sentence for a problem of the metadata JSON document. */
export function describeDocumentProblem(problem: DocumentProblem): string {
  switch (problem.kind) {
    case 'syntax':
      return vscode.l10n.t('Not valid JSON: {0}', problem.detail);
    case 'notObject':
      return vscode.l10n.t('The document must be one JSON object of keys and text values.');
    case 'badKey':
      return metadataKeyInputProblem(problem.key) ?? problem.key;
    case 'duplicateKey':
      return vscode.l10n.t('The key "{0}" appears more than once.', problem.key);
    case 'notText':
      return vscode.l10n.t('The value of "{0}" must be text (in double quotes).', problem.key);
    case 'tooLong':
      return vscode.l10n.t(
        'The value of "{0}" is {1} characters long; the limit is 255.',
        problem.key,
        problem.length,
      );
    case 'tooMany':
      return vscode.l10n.t(
        'A server may have at most {0} metadata keys; this document has {1}.',
        problem.quota,
        problem.count,
      );
  }
}
