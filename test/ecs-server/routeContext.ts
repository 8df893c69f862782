/** What every route handler gets: the request, its parsed path, the state of the server, a reply. */
import type * as http from 'node:http';
import type { Reply } from './respond';
import type { ServerStore } from './serverStore';
import type { TemporaryCredentialStore } from './temporaryCredentials';
import type { TokenStore } from './tokenStore';
import type { EcsServerCredentials, FaultSwitches } from './types';

/** One region of the account: its project and its servers. */
export interface RegionProject {
  projectId: string;
  region: string;
  store: ServerStore;
}

/**
 * `projectId`, `region` and `store` are those of the project a request is scoped to (the first
 * region's for IAM routes and before authentication); `regions` holds every region, first first.
 */
export interface ServerState extends RegionProject {
  regions: readonly RegionProject[];
  credentials: EcsServerCredentials;
  tokens: TokenStore;
  /** Temporary AK/SK issued by the securitytokens route. */
  temporary: TemporaryCredentialStore;
  faults: FaultSwitches;
  /** Base URL for links, e.g. http://127.0.0.1:40123 */
  baseUrl(): string;
}

export interface RouteContext {
  req: http.IncomingMessage;
  reply: Reply;
  state: ServerState;
  /** Path segments after the leading `/`, each percent-decoded once. */
  segments: string[];
  rawPath: string;
  rawQuery: string;
  /** Query decoded once; for repeated names the last one wins. */
  query: Map<string, string>;
  /** Request body as text (POST only; empty otherwise). */
  body: string;
}

/**
 * A matched route. `scope` says what credentials it needs (`none` for the token route itself);
 * `projectId` is the one in the URL, checked against the caller's after authentication.
 */
export interface Route {
  scope: 'project' | 'global' | 'none';
  projectId?: string;
  /** Shape of the 400 for a URL project that is not the caller's: Nova or Huawei native. */
  family?: 'nova' | 'native';
  handle(context: RouteContext): void;
}
