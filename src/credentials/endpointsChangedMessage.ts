import * as vscode from 'vscode';
import { authMethodLabel } from '../profiles/authMethodLabel';
import type { BindingChange, BindingField } from './credentialBinding';

/** The name of each setting credentials are bound to, as a change names it. */
const fieldNames: Record<BindingField, () => string> = {
  auth: () => vscode.l10n.t('sign-in method'),
  ecsOrigin: () => vscode.l10n.t('ECS endpoint'),
  iamOrigin: () => vscode.l10n.t('IAM endpoint'),
  domain: () => vscode.l10n.t('account'),
  user: () => vscode.l10n.t('user'),
};

/**
 * What changed since a profile's credentials were entered, as one localized line per change:
 * "ECS endpoint: https://old → https://new".
 */
export function describeBindingChanges(changes: readonly BindingChange[]): string {
  const none = vscode.l10n.t('(not set)');
  return changes
    .map((c) => {
      const shown = (value: string | undefined) =>
        value === undefined ? none : c.field === 'auth' ? authMethodLabel(value) : value;
      return vscode.l10n.t('{0}: {1} → {2}', fieldNames[c.field](), shown(c.was), shown(c.now));
    })
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
