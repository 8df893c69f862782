import * as vscode from 'vscode';
import {
  createEcsClient,
  discoverComputeEndpoint,
  isEcsError,
  lookupProjectId,
  lookupProjectIdWithKeys,
  type EcsAuth,
  type EcsClient,
  type RequestEvent,
  type TokenCache,
} from '../core';
import type { Credentials } from '../credentials/credentials';
import type { ProfileTokenStore } from '../credentials/profileTokenStore';
import { endpointInputProblem, inputProblemText, projectIdInputProblem } from '../errors/inputProblems';
import { SetupError } from '../errors/setupError';
import type { Profile } from '../profiles/profile';

export interface ProfileClientOptions {
  timeoutMs: number;
  onRequest: (event: RequestEvent) => void;
  signal?: AbortSignal;
  /** Where password profiles keep their IAM token between runs; none for a profile not yet saved. */
  tokens?: ProfileTokenStore;
  /** Told the compute endpoint a service catalog named, for the tooltip and the log. */
  onEndpointFromCatalog?: (ecsEndpoint: string) => void;
  /**
   * The region of a profile of several regions this client is for (`profile` is already that
   * region's, see profileInRegion): its kept token is the region's own.
   */
  region?: string;
  /** A project id looked up earlier for this profile (and region), and where to note a new one. */
  projectIds?: { known(): string | undefined; found(projectId: string): void };
}

/**
 * Builds a core client for a profile and its secrets. Used for saved profiles (through the
 * ClientProvider cache) and for the test call of Add Profile before anything is saved.
 */
export async function createProfileClient(
  profile: Profile,
  credentials: Credentials,
  options: ProfileClientOptions,
): Promise<EcsClient> {
  if (profile.endpointFromCatalog) {
    checkProfileInput(profile);
    const auth = toAuth(profile, credentials);
    const found = await endpointFromCatalog(profile, auth, options);
    options.onEndpointFromCatalog?.(found.ecsEndpoint);
    return createEcsClient({
      endpoint: found.ecsEndpoint,
      projectId: found.projectId,
      auth,
      timeoutMs: options.timeoutMs,
      onRequest: options.onRequest,
    });
  }
  if (!profile.ecsEndpoint) {
    throw new SetupError(
      'incompleteProfile',
      profile.region
        ? vscode.l10n.t(
            'Profile "{0}" has the region "{1}", which is not a region id. Region ids look like cn-north-4.',
            profile.name,
            profile.region,
          )
        : vscode.l10n.t('Profile "{0}" needs a region or an ECS endpoint.', profile.name),
      profile.name,
    );
  }
  checkProfileInput(profile);
  const auth = toAuth(profile, credentials);
  const tokenCache =
    auth.type === 'password' ? options.tokens?.cacheFor(profile, auth.password, options.region) : undefined;
  const projectId =
    profile.projectId ??
    options.projectIds?.known() ??
    (await projectIdFor(profile, auth, options, tokenCache));
  if (!profile.projectId) options.projectIds?.found(projectId);
  return createEcsClient({
    endpoint: profile.ecsEndpoint,
    projectId,
    auth,
    timeoutMs: options.timeoutMs,
    onRequest: options.onRequest,
    ...(tokenCache ? { tokenCache } : {}),
  });
}

/**
 * The core would refuse these too, but in English and without naming the setting; said here in the
 * user's language, with the profile, as something to fix in settings.
 */
function checkProfileInput(profile: Profile): void {
  const problems: [string, string | undefined][] = [
    ['ecsEndpoint', profile.endpointFromCatalog ? undefined : endpointInputProblem(profile.ecsEndpoint)],
    [
      'iamEndpoint',
      (profile.auth === 'password' || profile.endpointFromCatalog) && profile.iamEndpoint
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

function toAuth(profile: Profile, credentials: Credentials): EcsAuth {
  if (profile.auth === 'aksk' && 'accessKey' in credentials) {
    return { type: 'aksk', ...credentials };
  }
  if (profile.auth === 'token' && 'token' in credentials) {
    return { type: 'token', token: credentials.token };
  }
  if (profile.auth === 'password' && 'password' in credentials) {
    if (!profile.iamEndpoint || !(profile.domain || profile.domainId) || !profile.user) {
      throw new SetupError(
        'incompleteProfile',
        vscode.l10n.t(
          'Profile "{0}" uses password sign-in and needs an IAM endpoint (or region), a domain and a user.',
          profile.name,
        ),
        profile.name,
      );
    }
    return {
      type: 'password',
      iamEndpoint: profile.iamEndpoint,
      domain: profile.domain ?? '',
      ...(profile.domainId ? { domainId: profile.domainId } : {}),
      user: profile.user,
      password: credentials.password,
    };
  }
  throw new SetupError(
    'missingCredentials',
    vscode.l10n.t('The stored credentials of profile "{0}" do not match its sign-in method.', profile.name),
    profile.name,
  );
}

/**
 * The compute endpoint (and project id) from the service catalog of one token. A catalog without a
 * usable endpoint is something to fix in the profile, said in the user's language.
 */
async function endpointFromCatalog(
  profile: Profile,
  auth: EcsAuth,
  options: ProfileClientOptions,
): Promise<{ ecsEndpoint: string; projectId: string }> {
  if (auth.type === 'aksk' || auth.type === 'temporary') {
    throw new Error('AK/SK profiles do not use the service catalog');
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
            error.problem ? inputProblemText(error.problem) : error.message,
          ),
      profile.name,
    );
  }
}

/**
 * Password sign-in finds the project id with a token scoped by the region's name, AK/SK by listing
 * the projects the keys may use (`GET {iam}/v3/auth/projects`, signed); a token must be told it.
 */
async function projectIdFor(
  profile: Profile,
  auth: EcsAuth,
  options: ProfileClientOptions,
  tokenCache: TokenCache | undefined,
): Promise<string> {
  if (auth.type === 'aksk' && profile.region && profile.iamEndpoint) {
    return lookupProjectIdWithKeys({
      iamEndpoint: profile.iamEndpoint,
      auth,
      region: profile.region,
      ...(profile.projectName ? { projectName: profile.projectName } : {}),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onRequest: options.onRequest,
    });
  }
  if (auth.type === 'password' && (profile.region || profile.projectName)) {
    return lookupProjectId({
      iamEndpoint: auth.iamEndpoint,
      domain: auth.domain,
      ...(auth.domainId ? { domainId: auth.domainId } : {}),
      user: auth.user,
      password: auth.password,
      region: profile.region ?? '',
      ...(profile.projectName ? { projectName: profile.projectName } : {}),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onRequest: options.onRequest,
      ...(tokenCache ? { tokenCache } : {}),
    });
  }
  throw new SetupError(
    'incompleteProfile',
    auth.type === 'password' || auth.type === 'aksk'
      ? vscode.l10n.t('Profile "{0}" needs a project id or a region to look it up from.', profile.name)
      : vscode.l10n.t('Profile "{0}" needs a project id.', profile.name),
    profile.name,
  );
}
