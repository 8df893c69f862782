import * as vscode from 'vscode';
import { createEcsClient, createTemporaryKeys, type EcsClient, type RequestEvent } from '../core';
import type { Credentials } from '../credentials/credentials';
import type { ProfileTokenStore } from '../credentials/profileTokenStore';
import { SetupError } from '../errors/setupError';
import type { Profile } from '../profiles/profile';
import { endpointFromCatalog } from './catalogEndpoint';
import { profileAuth } from './profileAuth';
import { checkProfileInput } from './profileInputCheck';
import { keptProjectId, projectIdFor } from './profileProjectId';

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
 * ClientProvider cache) and for the test call of Add Profile before anything is saved. The parts:
 * the profile checked again (profileInputCheck), its auth (profileAuth), its compute endpoint from
 * the service catalog (catalogEndpoint) or its own, and its project id (profileProjectId).
 */
export async function createProfileClient(
  profile: Profile,
  credentials: Credentials,
  options: ProfileClientOptions,
): Promise<EcsClient> {
  if (profile.endpointFromCatalog) {
    checkProfileInput(profile);
    const auth = profileAuth(profile, credentials, options.source);
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
  const auth = profileAuth(profile, credentials, options.source);
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
