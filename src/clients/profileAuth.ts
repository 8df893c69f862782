import * as vscode from 'vscode';
import type { EcsAuth } from '../core';
import { credentialsMatch, type Credentials } from '../credentials/credentials';
import { SetupError } from '../errors/setupError';
import { usesPassword, type Profile } from '../profiles/profile';

/**
 * The core's auth for a profile and its stored secrets: which sign-in the profile names, with the
 * fields it needs, or a SetupError naming what to fix. An agency's credentials are its source's.
 */
export function profileAuth(
  profile: Profile,
  credentials: Credentials,
  source: Profile | undefined,
): EcsAuth {
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
