/** A connection profile: where the ECS API is, how to authenticate, which servers to show. */

export type AuthType = 'aksk' | 'password' | 'token';

export interface ServerRef {
  id: string;
  name?: string;
}

/** One entry of the `ecsMetadata.profiles` setting, exactly as the user wrote it. */
export interface ProfileSetting {
  name: string;
  region?: string;
  ecsEndpoint?: string;
  iamEndpoint?: string;
  projectId?: string;
  /** Scopes password tokens when there is no project id (OpenStack `project_name`); default: the region. */
  projectName?: string;
  auth: AuthType;
  domain?: string;
  user?: string;
  servers?: ServerRef[];
  discoverServers?: boolean;
}

/** A profile with its defaults filled in: endpoints from the region, empty server list, discovery on. */
export interface Profile {
  name: string;
  region?: string;
  /** Empty when it comes from the service catalog (see `endpointFromCatalog`) or cannot be known. */
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
  user?: string;
  servers: ServerRef[];
  discoverServers: boolean;
}
