import * as vscode from 'vscode';
import type { Credentials } from './credentials';

/**
 * The modals that stand before a profile's stored credentials are replaced or removed. A person
 * who ran Remove Profile sees the second; a script sees both, since it runs with the person
 * watching and must not swap or drop their secrets unseen. True when confirmed.
 */
export async function confirmReplaceCredentials(profileName: string, stored: Credentials): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    replaceQuestion(profileName, stored),
    {
      modal: true,
      detail: vscode.l10n.t(
        'A script asks to store other credentials in their place. The stored ones are deleted and cannot be read back.',
      ),
    },
    replace,
  );
  return answer === replace;
}

/** Modal confirmation of removing a profile: its settings entry and its stored credentials. */
export async function confirmRemoveProfile(profileName: string): Promise<boolean> {
  const remove = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove profile "{0}" and its stored credentials?', profileName),
    { modal: true },
    remove,
  );
  return answer === remove;
}

/** Names what is replaced: the AK/SK, the password or the token stored now. */
function replaceQuestion(profileName: string, stored: Credentials): string {
  if ('accessKey' in stored) return vscode.l10n.t('Replace the stored AK/SK of profile "{0}"?', profileName);
  if ('password' in stored)
    return vscode.l10n.t('Replace the stored password of profile "{0}"?', profileName);
  return vscode.l10n.t('Replace the stored token of profile "{0}"?', profileName);
}
