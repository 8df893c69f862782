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
  ecsEndpoint: string;
  iamEndpoint: string;
  projectId?: string;
  auth: AuthType;
  domain?: string;
  user?: string;
  servers: ServerRef[];
  discoverServers: boolean;
}
