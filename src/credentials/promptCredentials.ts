import * as vscode from 'vscode';
import { MultiStepInput, type InputStep } from '../input/multiStepInput';
import type { AuthType } from '../profiles/profile';
import type { Credentials } from './credentials';

/**
 * Asks for a profile's secrets with masked inputs, as a multi-step input (AK, SK and security token
 * are three steps, with Back). Undefined when the user cancels.
 */
export async function promptCredentials(
  profileName: string,
  auth: AuthType,
): Promise<Credentials | undefined> {
  const answers: Record<string, string> = {};
  const ask =
    (field: string, prompt: string, next?: InputStep, optional = false): InputStep =>
    async (input) => {
      answers[field] = await input.showInputBox({
        prompt,
        value: answers[field],
        password: true,
        untrimmed: true,
        validate: (v) => (optional || v.length > 0 ? undefined : vscode.l10n.t('Required')),
      });
      return next;
    };
  const title = vscode.l10n.t('Credentials for "{0}"', profileName);
  switch (auth) {
    case 'aksk': {
      const token = ask(
        'securityToken',
        vscode.l10n.t('Security token (only for temporary credentials; leave empty otherwise)'),
        undefined,
        true,
      );
      const secretKey = ask('secretKey', vscode.l10n.t('Secret access key (SK)'), token);
      const accessKey = ask('accessKey', vscode.l10n.t('Access key ID (AK)'), secretKey);
      if (!(await MultiStepInput.run(title, () => 3, accessKey))) return undefined;
      const { accessKey: ak, secretKey: sk, securityToken } = answers;
      return securityToken
        ? { accessKey: ak, secretKey: sk, securityToken }
        : { accessKey: ak, secretKey: sk };
    }
    case 'password': {
      if (!(await MultiStepInput.run(title, () => 1, ask('password', vscode.l10n.t('IAM user password'))))) {
        return undefined;
      }
      return { password: answers.password };
    }
    case 'token': {
      if (
        !(await MultiStepInput.run(title, () => 1, ask('token', vscode.l10n.t('IAM token (X-Auth-Token)'))))
      ) {
        return undefined;
      }
      return { token: answers.token };
    }
  }
}
