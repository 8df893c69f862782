import type { ConnectionReport } from '../../clients/connectionTest';
import type { Credentials } from '../../credentials/credentials';
import {
  credentialsOf,
  secretKindOf,
  type SecretAnswers,
  type SecretKind,
  type TemporarySource,
} from '../../credentials/promptCredentials';
import { usesPassword, type AuthType, type ProfileSetting, type ServerRef } from '../../profiles/profile';

export interface ProfileInput {
  profile: ProfileSetting;
  /** None for an agency profile, which acts with its source profile's credentials. */
  credentials: Credentials | undefined;
}

/** What the user answered so far in Add Profile; kept across Back, so each step shows its last answer. */
export interface ProfileAnswers extends SecretAnswers {
  name?: string;
  /** A Huawei Cloud region id, or undefined for another OpenStack-compatible cloud. */
  region?: string;
  otherCloud?: boolean;
  ecsEndpoint?: string;
  auth?: AuthType;
  /** What obtains a temporary profile's keys: its password (the default) or a permanent AK/SK. */
  temporarySource?: TemporarySource;
  iamEndpoint?: string;
  domain?: string;
  user?: string;
  projectId?: string;
  sourceProfile?: string;
  agencyDomain?: string;
  agencyName?: string;
  report?: ConnectionReport;
  byId?: boolean;
  serverIds?: string;
}

/**
 * The secrets the answers ask for: none for an agency; AK/SK (the answer Enter gives) while the
 * sign-in method is not chosen yet.
 */
export function secretKindOfAnswers(a: ProfileAnswers): SecretKind | undefined {
  if (a.auth === 'agency') return undefined;
  return secretKindOf(a.auth ?? 'aksk', a.temporarySource);
}

/** True for a temporary profile whose keys a permanent AK/SK obtains (no account or user). */
export function buysKeysWithKeys(a: ProfileAnswers): boolean {
  return a.auth === 'temporary' && a.temporarySource === 'keys';
}

/** The settings entry and secrets the answers make (secrets never go into the entry). */
export function profileInputOf(a: ProfileAnswers): ProfileInput {
  const auth = a.auth ?? 'aksk';
  const profile: ProfileSetting = { name: a.name ?? '', auth, discoverServers: !a.byId };
  if (a.otherCloud) profile.ecsEndpoint = a.ecsEndpoint;
  else profile.region = a.region;
  if (usesPassword(auth)) {
    if (a.otherCloud) profile.iamEndpoint = a.iamEndpoint;
    if (!buysKeysWithKeys(a)) {
      profile.domain = a.domain;
      profile.user = a.user;
    }
  }
  if (auth === 'agency') {
    profile.sourceProfile = a.sourceProfile;
    profile.agencyDomain = a.agencyDomain;
    profile.agencyName = a.agencyName;
  }
  if (a.projectId) profile.projectId = a.projectId;
  if (a.byId) {
    const servers: ServerRef[] = serverIdsOf(a.serverIds ?? '').map((id) => ({ id }));
    if (servers.length > 0) profile.servers = servers;
  }
  const kind = secretKindOfAnswers(a);
  return { profile, credentials: kind ? credentialsOf(kind, a) : undefined };
}

export function serverIdsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}
