import * as vscode from 'vscode';
import { bindingOf } from '../credentials/credentialBinding';
import { parseCredentials } from '../credentials/credentials';
import { promptCredentials } from '../credentials/promptCredentials';
import { credentialsInputProblem } from '../errors/inputProblems';
import { showError } from '../errors/userMessage';
import type { CommandDeps } from './commandDeps';
import { profileFromArgument, profileNameOf } from './profileArgument';

/**
 * `ecsMetadata.setCredentials`: `{ profile, credentials }` stores without any prompt (scripts, tests);
 * otherwise asks with masked inputs for the given or picked profile. Resolves to true when stored.
 * The secrets are bound to the profile's endpoints, sign-in method and user as they are now.
 */
export function registerSetCredentials(deps: CommandDeps): vscode.Disposable {
  return vscode.commands.registerCommand('ecsMetadata.setCredentials', async (arg?: unknown) => {
    const given =
      typeof arg === 'object' && arg !== null ? (arg as { credentials?: unknown }).credentials : undefined;
    if (given !== undefined) {
      const name = profileNameOf(arg);
      const credentials = parseCredentials(given);
      if (!name || !credentials) {
        throw new Error(
          vscode.l10n.t(
            'setCredentials expects { profile, credentials } with { accessKey, secretKey }, { password } or { token }.',
          ),
        );
      }
      const profile = deps.profiles.get(name);
      // Stored under a name no profile has, they would wait unseen for whoever adds that name later.
      if (!profile) {
        throw new Error(
          vscode.l10n.t('There is no profile named "{0}"; add it before setting its credentials.', name),
        );
      }
      const mismatch = credentialsInputProblem(name, profile.auth, credentials);
      if (mismatch) throw new Error(mismatch);
      await deps.credentials.set(name, { credentials, boundTo: bindingOf(profile) });
      return true;
    }
    const profile = await profileFromArgument(deps.profiles, arg, vscode.l10n.t('Set Credentials'));
    if (!profile) return false;
    const credentials = await promptCredentials(profile.name, profile.auth);
    if (!credentials) return false;
    try {
      await deps.credentials.set(profile.name, { credentials, boundTo: bindingOf(profile) });
    } catch (err) {
      // A person is waiting: say what failed (e.g. no keyring) and how to fix it, rather than throw.
      void showError(err, { profile: profile.name });
      return false;
    }
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Credentials of "{0}" saved in the keyring.', profile.name),
    );
    return true;
  });
}
