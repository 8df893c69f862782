import * as vscode from 'vscode';
import type { AuthType } from '../profiles/profile';
import type { Credentials } from './credentials';

/** Asks for a profile's secrets with masked inputs. Undefined when the user cancels. */
export async function promptCredentials(
  profileName: string,
  auth: AuthType,
): Promise<Credentials | undefined> {
  const ask = (prompt: string, optional = false): Thenable<string | undefined> =>
    vscode.window.showInputBox({
      title: vscode.l10n.t('Credentials for "{0}"', profileName),
      prompt,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (optional || v.length > 0 ? undefined : vscode.l10n.t('Required')),
    });
  switch (auth) {
    case 'aksk': {
      const accessKey = await ask(vscode.l10n.t('Access key ID (AK)'));
      if (!accessKey) return undefined;
      const secretKey = await ask(vscode.l10n.t('Secret access key (SK)'));
      if (!secretKey) return undefined;
      const securityToken = await ask(
        vscode.l10n.t('Security token (only for temporary credentials; leave empty otherwise)'),
        true,
      );
      if (securityToken === undefined) return undefined;
      return securityToken ? { accessKey, secretKey, securityToken } : { accessKey, secretKey };
    }
    case 'password': {
      const password = await ask(vscode.l10n.t('IAM user password'));
      return password ? { password } : undefined;
    }
    case 'token': {
      const token = await ask(vscode.l10n.t('IAM token (X-Auth-Token)'));
      return token ? { token } : undefined;
    }
  }
}
