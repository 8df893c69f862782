import * as vscode from 'vscode';
import {
  MultiStepInput,
  type InputBoxStep,
  type InputStep,
  type QuickPickStep,
} from '../input/multiStepInput';
import type { AuthType } from '../profiles/profile';
import { isDate, type AkSkCredentials, type Credentials } from './credentials';

/**
 * Asks for a profile's secrets with masked inputs (the access key ID shows as typed), as a multi-step input (AK, SK and security token
 * are three steps, with Back). A temporary profile first asks which secret buys its temporary keys:
 * the IAM password or a permanent access key. The password box names the host it goes to
 * (`iamHost`), so a password typed for an imported cloud is typed knowing whose IAM gets it.
 * Undefined when the user cancels.
 */
export async function promptCredentials(
  profileName: string,
  auth: Exclude<AuthType, 'agency'>,
  iamHost?: string,
): Promise<Credentials | undefined> {
  const passwordPrompt = iamHost
    ? vscode.l10n.t('IAM user password (sent only to {0})', iamHost)
    : vscode.l10n.t('IAM user password');
  const answers: Record<string, string> = {};
  const ask =
    (field: string, prompt: string, next?: () => InputStep | undefined, optional = false): InputStep =>
    async (input) => {
      // An access key ID is an identifier, not a secret: it shows as typed.
      const secret = field !== 'accessKey';
      answers[field] = await input.showInputBox({
        prompt,
        value: answers[field],
        password: secret,
        untrimmed: secret,
        validate: (v) => (optional || v.length > 0 ? undefined : vscode.l10n.t('Required')),
      });
      return next?.();
    };
  const title = vscode.l10n.t('Credentials for "{0}"', profileName);
  switch (auth) {
    case 'aksk': {
      // Pasted temporary credentials: their expiry, when known, lets an expired key be named as such.
      const expiry: InputStep = async (input) => {
        answers.securityTokenExpiresAt = await input.showInputBox({
          ...securityTokenExpiryBox(answers.securityTokenExpiresAt),
          counted: false,
        });
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
      const steps = (): number => 3; // the token's expiry is its follow-up, not counted
      if (!(await MultiStepInput.run(title, steps, accessKey))) return undefined;
      return akskCredentials(answers);
    }
    case 'password': {
      if (!(await MultiStepInput.run(title, () => 1, ask('password', passwordPrompt)))) {
        return undefined;
      }
      return { password: answers.password };
    }
    case 'temporary': {
      const chosen: { source: TemporarySource } = { source: 'password' };
      const password = ask('password', passwordPrompt);
      const secretKey = ask('secretKey', vscode.l10n.t('Secret access key (SK)'));
      const accessKey = ask('accessKey', vscode.l10n.t('Access key ID (AK)'), () => secretKey);
      const which: InputStep = async (input) => {
        chosen.source = (await input.showQuickPick(temporarySourceQuestion(chosen.source))).value;
        return chosen.source === 'keys' ? accessKey : password;
      };
      const steps = (): number => (chosen.source === 'keys' ? 3 : 2);
      if (!(await MultiStepInput.run(title, steps, which))) return undefined;
      return chosen.source === 'keys'
        ? { accessKey: answers.accessKey, secretKey: answers.secretKey }
        : { password: answers.password };
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

/** What buys a temporary profile's keys: its IAM password, or a permanent AK/SK (without security token). */
export type TemporarySource = 'password' | 'keys';

/** The question of which secret buys a temporary profile's keys (Add Profile asks it too). */
export function temporarySourceQuestion(
  current: TemporarySource | undefined,
): QuickPickStep<vscode.QuickPickItem & { value: TemporarySource }> {
  const items = [
    {
      label: vscode.l10n.t('IAM password'),
      description: vscode.l10n.t('of the IAM user, with the account and user name'),
      value: 'password' as const,
    },
    {
      label: vscode.l10n.t('Permanent access key (AK/SK)'),
      description: vscode.l10n.t('signs only the request for temporary keys'),
      value: 'keys' as const,
    },
  ];
  return {
    prompt: vscode.l10n.t('What obtains the temporary access keys?'),
    items,
    activeItem: items.find((i) => i.value === current),
  };
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
