import * as vscode from 'vscode';
import {
  createEcsClient,
  createTemporaryKeys,
  discoverComputeEndpoint,
  isEcsError,
  lookupProjectId,
  lookupProjectIdWithKeys,
  type EcsAuth,
  type EcsClient,
  type RequestEvent,
  type TemporaryKeys,
  type TokenCache,
} from '../core';
import { credentialsMatch, type Credentials } from '../credentials/credentials';
import type { ProfileKeyCache } from '../credentials/profileKeyCache';
import type { ProfileTokenStore } from '../credentials/profileTokenStore';
import { endpointInputProblem, inputProblemText, projectIdInputProblem } from '../errors/inputProblems';
import { SetupError } from '../errors/setupError';
import { usesPassword, type Profile } from '../profiles/profile';

export interface ProfileClientOptions {
  timeoutMs: number;
  onRequest: (event: RequestEvent) => void;
  signal?: AbortSignal;
  /**
   * Where password profiles (and temporary ones signing in with a password) keep their IAM token, and
   * temporary and agency profiles their temporary keys, between runs; none for a profile not yet saved.
   */
  tokens?: ProfileTokenStore;
  /** Told the compute endpoint a service catalog named, for the tooltip and the log. */
  onEndpointFromCatalog?: (ecsEndpoint: string) => void;
  /**
   * An agency profile's source profile: the credentials given are the source's, and the agency is
   * assumed with them.
   */
  source?: Profile;
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
    const auth = toAuth(profile, credentials, options.source);
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
  const auth = toAuth(profile, credentials, options.source);
  // A temporary profile's password token too: the project lookup's token then buys its keys.
  const tokenCache =
    auth.type === 'password' || (auth.type === 'temporary' && 'password' in auth)
      ? options.tokens?.cacheFor(profile, auth.password, options.region)
      : undefined;
  const keyCache =
    auth.type === 'temporary' || auth.type === 'agency'
      ? options.tokens?.keyCacheFor(profile, credentials, options.source, options.region)
      : undefined;
  // An agency's project is looked up with its own temporary keys, which the client then signs with;
  // so is the project of temporary keys bought with permanent AK/SK (which need no project).
  const temporaryKeys =
    (auth.type === 'agency' || (auth.type === 'temporary' && 'accessKey' in auth)) && !profile.projectId
      ? createTemporaryKeys({
          auth,
          timeoutMs: options.timeoutMs,
          onRequest: options.onRequest,
          ...(keyCache ? { temporaryKeyCache: keyCache } : {}),
        })
      : undefined;
  const projectId =
    profile.projectId ??
    options.projectIds?.known() ??
    (await keptProjectId(keyCache)) ??
    (await projectIdFor(profile, auth, options, tokenCache, temporaryKeys));
  if (!profile.projectId) {
    options.projectIds?.found(projectId);
    void keyCache?.noteProjectId(projectId).catch(() => undefined);
  }
  return createEcsClient({
    endpoint: profile.ecsEndpoint,
    projectId,
    auth,
    timeoutMs: options.timeoutMs,
    onRequest: options.onRequest,
    ...(tokenCache ? { tokenCache } : {}),
    ...(keyCache ? { temporaryKeyCache: keyCache } : {}),
    ...(temporaryKeys ? { temporaryKeys } : {}),
  });
}

/** The project id kept with a profile's temporary keys; none when nothing is kept or there is no keyring. */
async function keptProjectId(keyCache: ProfileKeyCache | undefined): Promise<string | undefined> {
  try {
    return await keyCache?.projectId();
  } catch {
    return undefined;
  }
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

function toAuth(profile: Profile, credentials: Credentials, source: Profile | undefined): EcsAuth {
  if (profile.auth === 'aksk' && 'accessKey' in credentials) {
    return { type: 'aksk', ...credentials };
  }
  if (profile.auth === 'token' && 'token' in credentials) {
    return { type: 'token', token: credentials.token };
  }
  if (
    profile.auth === 'temporary' &&
    credentialsMatch('temporary', credentials) &&
    'accessKey' in credentials
  ) {
    // Permanent AK/SK buy the temporary keys at IAM; the profile needs no account or user.
    if (!profile.iamEndpoint) {
      throw new SetupError(
        'incompleteProfile',
        vscode.l10n.t(
          'Profile "{0}" gets temporary access keys with its permanent access key and needs an IAM endpoint (or region).',
          profile.name,
        ),
        profile.name,
      );
    }
    return {
      type: 'temporary',
      iamEndpoint: profile.iamEndpoint,
      accessKey: credentials.accessKey,
      secretKey: credentials.secretKey,
      ...(profile.durationSeconds !== undefined ? { durationSeconds: profile.durationSeconds } : {}),
    };
  }
  if (usesPassword(profile.auth) && 'password' in credentials) {
    const signIn = passwordSignIn(profile, credentials.password);
    return profile.auth === 'temporary'
      ? {
          type: 'temporary',
          ...signIn,
          ...(profile.durationSeconds !== undefined ? { durationSeconds: profile.durationSeconds } : {}),
        }
      : { type: 'password', ...signIn };
  }
  if (profile.auth === 'agency') return agencyAuth(profile, credentials, source);
  throw new SetupError(
    'missingCredentials',
    vscode.l10n.t('The stored credentials of profile "{0}" do not match its sign-in method.', profile.name),
    profile.name,
  );
}

function passwordSignIn(
  profile: Profile,
  password: string,
): { iamEndpoint: string; domain: string; domainId?: string; user: string; password: string } {
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
    iamEndpoint: profile.iamEndpoint,
    domain: profile.domain ?? '',
    ...(profile.domainId ? { domainId: profile.domainId } : {}),
    user: profile.user,
    password,
  };
}

/**
 * An agency profile acts with its source profile's password, token or AK/SK: a password signs in at
 * the source's own IAM endpoint (scoped to its own project), and the token or the keys (permanent,
 * or pasted temporary ones with their security token) assume the agency there.
 */
function agencyAuth(profile: Profile, credentials: Credentials, source: Profile | undefined): EcsAuth {
  const problem =
    !profile.agencyDomain || !profile.agencyName || !profile.sourceProfile
      ? vscode.l10n.t(
          'Profile "{0}" acts through an agency and needs "sourceProfile", "agencyDomain" and "agencyName".',
          profile.name,
        )
      : !source
        ? vscode.l10n.t(
            'Profile "{0}" acts through an agency with the credentials of profile "{1}", which does not exist.',
            profile.name,
            profile.sourceProfile,
          )
        : undefined;
  if (problem || !source || !profile.agencyDomain || !profile.agencyName) {
    throw new SetupError('incompleteProfile', problem ?? '', profile.name);
  }
  const agency = {
    agencyDomain: agencyDomainOf(profile.agencyDomain),
    agencyName: profile.agencyName,
    ...(profile.durationSeconds !== undefined ? { durationSeconds: profile.durationSeconds } : {}),
    ...(profile.sessionUser ? { sessionUser: profile.sessionUser } : {}),
  };
  if (source.auth === 'token' && 'token' in credentials) {
    if (!source.iamEndpoint) throw sourceNeeds(profile, source);
    return {
      type: 'agency',
      iamEndpoint: source.iamEndpoint,
      source: { type: 'token', token: credentials.token },
      ...agency,
    };
  }
  if ((source.auth === 'aksk' || source.auth === 'temporary') && 'accessKey' in credentials) {
    if (!source.iamEndpoint) throw sourceNeeds(profile, source);
    return {
      type: 'agency',
      iamEndpoint: source.iamEndpoint,
      source: { type: 'aksk', ...credentials },
      ...agency,
    };
  }
  if (usesPassword(source.auth) && 'password' in credentials) {
    const signIn = passwordSignIn(source, credentials.password);
    const scope = source.projectId
      ? { projectId: source.projectId }
      : { projectName: source.projectName ?? source.region ?? '' };
    if (!('projectId' in scope) && !scope.projectName) throw sourceNeeds(profile, source);
    return {
      type: 'agency',
      iamEndpoint: signIn.iamEndpoint,
      source: {
        type: 'password',
        domain: signIn.domain,
        user: signIn.user,
        password: signIn.password,
        ...scope,
      },
      ...agency,
    };
  }
  throw sourceNeeds(profile, source);
}

/** A source that cannot assume an agency: another agency, or one without its IAM endpoint (or project). */
function sourceNeeds(profile: Profile, source: Profile): SetupError {
  return new SetupError('incompleteProfile', agencySourceProblem(profile.name, source.name), profile.name);
}

/** What a profile must be to act as an agency's source, said for both profiles. */
export function agencySourceProblem(profileName: string, sourceName: string): string {
  return vscode.l10n.t(
    'Profile "{0}" acts through an agency with the credentials of profile "{1}", which must sign in with a password, a token or an access key (with its IAM endpoint or region; a password also with its project id or region).',
    profileName,
    sourceName,
  );
}

/** Huawei account ids are 32 hex characters; anything else is an account name. */
export function agencyDomainOf(domain: string): { id: string } | { name: string } {
  return /^[0-9a-f]{32}$/i.test(domain) ? { id: domain } : { name: domain };
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

/**
 * Password sign-in finds the project id with a token scoped by the region's name, AK/SK by listing
 * the projects the keys may use (`GET {iam}/v3/auth/projects`, signed), an agency the same way with
 * its temporary keys (the delegating account's projects), and so do temporary keys bought with
 * permanent AK/SK (which then sign nothing but the securitytokens request); a token must be told it.
 */
async function projectIdFor(
  profile: Profile,
  auth: EcsAuth,
  options: ProfileClientOptions,
  tokenCache: TokenCache | undefined,
  temporaryKeys: TemporaryKeys | undefined,
): Promise<string> {
  if (
    (auth.type === 'agency' || auth.type === 'temporary') &&
    temporaryKeys &&
    (profile.region || profile.projectName)
  ) {
    // Issued where the source signs in, so they are listed there too (IAM is a global service).
    return lookupProjectIdWithKeys({
      iamEndpoint: auth.iamEndpoint,
      temporaryKeys,
      region: profile.region ?? '',
      ...(profile.projectName ? { projectName: profile.projectName } : {}),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onRequest: options.onRequest,
    });
  }
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
  if (
    (auth.type === 'password' || (auth.type === 'temporary' && 'password' in auth)) &&
    (profile.region || profile.projectName)
  ) {
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
    auth.type === 'password' || auth.type === 'temporary' || auth.type === 'aksk' || auth.type === 'agency'
      ? vscode.l10n.t('Profile "{0}" needs a project id or a region to look it up from.', profile.name)
      : vscode.l10n.t('Profile "{0}" needs a project id.', profile.name),
    profile.name,
  );
}
