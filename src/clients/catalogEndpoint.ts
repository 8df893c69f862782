import * as vscode from 'vscode';
import {
  discoverComputeEndpoint,
  isEcsError,
  type CallOptions,
  type EcsAuth,
  type RequestOptions,
} from '../core';
import { inputProblemText } from '../errors/inputProblems';
import { SetupError } from '../errors/setupError';
import type { Profile } from '../profiles/profile';

/**
 * The compute endpoint (and project id) from the service catalog of one token. A catalog without a
 * usable endpoint is something to fix in the profile, said in the user's language.
 */
export async function endpointFromCatalog(
  profile: Profile,
  auth: EcsAuth,
  options: RequestOptions & CallOptions,
): Promise<{ ecsEndpoint: string; projectId: string }> {
  if (auth.type !== 'password' && auth.type !== 'token') {
    throw new Error('Only password and token profiles use the service catalog');
  }
  try {
    return await discoverComputeEndpoint({
      iamEndpoint: profile.iamEndpoint,
      auth:
        auth.type === 'password'
          ? {
              type: 'password',
              domain: auth.domain,
              ...(auth.domainId ? { domainId: auth.domainId } : {}),
              user: auth.user,
              password: auth.password,
            }
          : auth,
      ...(profile.projectId ? { projectId: profile.projectId } : {}),
      ...(profile.projectName ? { projectName: profile.projectName } : {}),
      ...(profile.region ? { region: profile.region } : {}),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onRequest: options.onRequest,
    });
  } catch (error) {
    if (!isEcsError(error) || error.kind !== 'invalidInput') throw error;
    throw new SetupError(
      'incompleteProfile',
      error.code === 'noComputeInCatalog'
        ? vscode.l10n.t(
            'Profile "{0}": the service catalog names no public compute endpoint for region "{1}". Set "ecsEndpoint" in the profile.',
            profile.name,
            profile.region ?? '',
          )
        : vscode.l10n.t(
            'Profile "{0}": the compute endpoint from the service catalog cannot be used ({1}). Set "ecsEndpoint" in the profile.',
            profile.name,
            error.problem ? inputProblemText(error.problem) : vscode.l10n.t('Invalid input'),
          ),
      profile.name,
    );
  }
}
