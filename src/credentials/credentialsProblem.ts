import * as vscode from 'vscode';
import { authMethodLabel } from '../profiles/authMethodLabel';
import type { AuthType } from '../profiles/profile';
import { credentialsMatch, type Credentials } from './credentials';

/** Credentials of another kind than the profile's sign-in method asks for. */
export function credentialsInputProblem(
  profileName: string,
  auth: AuthType,
  credentials: Credentials,
): string | undefined {
  if (credentialsMatch(auth, credentials)) return undefined;
  if (auth === 'temporary' && 'accessKey' in credentials) {
    return vscode.l10n.t(
      'Profile "{0}" obtains temporary keys with a password or a permanent access key; keys with a security token are temporary already (an "aksk" profile takes them).',
      profileName,
    );
  }
  return vscode.l10n.t(
    'Profile "{0}" signs in with {1}; these credentials do not fit.',
    profileName,
    authMethodLabel(auth),
  );
}
