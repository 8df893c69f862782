import * as vscode from 'vscode';

/**
 * Errors in the extension's own setup, before any request: the profile is unknown or incomplete,
 * its credentials are missing or were entered for other endpoints, or the keyring cannot be used.
 * The UI turns each kind into a fix.
 */
export type SetupErrorKind =
  'unknownProfile' | 'incompleteProfile' | 'missingCredentials' | 'endpointsChanged' | 'keyring';

export class SetupError extends Error {
  readonly kind: SetupErrorKind;
  readonly profile?: string;

  constructor(kind: SetupErrorKind, message: string, profile?: string) {
    super(message);
    this.name = 'SetupError';
    this.kind = kind;
    if (profile !== undefined) this.profile = profile;
  }
}

export function isSetupError(value: unknown): value is SetupError {
  return value instanceof SetupError;
}

/** The one error for a profile name no profile has, from the tree, a picker or a script. */
export function unknownProfileError(name: string): SetupError {
  return new SetupError(
    'unknownProfile',
    vscode.l10n.t('There is no profile named "{0}" in the ecsMetadata.profiles setting.', name),
    name,
  );
}
