import * as vscode from 'vscode';
import { MAX_METADATA_VALUE_LENGTH, characterCount } from '../core';

/**
 * Live validation of a metadata value in an input box: the characters left while it fits, an error
 * once it is too long. ECS counts characters (a Chinese character or an emoji is one).
 */
export function valueValidation(value: string): vscode.InputBoxValidationMessage {
  const left = MAX_METADATA_VALUE_LENGTH - characterCount(value);
  if (left < 0) {
    return {
      message: vscode.l10n.t(
        'The value is {0} characters too long; the limit is {1}.',
        -left,
        MAX_METADATA_VALUE_LENGTH,
      ),
      severity: vscode.InputBoxValidationSeverity.Error,
    };
  }
  return {
    message: vscode.l10n.t('{0} characters left', left),
    severity: vscode.InputBoxValidationSeverity.Info,
  };
}

/**
 * Set Value's validation while `ecsMetadata.maskValues` hides the current value: the box starts
 * empty, and an empty box keeps the value (it is never filled with the hidden value).
 */
export function maskedValueValidation(value: string): vscode.InputBoxValidationMessage {
  if (value !== '') return valueValidation(value);
  return {
    message: vscode.l10n.t('Leave empty to keep the current value (hidden: Mask Values is on).'),
    severity: vscode.InputBoxValidationSeverity.Info,
  };
}

/** The localized problem of a value passed by a script, or undefined when it can be written. */
export function valueInputProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return vscode.l10n.t('The value must be text.');
  const validation = valueValidation(value);
  return validation.severity === vscode.InputBoxValidationSeverity.Error ? validation.message : undefined;
}
