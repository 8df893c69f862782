/** Public shapes of the local ECS-compatible server: what tests, the runners and benchmarks drive. */

export interface SeedServer {
  id: string;
  name: string;
  status: string;
  metadata: Record<string, string>;
}

/** One region of the account: its own project and servers. */
export interface SeedRegion {
  projectId: string;
  region: string;
  servers: SeedServer[];
}

/** The first region, and any further regions of the same account (a profile of several regions). */
export interface SeedData extends SeedRegion {
  otherRegions?: SeedRegion[];
}

export interface EcsServerOptions {
  /** Path to a JSON seed, or the seed itself; default `test/ecs-server/sample-servers.json` of the package. */
  seed?: string | SeedData;
  /** Default 0 (ephemeral). */
  port?: number;
  /**
   * A loopback address to listen on, default 127.0.0.1. Another one (127.0.0.2…) is a host VS Code
   * does not treat as local: its proxy support then replaces the extension's agent.
   */
  host?: string;
  /** Serve HTTPS with this key and certificate (PEM) instead of HTTP. */
  tls?: { key: string; cert: string };
  /** The server never writes to the console; kept for callers that pass it. */
  quiet?: boolean;
}

/**
 * Fault switches. Counters are one-shot: each affected request uses up one. They apply to ECS API
 * routes only (`/v2.1`, `/v1` and unknown routes); IAM routes (`/v3`) only get `latencyMs` and the
 * `iam…` switches, so a test of, say, retries on 503 is not muddled by the token request also failing.
 */
export interface FaultSwitches {
  /** Added before every answer (API and IAM). */
  latencyMs: number;
  /**
   * Next `count` API requests answer 429 `APIGW.0308` (with `Retry-After` when given); with `every`,
   * only every `every`-th API request is throttled until `count` is used up (a cloud throttling 1 in n).
   */
  throttle: { count: number; retryAfterSeconds?: number; every?: number; seen?: number };
  /** Next `count` API requests answer that status. */
  serverError: { count: number; status: 500 | 502 | 503 | 504 };
  /** Next `count` requests: socket destroyed without an answer. */
  reset: { count: number };
  /** Next `count` answers: 200 with truncated JSON. */
  malformedJson: { count: number };
  /** Next `count` answers: 502 text/html gateway page. */
  htmlError: { count: number };
  /** Next `count` answers: 200 JSON body of `bytes` bytes. */
  oversizedBody: { count: number; bytes: number };
  /** Nova `/v2.1/{pid}/servers/{id}/metadata[/{key}]` answer 404 `APIGW.0101`, as if unpublished. */
  novaGone: boolean;
  /** Next `count` requests are never answered (until the client gives up or the server closes). */
  hang: { count: number };
  /**
   * Next `count` metadata writes (of `method` only, when given) that pass authentication, task state
   * and server checks answer 500 without writing: a partial failure in the middle of several writes.
   */
  failWrites: { count: number; method?: 'PUT' | 'POST' | 'DELETE' };
  /** Next `count` metadata writes are done, then the connection is dropped without an answer. */
  loseWriteAnswers: { count: number };
  /** Every API request is never answered (a gateway that has gone silent). */
  silent: boolean;
  /**
   * Wire shapes a real gateway produces; they apply to every answer, API and IAM alike, because they
   * are ordinary HTTP, not faults. `chunked`: `Transfer-Encoding: chunked`, the body written in pieces.
   */
  chunked: boolean;
  /** The body gzip-compressed when the request offers gzip in `Accept-Encoding`. */
  gzip: boolean;
  /** Each connection is closed right after its answer, without `Connection: close` (so the client expects to reuse it). */
  dropConnections: boolean;
  /** Next `count` API answers: 200 headers and the start of the body, then nothing more. */
  stallBody: { count: number };
  /** Next `count` API answers: 200 headers, then one byte of body every 50 ms, forever. */
  trickleBody: { count: number };
  /** Next `count` API answers: 200 with a chunked body that never ends, written as fast as the client reads. */
  endlessBody: { count: number };
  /**
   * Next `count` API requests answer 500 in the gateway shape with hostile text: a `request_id` with
   * line breaks that would forge log lines, a 10 000-character `error_code` with control characters,
   * and an `error_msg` with bidi overrides that quotes the caller's `X-Auth-Token`.
   */
  hostileErrorText: { count: number };
  /** Next `count` API requests answer `status` with this `Location` header, verbatim (it may not be a URL). */
  redirect: { count: number; status: 301 | 302 | 307 | 308; location: string };
  /**
   * What an IAM token says about its project: `scoped` (the project asked for), `omitted` (no
   * project in the body, as some Keystone deployments answer) or `otherRegion` (a project of
   * another name, as a misbehaving IAM might).
   */
  iamTokenProject: 'scoped' | 'omitted' | 'otherRegion';
  /**
   * `GET /v3/projects`: `filtered` (honours `?name=`), `forbidden` (403, a sub-user without
   * `iam:projects:list`) or `otherRegions` (ignores the filter and lists only other regions' projects).
   */
  iamProjectList: 'filtered' | 'forbidden' | 'otherRegions';
  /**
   * The agencies other accounts delegate to this account's user, for `securitytokens` method
   * `assume_role` (default: `LOCAL_AGENCY`). Any other agency answers 404 "Could not find agency".
   */
  iamAgencies: LocalAgency[];
  /** Whether the user holds the Agent Operator role in the delegating accounts; false: assume_role answers 403. */
  iamAgentOperator: boolean;
}

/** An agency of a delegating account, found by account name or id and agency name. */
export interface LocalAgency {
  domainName: string;
  domainId: string;
  name: string;
}

export interface RecordedRequest {
  method: string;
  /** The raw path as received (still percent-encoded), without the query. */
  path: string;
  /** The raw query without `?`; empty when none. */
  query: string;
  /** Lower-case names, values as received (secrets included: this log is for tests, never printed). */
  headers: Record<string, string>;
  /** Status answered; 0 while unanswered or when the socket was destroyed without an answer. */
  status: number;
  /** Id of the TCP connection, 1 for the first accepted. */
  connectionId: number;
  /** True once the client closed the connection before an answer was sent (it gave up or aborted). */
  abandoned: boolean;
  /** The request body exactly as received (empty for bodiless requests). */
  body: string;
}

export interface EcsServerCredentials {
  /** Permanent AK/SK. */
  accessKey: string;
  secretKey: string;
  /** Temporary AK/SK; requests must carry (and sign) `X-Security-Token`. */
  temporary: { accessKey: string; secretKey: string; securityToken: string };
  /** IAM password auth; the domain may be named by `domain` or by `domainId`. */
  domain: string;
  domainId: string;
  user: string;
  password: string;
  /** A static token that is always valid, even after `expireTokens()`. */
  token: string;
}

export interface EcsServerHandle {
  /** e.g. http://127.0.0.1:40123 (https:// when started with `tls`) */
  url: string;
  port: number;
  projectId: string;
  region: string;
  credentials: EcsServerCredentials;
  /** Every region the server answers for, the seed's first region first. */
  regions: { region: string; projectId: string }[];
  /** The seed the server started from (a copy): server ids and names for tests and runners. */
  seed: SeedData;
  /** Live object: tests mutate it or call `setFaults`. */
  faults: FaultSwitches;
  setFaults(partial: Partial<FaultSwitches>): void;
  resetFaults(): void;
  /** Every token issued so far (not the static one) now gets 401; new logins still work. */
  expireTokens(): void;
  /** Every request received (API and IAM, not `/__control`), in order. */
  requests: RecordedRequest[];
  clearRequests(): void;
  /** TCP connections accepted so far. */
  connectionsOpened(): number;
  /**
   * Connections still open on which the server holds an unfinished answer (hang, silent, stallBody,
   * trickleBody, endlessBody): a client that gave up but kept its socket shows up here.
   */
  heldConnections(): number;
  setMetadata(serverId: string, key: string, value: string): void;
  deleteMetadata(serverId: string, key: string): void;
  /** A copy of the server's metadata as stored now. */
  metadataOf(serverId: string): Record<string, string>;
  /** Puts the server in a task state (`resize_migrating`…): writes answer 409 naming it; undefined ends it. */
  setTaskState(serverId: string, taskState: string | undefined): void;
  /** The server's `metadata_items` quota (default 128); undefined restores the default. */
  setMetadataQuota(serverId: string, quota: number | undefined): void;
  /** Appends `count` servers named `{namePrefix}-00001`…, for scale tests and benchmarks. */
  addServers(count: number, namePrefix?: string): void;
  close(): Promise<void>;
}
