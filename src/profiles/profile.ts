/** A connection profile: where the ECS API is, how to authenticate, which servers to show. */

export type AuthType = 'aksk' | 'password' | 'token';

export interface ServerRef {
  id: string;
  name?: string;
  /** The server's region, in a profile of several regions; without it, the profile's first region. */
  region?: string;
}

/** One entry of the `ecsMetadata.profiles` setting, exactly as the user wrote it. */
export interface ProfileSetting {
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
  domain?: string;
  /** The user's domain by id (OpenStack `user_domain_id`), for clouds that give no domain name. */
  domainId?: string;
  user?: string;
  servers?: ServerRef[];
  discoverServers?: boolean;
}

/** A profile with its defaults filled in: endpoints from the region, empty server list, discovery on. */
export interface Profile {
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
  domain?: string;
  domainId?: string;
  user?: string;
  servers: ServerRef[];
  discoverServers: boolean;
}
