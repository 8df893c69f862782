import * as vscode from 'vscode';
import { endpointInputProblem, projectIdInputProblem } from '../errors/inputProblems';
import { SetupError } from '../errors/setupError';
import { usesPassword, type Profile } from '../profiles/profile';

/**
 * The core would refuse these too, but in English and without naming the setting; said here in the
 * user's language, with the profile, as something to fix in settings.
 */
export function checkProfileInput(profile: Profile): void {
  const problems: [string, string | undefined][] = [
    ['ecsEndpoint', profile.endpointFromCatalog ? undefined : endpointInputProblem(profile.ecsEndpoint)],
    [
      'iamEndpoint',
      (usesPassword(profile.auth) || profile.endpointFromCatalog) && profile.iamEndpoint
        ? endpointInputProblem(profile.iamEndpoint)
        : undefined,
    ],
    ['projectId', profile.projectId ? projectIdInputProblem(profile.projectId) : undefined],
  ];
  for (const [field, problem] of problems) {
    if (problem) {
      throw new SetupError(
        'incompleteProfile',
        vscode.l10n.t('Profile "{0}", setting "{1}": {2}', profile.name, field, problem),
        profile.name,
      );
    }
  }
}
