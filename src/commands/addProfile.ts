import * as vscode from 'vscode';
import { argumentsExpected, isEcsError } from '../core';
import { connectionWorked, testConnection } from '../clients/connectionTest';
import { saveProfileWithSecret } from '../credentials/saveProfileWithSecret';
import { describeConnection } from '../clients/connectionMessage';
import { credentialsInputProblem } from '../credentials/credentialsProblem';
import { InputError } from '../errors/inputError';
import { parseProfileSetting } from '../profiles/parseProfileSetting';
import { resolveProfile } from '../profiles/resolveProfile';
import type { CommandDeps } from './commandDeps';
import { scriptCommands, type AddProfileArguments } from './commandArguments';
import { AddProfileFlow, type AgencySources, type ProfileInput } from './profileWizard/addProfileFlow';
import { registerDeclared } from './registerDeclared';

/**
 * `ecsMetadata.addProfile`: a multi-step input (see AddProfileFlow) whose test call runs before
 * anything is saved. Scripts may pass `{ profile: <settings entry>, credentials }` to skip the
 * prompts; the test call still runs and a failure rejects. Resolves to the profile name when saved.
 */
export function registerAddProfile(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.addProfile, async (call) => {
    // A person's argument (the focused row of the view-title button) says nothing about the new profile.
    const scripted = call.script && scriptedInput(call.script);
    const input =
      scripted ??
      (await new AddProfileFlow(
        new Set(deps.profiles.list().map((p) => p.name)),
        deps.clients.onRequest,
        agencySources(deps),
      ).run());
    if (!input) return undefined;
    call.subject = { profile: input.profile.name };
    if (deps.profiles.get(input.profile.name)) {
      throw new InputError(vscode.l10n.t('A profile named "{0}" already exists.', input.profile.name));
    }
    // The flow has made its test call and the person has seen it; a script's is made here.
    if (scripted) {
      const failure = await scriptedTestCall(deps, input);
      if (failure) throw new InputError(failure);
    }
    await saveProfileWithSecret(deps, input.profile, input.credentials);
    if (!scripted) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Profile "{0}" added.', input.profile.name));
    }
    return input.profile.name;
  });
}

/**
 * A script's `{ profile, credentials }` (of the declared shape): the profile checked by the rules of
 * the setting, the credentials against its sign-in method, before anything is stored or sent.
 */
function scriptedInput({ profile, credentials }: AddProfileArguments): ProfileInput {
  const parsed = parseProfileSetting(profile);
  if ('problem' in parsed) throw new InputError(parsed.problem);
  if (parsed.setting.auth === 'agency') return { profile: parsed.setting, credentials: undefined };
  // The declared shape asks for them unless `auth` is "agency"; the setting's rules agree on that.
  if (!credentials) throw argumentsExpected(scriptCommands.addProfile.shape.usage);
  const mismatch = credentialsInputProblem(parsed.setting.name, parsed.setting.auth, credentials);
  if (mismatch) throw new InputError(mismatch);
  return { profile: parsed.setting, credentials };
}

/**
 * The scripted test call: the same two-part test as the flow's. A 403 on the listing still proves
 * the credentials work, so a script may add a profile whose user cannot list servers.
 */
async function scriptedTestCall(deps: CommandDeps, input: ProfileInput): Promise<string | undefined> {
  const profile = resolveProfile(input.profile);
  let report;
  if (input.credentials) {
    report = await testConnection(profile, input.credentials, { onRequest: deps.clients.onRequest });
  } else {
    const source = await deps.clients.agencySource(profile);
    report = await testConnection(profile, source.credentials, {
      onRequest: deps.clients.onRequest,
      source: source.profile,
    });
  }
  const listing = report.listing;
  const forbidden =
    listing !== undefined && !listing.ok && isEcsError(listing.error) && listing.error.kind === 'forbidden';
  if (connectionWorked(report) || (report.signIn.ok && forbidden)) return undefined;
  return describeConnection(report, profile, input.credentials).message;
}

/** The profiles an agency profile may act with: those that sign in with a password, a token or AK/SK. */
function agencySources(deps: CommandDeps): AgencySources {
  return {
    names: deps.profiles
      .list()
      .filter((p) => p.auth !== 'agency')
      .map((p) => p.name),
    load: async (name) => {
      const source = deps.profiles.get(name);
      if (!source) return undefined;
      try {
        return { profile: source, credentials: await deps.clients.credentialsOf(source) };
      } catch {
        return undefined;
      }
    },
  };
}
