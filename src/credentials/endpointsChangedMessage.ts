import * as vscode from 'vscode';
import type { BindingChange, BindingField } from './credentialBinding';

/**
 * What changed since a profile's credentials were entered, as one localized line per change:
 * "ECS endpoint: https://old → https://new".
 */
export function describeBindingChanges(changes: readonly BindingChange[]): string {
  const none = vscode.l10n.t('(not set)');
  return changes
    .map((c) => vscode.l10n.t('{0}: {1} → {2}', fieldName(c.field), c.was ?? none, c.now ?? none))
    .join('; ');
}

/** The sentence shown when a profile's stored credentials are held back. */
export function endpointsChangedMessage(profileName: string, changes: readonly BindingChange[]): string {
  return vscode.l10n.t(
    'The credentials of profile "{0}" were entered for other settings and were not sent. Changed: {1}. Confirm the change to send them, or set the credentials again.',
    profileName,
    describeBindingChanges(changes),
  );
}

function fieldName(field: BindingField): string {
  switch (field) {
    case 'auth':
      return vscode.l10n.t('sign-in method');
    case 'ecsOrigin':
      return vscode.l10n.t('ECS endpoint');
    case 'iamOrigin':
      return vscode.l10n.t('IAM endpoint');
    case 'domain':
      return vscode.l10n.t('account');
    case 'user':
      return vscode.l10n.t('user');
  }
}
