import * as vscode from 'vscode';
import { isEcsError } from '../core/errors';
import { bindingOf } from '../credentials/credentialBinding';
import { parseCredentials, type Credentials } from '../credentials/credentials';
import { promptCredentials } from '../credentials/promptCredentials';
import { createProfileClient } from '../clients/createProfileClient';
import {
  credentialsInputProblem,
  endpointInputProblem,
  projectIdInputProblem,
} from '../errors/inputProblems';
import { InputError } from '../errors/inputError';
import { describeError } from '../errors/userMessage';
import { parseProfileSetting } from '../profiles/parseProfileSetting';
import type { AuthType, ProfileSetting } from '../profiles/profile';
import { huaweiRegions } from '../profiles/regions';
import { resolveProfile } from '../profiles/resolveProfile';
import { settings } from '../settings/settings';
import { CommandId } from './commandIds';
import type { CommandDeps } from './commandDeps';
import { registerCommand } from './registerCommand';

/**
 * `ecsMetadata.addProfile`: a guided flow (cloud, sign-in method, masked secrets), then one test call
 * before anything is saved. Scripts may pass `{ profile: <settings entry>, credentials }` to skip the
 * prompts; the test call still runs and a failure rejects. Resolves to the profile name when saved.
 */
export function registerAddProfile(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.addProfile, async (call) => {
    // A person's argument (the focused row of the view-title button) says nothing about the new profile.
    const scripted = call.byPerson ? undefined : scriptedInput(call.arg);
    const input = scripted ?? (await askProfile(deps));
    if (!input) return undefined;
    call.subject = { profile: input.profile.name };
    if (deps.profiles.get(input.profile.name)) {
      throw new InputError(vscode.l10n.t('A profile named "{0}" already exists.', input.profile.name));
    }
    const failure = await testCall(deps, input.profile, input.credentials);
    if (failure !== undefined) {
      if (scripted) throw failure;
      const saveAnyway = vscode.l10n.t('Save Anyway');
      const answer = await vscode.window.showErrorMessage(
        vscode.l10n.t('The test call failed: {0}', describeError(failure, call.subject).message),
        { modal: true },
        saveAnyway,
      );
      if (answer !== saveAnyway) return undefined;
    }
    await saveProfile(deps, input);
    if (!scripted) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Profile "{0}" added.', input.profile.name));
    }
    return input.profile.name;
  });
}

interface ProfileInput {
  profile: ProfileSetting;
  credentials: Credentials;
}

/**
 * Secrets first, so the tree refresh triggered by the new setting finds them; should the settings
 * write then fail, the secret is put back as it was, so none is left behind without its profile.
 */
async function saveProfile(deps: CommandDeps, input: ProfileInput): Promise<void> {
  const name = input.profile.name;
  const previous = await deps.credentials.get(name);
  const boundTo = bindingOf(resolveProfile(input.profile));
  await deps.credentials.set(name, { credentials: input.credentials, boundTo });
  try {
    await deps.profiles.add(input.profile);
  } catch (err) {
    await (
      previous?.boundTo
        ? deps.credentials.set(name, { credentials: previous.credentials, boundTo: previous.boundTo })
        : deps.credentials.delete(name)
    ).catch(
      () => undefined, // The settings failure is the one to report.
    );
    throw err;
  }
}

/** A script's `{ profile, credentials }`, checked field by field before anything is stored or sent. */
function scriptedInput(arg: unknown): ProfileInput | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { profile, credentials } = arg as { profile?: unknown; credentials?: unknown };
  if (profile === undefined) return undefined;
  const parsed = parseProfileSetting(profile);
  if ('problem' in parsed) throw new InputError(parsed.problem);
  const secrets = parseCredentials(credentials);
  if (!secrets) {
    throw new InputError(vscode.l10n.t('addProfile expects { profile: { name, auth, … }, credentials }.'));
  }
  const mismatch = credentialsInputProblem(parsed.setting.name, parsed.setting.auth, secrets);
  if (mismatch) throw new InputError(mismatch);
  return { profile: parsed.setting, credentials: secrets };
}

/** Lists one server; the failure, if any. A 403 still proves the credentials work, so it does not count. */
async function testCall(
  deps: CommandDeps,
  setting: ProfileSetting,
  credentials: Credentials,
): Promise<unknown> {
  const profile = resolveProfile(setting);
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Testing profile "{0}"…', profile.name),
    },
    async () => {
      try {
        const client = await createProfileClient(profile, credentials, {
          timeoutMs: settings.requestTimeoutMs(),
          onRequest: deps.clients.onRequest,
        });
        await client.listServers({ limit: 1 });
        return undefined;
      } catch (err) {
        if (isEcsError(err) && err.kind === 'forbidden') return undefined;
        return err;
      }
    },
  );
}

async function askProfile(deps: CommandDeps): Promise<ProfileInput | undefined> {
  const title = vscode.l10n.t('Add ECS Profile');
  const existing = new Set(deps.profiles.list().map((p) => p.name));
  const name = await askTrimmed(title, vscode.l10n.t('A name for this profile'), (v) =>
    !v
      ? vscode.l10n.t('Required')
      : existing.has(v)
        ? vscode.l10n.t('A profile named "{0}" already exists.', v)
        : undefined,
  );
  if (!name) return undefined;

  const other = vscode.l10n.t('Other OpenStack-compatible cloud…');
  const cloud = await vscode.window.showQuickPick(
    [
      ...huaweiRegions.map((r) => ({ label: r, description: vscode.l10n.t('Huawei Cloud') })),
      { label: other, description: vscode.l10n.t('enter the endpoints yourself') },
    ],
    { title, placeHolder: vscode.l10n.t('Huawei Cloud region, or another cloud'), ignoreFocusOut: true },
  );
  if (!cloud) return undefined;
  const isOther = cloud.label === other;
  const profile: ProfileSetting = { name, auth: 'aksk', discoverServers: true };
  if (isOther) {
    const ecsEndpoint = await askUrl(title, vscode.l10n.t('Compute (Nova-compatible) endpoint URL'));
    if (!ecsEndpoint) return undefined;
    profile.ecsEndpoint = ecsEndpoint;
  } else {
    profile.region = cloud.label;
  }

  const auth = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Access key (AK/SK)'), auth: 'aksk' as AuthType },
      { label: vscode.l10n.t('IAM user and password'), auth: 'password' as AuthType },
      { label: vscode.l10n.t('Existing token'), auth: 'token' as AuthType },
    ],
    { title, placeHolder: vscode.l10n.t('How to sign in'), ignoreFocusOut: true },
  );
  if (!auth) return undefined;
  profile.auth = auth.auth;

  if (auth.auth === 'password') {
    if (isOther) {
      const iamEndpoint = await askUrl(title, vscode.l10n.t('Identity (Keystone v3) endpoint URL'));
      if (!iamEndpoint) return undefined;
      profile.iamEndpoint = iamEndpoint;
    }
    const domain = await askText(title, vscode.l10n.t('Account (domain) name'));
    if (!domain) return undefined;
    const user = await askText(title, vscode.l10n.t('IAM user name'));
    if (!user) return undefined;
    profile.domain = domain;
    profile.user = user;
  }

  // Password sign-in on a known region can look the project up; everything else needs it given.
  const projectOptional = auth.auth === 'password' && !isOther;
  const projectId = await askProjectId(title, projectOptional);
  if (projectId === undefined) return undefined;
  if (projectId) profile.projectId = projectId;

  const credentials = await promptCredentials(profile.name, profile.auth);
  if (!credentials) return undefined;
  return { profile, credentials };
}

/** One input box of the flow: the answer trimmed, and checked trimmed. Undefined when the user cancels. */
function askTrimmed(
  title: string,
  prompt: string,
  problemOf: (trimmed: string) => string | undefined,
  placeHolder?: string,
): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({
      title,
      prompt,
      placeHolder,
      ignoreFocusOut: true,
      validateInput: (v) => problemOf(v.trim()),
    })
    .then((v) => v?.trim());
}

function askText(title: string, prompt: string): Thenable<string | undefined> {
  return askTrimmed(title, prompt, (v) => (v ? undefined : vscode.l10n.t('Required')));
}

function askProjectId(title: string, optional: boolean): Thenable<string | undefined> {
  return askTrimmed(
    title,
    optional
      ? vscode.l10n.t('Project id (leave empty to look it up from the region)')
      : vscode.l10n.t('Project id'),
    (v) => (optional && !v ? undefined : projectIdInputProblem(v)),
  );
}

/** https, or plain http to this machine only: the same rule the core enforces before any request. */
function askUrl(title: string, prompt: string): Thenable<string | undefined> {
  return askTrimmed(title, prompt, endpointInputProblem, 'https://…');
}
