/** Public shapes of the ECS metadata core. Keep this surface stable: outside tools drive it. */
import type { EcsErrorKind } from './errors';
import type { TemporaryKeyCache } from './temporaryKeyCache';
import type { TokenCache } from './tokenCache';

export type AkSkAuth = {
  type: 'aksk';
  accessKey: string;
  secretKey: string;
  securityToken?: string;
  /**
   * When the pasted temporary AK/SK and security token expire (ISO 8601, as `expires_at`): calls
   * after it fail at once with an `auth` error marked `expired`, without a request.
   */
  securityTokenExpiresAt?: string;
};
export type PasswordAuth = {
  type: 'password';
  iamEndpoint: string;
  /** The user's domain (account) by name; may be empty when `domainId` names it. */
  domain: string;
  /** The user's domain by id (OpenStack `user_domain_id`); used instead of the name when given. */
  domainId?: string;
  user: string;
  password: string;
};
export type TokenAuth = { type: 'token'; token: string };
/**
 * Temporary AK/SK from `POST {iam}/v3.0/OS-CREDENTIAL/securitytokens` sign the API calls; renewed
 * before they expire. They are bought with a stored password (its IAM token asks for them) or with
 * permanent AK/SK (`TemporaryKeyAuth`: the securitytokens request is signed with them). Either way
 * the long-lived secret never travels with API calls. `durationSeconds` 900..86400, default 3600.
 */
export type TemporaryAuth = TemporaryPasswordAuth | TemporaryKeyAuth;
/** Temporary AK/SK bought with a password sign-in (the fields of `PasswordAuth`). */
export type TemporaryPasswordAuth = Omit<PasswordAuth, 'type'> & {
  type: 'temporary';
  durationSeconds?: number;
};
/**
 * Temporary AK/SK bought with the user's permanent AK/SK (no security token), which sign only the
 * securitytokens request at `iamEndpoint` (a global service: no `X-Project-Id`).
 */
export type TemporaryKeyAuth = {
  type: 'temporary';
  iamEndpoint: string;
  accessKey: string;
  secretKey: string;
  durationSeconds?: number;
};
/**
 * Acts through an IAM agency: the source credentials ask for temporary AK/SK of the delegating
 * account with `securitytokens` method `assume_role` — a password is first exchanged for a token
 * (scoped to the source's own project), a token is sent as it is, AK/SK sign the request — and
 * those keys sign the API calls; renewed before they expire. The source user needs the Agent
 * Operator role in the delegating account.
 */
export type AgencyAuth = {
  type: 'agency';
  /** The IAM endpoint the source credentials sign in to and the agency is assumed at. */
  iamEndpoint: string;
  source:
    | {
        type: 'password';
        domain: string;
        user: string;
        password: string;
        /** The source token's scope: its project id, or else its project name (the region on Huawei Cloud). */
        projectId?: string;
        projectName?: string;
      }
    | TokenAuth
    /**
     * The source user's AK/SK: permanent keys, or temporary ones with their security token (IAM takes
     * those for `assume_role` too; their known expiry is checked before the request).
     */
    | AkSkAuth;
  /** The delegating account, by name or by id. */
  agencyDomain: { name: string } | { id: string };
  agencyName: string;
  /** 900..86400, default 3600. */
  durationSeconds?: number;
  /** Shown as the session user in the delegating account's audit trail. */
  sessionUser?: string;
};
export type EcsAuth = AkSkAuth | PasswordAuth | TokenAuth | TemporaryAuth | AgencyAuth;

/** Which route family reads metadata: Nova `/v2.1`, native `/v1 cloudservers`, or Nova with native fallback. */
export type MetadataApi = 'auto' | 'nova' | 'native';

/**
 * One HTTP attempt, reported after it ends. Carries no header values, bodies or query strings,
 * so it can be logged as is.
 */
export interface RequestEvent {
  method: string;
  /** Path only (percent-encoded as sent), never the query. */
  path: string;
  /** HTTP status when an answer arrived. */
  status?: number;
  durationMs: number;
  requestId?: string;
  /** 1 for the first attempt of a call, 2 for its first retry, ... */
  attempt: number;
  /** Set when the attempt failed. */
  error?: EcsErrorKind;
  /** Set when another attempt follows after this many milliseconds. */
  retryInMs?: number;
}

/** What every part of the core that sends requests takes: the limit, the listener, the User-Agent, the clock. */
export interface RequestOptions {
  /**
   * Time limit of each attempt, from its start (waiting for a free connection included) to the last
   * byte of the answer; default 10 000 ms.
   */
  timeoutMs?: number;
  /** Called after every HTTP attempt (API and IAM); safe to log. Exceptions it throws are ignored. */
  onRequest?: (event: RequestEvent) => void;
  /** Sent as User-Agent; default `ecs-metadata-explorer-core`. */
  userAgent?: string;
  /** Clock for signatures and token expiry. Tests only. */
  now?: () => Date;
}

export interface EcsClientOptions extends RequestOptions {
  /** Base URL of ECS or any Nova-compatible compute API, e.g. https://ecs.cn-north-4.myhuaweicloud.com */
  endpoint: string;
  projectId: string;
  auth: EcsAuth;
  /** Attempts for idempotent GETs, the first included; default 3. */
  maxAttempts?: number;
  /** Longest one call may take, every attempt and the waits between them included; default timeoutMs × maxAttempts. */
  deadlineMs?: number;
  metadataApi?: MetadataApi;
  /** Largest response body accepted, in bytes; default 16 MiB. */
  maxResponseBytes?: number;
  /**
   * Password auth, and temporary auth signing in with a password (the token that buys the temporary
   * keys): where the IAM token is kept between clients (and runs), so a new client reuses it until
   * shortly before it expires. Keep it per profile, endpoints, user and credentials.
   */
  tokenCache?: TokenCache;
  /**
   * Temporary and agency auth: where the temporary AK/SK are kept between clients (and runs), so a
   * new client signs with them until shortly before they expire. Keep them per profile and per
   * everything they were issued for (endpoints, user, stored secret, agency, region); they are secret.
   */
  temporaryKeyCache?: TemporaryKeyCache;
  /**
   * Keys made by `createTemporaryKeys` for this same `auth` (and shared, e.g., with the lookup of
   * the project): the client signs with them instead of making its own.
   */
  temporaryKeys?: TemporaryKeys;
}

/**
 * Temporary AK/SK made once and shared — a client and the lookup of its project sign with the same
 * keys, so they cost one securitytokens request. `longLived`: the secrets they are obtained with.
 */
export interface TemporaryKeys {
  readonly type: 'temporary' | 'agency';
  readonly provider: TemporaryKeySource;
  readonly longLived: readonly string[];
}

/**
 * Where temporary AK/SK come from (a `TemporaryCredentialProvider`): the current set, and dropping
 * one a service refused.
 */
export interface TemporaryKeySource {
  getKey(signal?: AbortSignal): Promise<{ accessKey: string; secretKey: string; securityToken: string }>;
  invalidate(accessKey: string): void;
}

/** What `createTemporaryKeys` needs: the auth, and the limits of its IAM requests. */
export interface TemporaryKeysOptions extends RequestOptions {
  auth: TemporaryAuth | AgencyAuth;
  /**
   * Needed for `temporary` with a password (its token is scoped to it); not with permanent AK/SK, and an
   * agency's may still be unknown.
   */
  projectId?: string;
  maxResponseBytes?: number;
  temporaryKeyCache?: TemporaryKeyCache;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ListServersOptions extends CallOptions {
  limit?: number;
  marker?: string;
  /** Server-side name filter (a substring match on ECS). */
  name?: string;
  /** Server-side status filter, e.g. ACTIVE or SHUTOFF. */
  status?: string;
  /** Keep each server's inline `metadata` in the answer (off by default: a tree page needs none). */
  withMetadata?: boolean;
}

export interface ServerSummary {
  id: string;
  name: string;
  status?: string;
  /** The server's metadata, only when listed `withMetadata`. */
  metadata?: Record<string, string>;
}

export interface ServerPage {
  servers: ServerSummary[];
  /** Present only when more servers remain. */
  nextMarker?: string;
}

/** A metadata value with the facts a person may need to report it. */
export interface MetadataRead {
  value: string;
  requestId?: string;
  /** The route family that answered. */
  api: 'nova' | 'native';
}

/** What a successful write reports. */
export interface WriteReceipt {
  requestId?: string;
  /** The route family that took the write. */
  api: 'nova' | 'native';
  /**
   * A delete only: true when an attempt whose answer was lost had already removed the key (the
   * retry then answered 404), so the call still succeeded.
   */
  doneEarlier?: boolean;
}

export interface EcsClient {
  getMetadataItem(serverId: string, key: string, opts?: CallOptions): Promise<string>;
  listMetadata(serverId: string, opts?: CallOptions): Promise<Record<string, string>>;
  listServers(opts?: ListServersOptions): Promise<ServerPage>;
  /** Like getMetadataItem, with the request id and the route family that answered. */
  readMetadataItem(serverId: string, key: string, opts?: CallOptions): Promise<MetadataRead>;
  /** Name and status of one server: `GET /v2.1/{project_id}/servers/{server_id}`. */
  getServer(serverId: string, opts?: CallOptions): Promise<ServerSummary>;
  /** Sets one key: `PUT …/metadata/{key}` with `{"meta": {key: value}}` (native: a one-key merge). */
  setMetadataItem(serverId: string, key: string, value: string, opts?: CallOptions): Promise<WriteReceipt>;
  /** Removes one key: `DELETE …/metadata/{key}`; a key that is not there is `keyNotFound`. */
  deleteMetadataItem(serverId: string, key: string, opts?: CallOptions): Promise<WriteReceipt>;
  /**
   * Merges keys: `POST …/metadata` with `{"metadata": {...}}`; keys not given stay as they are.
   * Resolves to every key of the server after the merge. The replace-all `PUT …/metadata` is never sent.
   */
  updateMetadata(
    serverId: string,
    metadata: Record<string, string>,
    opts?: CallOptions,
  ): Promise<Record<string, string>>;
}

export interface RegionEndpoints {
  ecsEndpoint: string;
  iamEndpoint: string;
}

/** What finds a region's project, whatever the credentials: where, which project, and the call's limits. */
interface RegionProjectQuery extends RequestOptions, CallOptions {
  iamEndpoint: string;
  /** Region id, which is also the name of the region's default project on Huawei Cloud. */
  region: string;
  /** The project's name when it is not the region (OpenStack `project_name`). */
  projectName?: string;
}

export interface ProjectLookupOptions extends RegionProjectQuery {
  domain: string;
  /** The user's domain by id, instead of the name. */
  domainId?: string;
  user: string;
  password: string;
  /** The password client's token cache: a kept token scoped to the region's project answers without a request. */
  tokenCache?: TokenCache;
}

/**
 * The project id of a region for AK/SK: `GET {iam}/v3/auth/projects`, signed, the project named after
 * the region. Signed with `auth`, or with temporary keys a client shares (`createTemporaryKeys`) —
 * an agency's keys list the delegating account's projects.
 */
export interface KeyProjectLookupOptions extends RegionProjectQuery {
  auth?: AkSkAuth;
  temporaryKeys?: TemporaryKeys;
}

export interface EndpointDiscoveryOptions extends RequestOptions, CallOptions {
  /** Keystone / IAM endpoint, without `/v3`. */
  iamEndpoint: string;
  auth: Omit<PasswordAuth, 'iamEndpoint'> | TokenAuth;
  projectId?: string;
  /** Scopes a password token when there is no project id (OpenStack `project_name`). */
  projectName?: string;
  /** Picks the catalog's endpoint; also the project name on Huawei Cloud when neither is set. */
  region?: string;
}

export interface DiscoveredEndpoint {
  /** The compute endpoint without `/v2.1[/{project_id}]`. */
  ecsEndpoint: string;
  projectId: string;
}
