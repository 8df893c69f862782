import * as vscode from 'vscode';
import { MultiStepInput, type InputBoxStep, type QuickPickStep } from '../input/multiStepInput';
import { QuestionPath, type Question } from '../input/questionPath';
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
  const answers: SecretAnswers & { temporarySource?: TemporarySource } = {};
  const kind = (): SecretKind => secretKindOf(auth, answers.temporarySource);
  const which: Question = {
    shouldPrompt: () => auth === 'temporary',
    ask: async (input) => {
      answers.temporarySource = (
        await input.showQuickPick(temporarySourceQuestion(answers.temporarySource))
      ).value;
    },
  };
  const path = new QuestionPath([which, ...secretQuestions(answers, kind, passwordPrompt).all]);
  const title = vscode.l10n.t('Credentials for "{0}"', profileName);
  if (!(await MultiStepInput.run(title, () => path.totalSteps(), path.start))) return undefined;
  return credentialsOf(kind(), answers);
}

/**
 * The secrets a path asks for: AK/SK with the optional security token of pasted temporary
 * credentials, permanent AK/SK that buy temporary keys (no security token), a password, or a token.
 */
export type SecretKind = 'aksk' | 'keys' | 'password' | 'token';

/** Which secrets an auth type asks for; a temporary profile's, by what buys its keys (the password unless said). */
export function secretKindOf(
  auth: Exclude<AuthType, 'agency'>,
  source: TemporarySource | undefined,
): SecretKind {
  if (auth === 'temporary') return source === 'keys' ? 'keys' : 'password';
  return auth;
}

/** What the secret questions answered so far; kept across Back, so each shows its last answer. */
export type SecretAnswers = Partial<Record<keyof AkSkCredentials | 'password' | 'token', string>>;

/**
 * The secret questions, in the order asked, for the kind `kind()` says (none when it says none, as
 * for an agency): Add Profile asks them after its other questions, Set Credentials alone.
 */
export function secretQuestions(
  answers: SecretAnswers,
  kind: () => SecretKind | undefined,
  passwordPrompt: string,
): { all: Question[]; accessKey: Question; secretKey: Question; password: Question; token: Question } {
  const ask =
    (field: keyof SecretAnswers, prompt: string, optional = false): Question['ask'] =>
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
    };
  const keys = (): boolean => kind() === 'aksk' || kind() === 'keys';
  const accessKey: Question = {
    shouldPrompt: keys,
    ask: ask('accessKey', vscode.l10n.t('Access key ID (AK)')),
  };
  const secretKey: Question = {
    shouldPrompt: keys,
    ask: ask('secretKey', vscode.l10n.t('Secret access key (SK)')),
  };
  const securityToken: Question = {
    shouldPrompt: () => kind() === 'aksk',
    ask: ask(
      'securityToken',
      vscode.l10n.t('Security token (only for temporary credentials; leave empty otherwise)'),
      true,
    ),
  };
  // Pasted temporary credentials: their expiry, when known, lets an expired key be named as such.
  const expiry: Question = {
    counted: false,
    shouldPrompt: () => kind() === 'aksk' && !!answers.securityToken,
    ask: async (input) => {
      answers.securityTokenExpiresAt = await input.showInputBox({
        ...securityTokenExpiryBox(answers.securityTokenExpiresAt),
        counted: false,
      });
    },
  };
  const password: Question = {
    shouldPrompt: () => kind() === 'password',
    ask: ask('password', passwordPrompt),
  };
  const token: Question = {
    shouldPrompt: () => kind() === 'token',
    ask: ask('token', vscode.l10n.t('IAM token (X-Auth-Token)')),
  };
  return {
    all: [accessKey, secretKey, securityToken, expiry, password, token],
    accessKey,
    secretKey,
    password,
    token,
  };
}

/** The credentials the secret answers make for a kind. */
export function credentialsOf(kind: SecretKind, answers: SecretAnswers): Credentials {
  switch (kind) {
    case 'aksk':
      return akskCredentials(answers);
    case 'keys':
      return { accessKey: answers.accessKey ?? '', secretKey: answers.secretKey ?? '' };
    case 'password':
      return { password: answers.password ?? '' };
    case 'token':
      return { token: answers.token ?? '' };
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
function akskCredentials(answers: SecretAnswers): AkSkCredentials {
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
