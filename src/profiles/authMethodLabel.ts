import * as vscode from 'vscode';
import { authTypes, type AuthType } from './profile';

/** Each sign-in method as the Add Profile wizard names it, so no raw setting value reaches a person. */
const labels: Record<AuthType, () => string> = {
  aksk: () => vscode.l10n.t('Access key (AK/SK)'),
  password: () => vscode.l10n.t('IAM user and password'),
  token: () => vscode.l10n.t('IAM token (X-Auth-Token)'),
  temporary: () => vscode.l10n.t('Temporary access keys'),
  agency: () => vscode.l10n.t('IAM agency of another account'),
};

/** The sign-in method in the user's language; a value that is no method (a hand-edited setting) as written. */
export function authMethodLabel(auth: string): string {
  return authTypes.includes(auth as AuthType) ? labels[auth as AuthType]() : auth;
}
