import * as vscode from 'vscode';
import { agencyCredentialsNote } from '../credentials/agencyCredentialsNote';
import { bindingChanges, bindingOf } from '../credentials/credentialBinding';
import { describeBindingChanges } from '../credentials/endpointsChangedMessage';
import { promptCredentials } from '../credentials/promptCredentials';
import { iamHostOf } from '../profiles/iamHost';
import type { Profile } from '../profiles/profile';
import type { CommandDeps } from './commandDeps';
import { namedOrPickedProfile } from './pickers/pickProfile';
import { profileOfNode } from './serverTarget';
import { scriptCommands } from './commandArguments';
import { declaredArgument, registerDeclared } from './registerDeclared';
import { notConfirmed } from './notConfirmed';

/**
 * `ecsMetadata.confirmEndpoints`: a profile's settings changed since its credentials were entered
 * (another endpoint, user or sign-in method), so they are held back. Always asks — also when a
 * script calls it, since the answer sends secrets to a new host — naming what changed, then binds
 * the stored credentials to the profile as it is now, or asks for new ones. Resolves to true when
 * the profile may use its credentials again; declined, it resolves to false for a person and
 * rejects with a `cancelled` error for a script, as every scripted confirmation does.
 */
export function registerConfirmEndpoints(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.confirmEndpoints, async (call) => {
    const profile = await namedOrPickedProfile(
      deps.profiles,
      declaredArgument(scriptCommands.confirmEndpoints, call)?.profile ?? profileOfNode(call.arg),
      call,
      vscode.l10n.t('Confirm Changed Endpoints'),
    );
    if (!profile) return false;
    if (profile.auth === 'agency') return confirmAgency(deps, profile, call.byPerson);
    const stored = await deps.credentials.get(profile.name);
    if (!stored) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Profile "{0}" has no credentials yet.', profile.name),
      );
      return false;
    }
    const boundTo = bindingOf(profile);
    const changes = stored.boundTo ? bindingChanges(stored.boundTo, boundTo) : [];
    if (changes.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The credentials of "{0}" already belong to its current settings.', profile.name),
      );
      return true;
    }
    const send = vscode.l10n.t('Send to New Endpoints');
    const reenter = vscode.l10n.t('Enter New Credentials');
    // Credentials of another sign-in method cannot serve the new one: only new ones will do.
    const choices = changes.some((c) => c.field === 'auth') ? [reenter] : [send, reenter];
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Use the stored credentials of "{0}" with its changed settings?', profile.name),
      { modal: true, detail: describeBindingChanges(changes) },
      ...choices,
    );
    if (answer === send) {
      await deps.credentials.set(profile.name, { credentials: stored.credentials, boundTo });
      return true;
    }
    const credentials =
      answer === reenter
        ? await promptCredentials(profile.name, profile.auth, iamHostOf(profile.iamEndpoint))
        : undefined;
    if (!credentials) {
      if (call.byPerson) return false;
      throw notConfirmed();
    }
    await deps.credentials.set(profile.name, { credentials, boundTo });
    return true;
  });
}

/**
 * An agency profile stores no secret, but its temporary keys are bound to the ECS endpoint it was
 * first used with: the same modal, with only "Send to New Endpoints" (its source's credentials are
 * set on the source).
 */
async function confirmAgency(deps: CommandDeps, profile: Profile, byPerson: boolean): Promise<boolean> {
  const bound = await deps.credentials.agencyBinding(profile.name);
  const now = bindingOf(profile);
  const changes = bound ? bindingChanges(bound, now) : [];
  if (changes.length === 0) {
    void vscode.window.showInformationMessage(agencyCredentialsNote(profile));
    return true;
  }
  const send = vscode.l10n.t('Send to New Endpoints');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Use the stored credentials of "{0}" with its changed settings?', profile.name),
    { modal: true, detail: describeBindingChanges(changes) },
    send,
  );
  if (answer === send) {
    await deps.credentials.bindAgency(profile.name, now);
    return true;
  }
  if (byPerson) return false;
  throw notConfirmed();
}
