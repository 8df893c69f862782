/** Public shapes of the ECS metadata core. Keep this surface stable: outside tools drive it. */

export type AkSkAuth = { type: 'aksk'; accessKey: string; secretKey: string; securityToken?: string };
export type PasswordAuth = {
  type: 'password';
  iamEndpoint: string;
  domain: string;
  user: string;
  password: string;
};
export type TokenAuth = { type: 'token'; token: string };
export type EcsAuth = AkSkAuth | PasswordAuth | TokenAuth;

/** Which route family reads metadata: Nova `/v2.1`, native `/v1 cloudservers`, or Nova with native fallback. */
export type MetadataApi = 'auto' | 'nova' | 'native';

export interface EcsClientOptions {
  /** Base URL of ECS or any Nova-compatible compute API, e.g. https://ecs.cn-north-4.myhuaweicloud.com */
  endpoint: string;
  projectId: string;
  auth: EcsAuth;
  /** Per-request timeout; default 10 000 ms. */
  timeoutMs?: number;
  /** Attempts for idempotent GETs, the first included; default 3. */
  maxAttempts?: number;
  metadataApi?: MetadataApi;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ListServersOptions extends CallOptions {
  limit?: number;
  marker?: string;
  name?: string;
}

export interface ServerSummary {
  id: string;
  name: string;
  status?: string;
}

export interface ServerPage {
  servers: ServerSummary[];
  /** Present only when more servers remain. */
  nextMarker?: string;
}

export interface EcsClient {
  getMetadataItem(serverId: string, key: string, opts?: CallOptions): Promise<string>;
  listMetadata(serverId: string, opts?: CallOptions): Promise<Record<string, string>>;
  listServers(opts?: ListServersOptions): Promise<ServerPage>;
}
