import * as vscode from 'vscode';
import { MultiStepInput, type InputBoxStep, type InputStep } from '../input/multiStepInput';
import type { AuthType } from '../profiles/profile';
import { isDate, type AkSkCredentials, type Credentials } from './credentials';

/**
 * Asks for a profile's secrets with masked inputs, as a multi-step input (AK, SK and security token
 * are three steps, with Back). Undefined when the user cancels.
 */
export async function promptCredentials(
  profileName: string,
  auth: Exclude<AuthType, 'agency'>,
): Promise<Credentials | undefined> {
  const answers: Record<string, string> = {};
  const ask =
    (field: string, prompt: string, next?: () => InputStep | undefined, optional = false): InputStep =>
    async (input) => {
      answers[field] = await input.showInputBox({
        prompt,
        value: answers[field],
        password: true,
        untrimmed: true,
        validate: (v) => (optional || v.length > 0 ? undefined : vscode.l10n.t('Required')),
      });
      return next?.();
    };
  const title = vscode.l10n.t('Credentials for "{0}"', profileName);
  switch (auth) {
    case 'aksk': {
      // Pasted temporary credentials: their expiry, when known, lets an expired key be named as such.
      const expiry: InputStep = async (input) => {
        answers.securityTokenExpiresAt = await input.showInputBox(
          securityTokenExpiryBox(answers.securityTokenExpiresAt),
        );
        return undefined;
      };
      const token = ask(
        'securityToken',
        vscode.l10n.t('Security token (only for temporary credentials; leave empty otherwise)'),
        () => (answers.securityToken ? expiry : undefined),
        true,
      );
      const secretKey = ask('secretKey', vscode.l10n.t('Secret access key (SK)'), () => token);
      const accessKey = ask('accessKey', vscode.l10n.t('Access key ID (AK)'), () => secretKey);
      const steps = (): number => (answers.securityToken ? 4 : 3);
      if (!(await MultiStepInput.run(title, steps, accessKey))) return undefined;
      return akskCredentials(answers);
    }
    case 'password':
    case 'temporary': {
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

/** The optional box for when pasted temporary credentials expire (Add Profile asks it too). */
export function securityTokenExpiryBox(value: string | undefined): InputBoxStep {
  return {
    prompt: vscode.l10n.t(
      'When do these temporary credentials expire? Their expires_at, e.g. 2026-01-31T08:00:00Z (leave empty if unknown)',
    ),
    value,
    validate: (v: string) =>
      !v || isDate(v)
        ? undefined
        : vscode.l10n.t('Not a date: use the expires_at, e.g. 2026-01-31T08:00:00Z.'),
  };
}

/** AK/SK answers as credentials: the security token and its expiry only when given. */
export function akskCredentials(answers: Partial<Record<keyof AkSkCredentials, string>>): AkSkCredentials {
  const credentials: AkSkCredentials = {
    accessKey: answers.accessKey ?? '',
    secretKey: answers.secretKey ?? '',
  };
  if (answers.securityToken) {
    credentials.securityToken = answers.securityToken;
    const expiresAt = answers.securityTokenExpiresAt?.trim();
    if (expiresAt && isDate(expiresAt))
      credentials.securityTokenExpiresAt = new Date(expiresAt).toISOString();
  }
  return credentials;
}
