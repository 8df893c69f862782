/** A connection profile: where the ECS API is, how to authenticate, which servers to show. */

export type AuthType = 'aksk' | 'password' | 'token' | 'temporary' | 'agency';

/** Every sign-in method, in the order settings and pickers list them. */
export const authTypes: readonly AuthType[] = ['aksk', 'password', 'token', 'temporary', 'agency'];

/**
 * Methods that send a password to IAM (`temporary` only to obtain temporary AK/SK, and only when its
 * stored credentials are a password rather than permanent AK/SK): both sign in at the IAM endpoint.
 */
export function usesPassword(auth: AuthType): auth is 'password' | 'temporary' {
  return auth === 'password' || auth === 'temporary';
}

/** Password sign-in (`password`, `temporary`) and the lifetime of temporary AK/SK. */
interface SignInFields {
  domain?: string;
  /** The user's domain by id (OpenStack `user_domain_id`), for clouds that give no domain name. */
  domainId?: string;
  user?: string;
  /** Lifetime of temporary AK/SK (`temporary`, `agency`), 900..86400 seconds; default 3600. */
  durationSeconds?: number;
}

/** The fields of an agency profile (`auth: "agency"`): whose credentials act, through which agency. */
export interface AgencyFields {
  /** The profile whose credentials assume the agency (password, temporary, token or AK/SK). */
  sourceProfile?: string;
  /** The delegating account, by name or by id (32 hex characters). */
  agencyDomain?: string;
  agencyName?: string;
  /** Shown in the delegating account's audit trail. */
  sessionUser?: string;
}

export interface ServerRef {
  id: string;
  name?: string;
  /** The server's region, in a profile of several regions; without it, the profile's first region. */
  region?: string;
}

/** One entry of the `ecsMetadata.profiles` setting, exactly as the user wrote it. */
interface ProfileSettingFields {
  name: string;
  region?: string;
  /** Several regions of one account: the tree shows profile → region → servers. Wins over `region`. */
  regions?: string[];
  ecsEndpoint?: string;
  iamEndpoint?: string;
  projectId?: string;
  /** Scopes password tokens when there is no project id (OpenStack `project_name`); default: the region. */
  projectName?: string;
  auth: AuthType;
  servers?: ServerRef[];
  discoverServers?: boolean;
}

export type ProfileSetting = ProfileSettingFields & SignInFields & AgencyFields;

/** A profile with its defaults filled in: endpoints from the region, empty server list, discovery on. */
export interface Profile extends SignInFields, AgencyFields {
  name: string;
  /** The profile's one region; undefined when it has none (endpoints only) or several (see `regions`). */
  region?: string;
  /**
   * Every region of the profile, in the order written: one for most profiles, none when only
   * endpoints are given. With several, `profileInRegion` gives the profile of each one.
   */
  regions: string[];
  /**
   * Empty when it comes from the service catalog (see `endpointFromCatalog`) or cannot be known; in a
   * profile of several regions, empty unless the setting names one (each region then has its own).
   */
  ecsEndpoint: string;
  /**
   * A password or token profile with its own IAM endpoint and no ECS endpoint (another cloud, an
   * imported clouds.yaml): the compute endpoint comes from the Keystone service catalog.
   */
  endpointFromCatalog: boolean;
  iamEndpoint: string;
  projectId?: string;
  projectName?: string;
  auth: AuthType;
  servers: ServerRef[];
  discoverServers: boolean;
}
