import * as vscode from 'vscode';
import {
  lookupProjectId,
  lookupProjectIdWithKeys,
  type CallOptions,
  type EcsAuth,
  type RequestOptions,
  type TemporaryKeys,
  type TokenCache,
} from '../core';
import type { ProfileKeyCache } from '../credentials/profileKeyCache';
import { SetupError } from '../errors/setupError';
import type { Profile } from '../profiles/profile';

/** The project id kept with a profile's temporary keys; none when nothing is kept or there is no keyring. */
export async function keptProjectId(keyCache: ProfileKeyCache | undefined): Promise<string | undefined> {
  try {
    return await keyCache?.projectId();
  } catch {
    return undefined;
  }
}

/**
 * Password sign-in finds the project id with a token scoped by the region's name, AK/SK by listing
 * the projects the keys may use (`GET {iam}/v3/auth/projects`, signed), an agency the same way with
 * its temporary keys (the delegating account's projects), and so do temporary keys bought with
 * permanent AK/SK (which then sign nothing but the securitytokens request); a token must be told it.
 */
export async function projectIdFor(
  profile: Profile,
  auth: EcsAuth,
  options: RequestOptions & CallOptions,
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
