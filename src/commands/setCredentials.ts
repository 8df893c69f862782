import * as vscode from 'vscode';
import { bindingChanges, bindingOf, type CredentialBinding } from '../credentials/credentialBinding';
import { confirmReplaceCredentials } from '../credentials/confirmCredentialChange';
import type { StoredCredentials } from '../credentials/credentialStore';
import { testConnection } from '../clients/connectionTest';
import type { Credentials } from '../credentials/credentials';
import { agencyCredentialsNote } from '../credentials/agencyCredentialsNote';
import { promptCredentials } from '../credentials/promptCredentials';
import { iamHostOf } from '../profiles/iamHost';
import { describeConnection } from '../clients/connectionMessage';
import { MultiStepInput } from '../input/multiStepInput';
import type { Profile } from '../profiles/profile';
import { InputError } from '../errors/inputError';
import { credentialsInputProblem } from '../credentials/credentialsProblem';
import type { CommandDeps } from './commandDeps';
import { scriptCommands } from './commandArguments';
import { namedOrPickedProfile, namedProfile } from './pickers/pickProfile';
import type { CommandCall } from './registerCommand';
import { declaredArgument, registerDeclared } from './registerDeclared';
import { profileOfNode } from './serverTarget';
import { notConfirmed } from './notConfirmed';

/**
 * `ecsMetadata.setCredentials`: a script's `{ profile, credentials }` is stored without a prompt when
 * the profile has none stored (or the very same); replacing others asks first with a modal naming
 * the profile and what is replaced, and a declined modal rejects with a `cancelled` error.
 * Otherwise asks with masked inputs for the given or picked profile, and checks the sign-in before
 * storing them (with Save Anyway). Resolves to true when stored.
 * The secrets are bound to the profile's endpoints, sign-in method and user as they are now.
 */
export function registerSetCredentials(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.setCredentials, async (call) => {
    const given = declaredArgument(scriptCommands.setCredentials, call);
    if (!call.byPerson && given?.credentials) return storeGiven(deps, call, given.profile, given.credentials);
    const picked = await namedOrPickedProfile(
      deps.profiles,
      given?.profile ?? profileOfNode(call.arg),
      call,
      vscode.l10n.t('Set Credentials'),
    );
    if (!picked) return false;
    // An agency profile acts with its source profile's credentials: those are the ones to set.
    const profile = picked.auth === 'agency' ? sourceOf(deps, picked) : (picked as CredentialProfile);
    if (!profile) return false;
    const credentials = await askCheckedCredentials(deps, profile);
    if (!credentials) return false;
    await deps.credentials.set(profile.name, { credentials, boundTo: bindingOf(profile) });
    if (call.byPerson) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Credentials of "{0}" saved in the keyring.', profile.name),
      );
    }
    return true;
  });
}

/** The source profile of an agency profile, said to the person; undefined (and said) when it is missing. */
function sourceOf(deps: CommandDeps, agency: Profile): CredentialProfile | undefined {
  const source = agency.sourceProfile ? deps.profiles.get(agency.sourceProfile) : undefined;
  if (!source || source.auth === 'agency') {
    void vscode.window.showWarningMessage(agencyCredentialsNote(agency));
    return undefined;
  }
  void vscode.window.showInformationMessage(agencyCredentialsNote(agency));
  return source as CredentialProfile;
}

/** A profile that stores credentials of its own: any but an agency profile. */
type CredentialProfile = Profile & { auth: Exclude<Profile['auth'], 'agency'> };

/** A script's credentials, stored without a prompt unless they replace others. */
async function storeGiven(
  deps: CommandDeps,
  call: CommandCall,
  name: string,
  credentials: Credentials,
): Promise<boolean> {
  // Stored under a name no profile has, they would wait unseen for whoever adds that name later.
  const profile = namedProfile(deps.profiles, name, call);
  if (profile.auth === 'agency') throw new InputError(agencyCredentialsNote(profile));
  const mismatch = credentialsInputProblem(name, profile.auth, credentials);
  if (mismatch) throw new InputError(mismatch);
  const boundTo = bindingOf(profile);
  const stored = await deps.credentials.get(name);
  if (stored && !unchanged(stored, credentials, boundTo)) {
    if (!(await confirmReplaceCredentials(name, stored.credentials))) throw notConfirmed();
  }
  await deps.credentials.set(name, { credentials, boundTo });
  return true;
}

/**
 * True when storing would change nothing: the same secrets for the same endpoints and user. The
 * walk's credential seeder runs again after a window reload, and asking then would be noise.
 */
function unchanged(stored: StoredCredentials, credentials: Credentials, boundTo: CredentialBinding): boolean {
  // Both sides come from parseCredentials, which builds its objects in one field order.
  if (JSON.stringify(stored.credentials) !== JSON.stringify(credentials)) return false;
  return stored.boundTo !== undefined && bindingChanges(stored.boundTo, boundTo).length === 0;
}

/**
 * Asks for the secrets and makes Add Profile's sign-in check before anything is stored; when it
 * fails, the user enters them again or saves anyway — neither the default: Enter on the report
 * lines does nothing. Undefined when cancelled.
 */
async function askCheckedCredentials(
  deps: CommandDeps,
  profile: CredentialProfile,
): Promise<Credentials | undefined> {
  for (;;) {
    const credentials = await promptCredentials(profile.name, profile.auth, iamHostOf(profile.iamEndpoint));
    if (!credentials) return undefined;
    const report = await testConnection(profile, credentials, {
      onRequest: deps.clients.onRequest,
      signInOnly: true,
    });
    if (report.signIn.ok) return credentials;
    const { lines } = describeConnection(report, profile, credentials);
    const again: vscode.QuickPickItem = { label: `$(arrow-left) ${vscode.l10n.t('Enter Again')}` };
    const save: vscode.QuickPickItem = { label: `$(save) ${vscode.l10n.t('Save Anyway')}` };
    const info = lines.map((line): vscode.QuickPickItem => ({ label: `$(error) ${line}` }));
    let picked: vscode.QuickPickItem | undefined;
    const asked = await MultiStepInput.run(
      vscode.l10n.t('Credentials for "{0}"', profile.name),
      () => 0,
      async (input) => {
        picked = await input.showQuickPick({
          prompt: vscode.l10n.t(
            'The sign-in check failed. Enter the credentials again, or save them anyway?',
          ),
          items: [...info, { label: '', kind: vscode.QuickPickItemKind.Separator }, again, save],
          activeItem: info[0],
          canAccept: (item) => item === again || item === save,
        });
        return undefined;
      },
    );
    if (!asked) return undefined;
    if (picked === save) return credentials;
    if (picked !== again) return undefined;
  }
}
