/** Shared setup of the core tests: a real local ECS-compatible server per suite, and clients for it. */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createEcsClient,
  createTemporaryKeys,
  destroyAgents,
  lookupProjectIdWithKeys,
  type AgencyAuth,
  type EcsAuth,
  type EcsClient,
  type EcsClientOptions,
  type PasswordAuth,
  type TemporaryAuth,
  type TemporaryKeys,
  type TemporaryKeysOptions,
} from '../../src/core';
import { LOCAL_AGENCY, startEcsServer, type EcsServerHandle, type RecordedRequest } from '../ecs-server';

/** Servers of the default seed (test/ecs-server/sample-servers.json). */
export const WEB_01 = '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11';
export const UNKNOWN_SERVER = '00000000-0000-4000-8000-000000000000';

export type AuthType = 'aksk' | 'temporary' | 'token' | 'password';
export const AUTH_TYPES: AuthType[] = ['aksk', 'temporary', 'token', 'password'];

/**
 * Starts one server for the enclosing suite; faults and the request log are reset before each test.
 * `freshAgents`: every test starts without pooled connections, and none are left after the suite.
 */
export function useEcsServer(options: { freshAgents?: boolean } = {}): () => EcsServerHandle {
  let server: EcsServerHandle | undefined;
  before(async () => {
    server = await startEcsServer({ quiet: true });
  });
  after(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server?.resetFaults();
    server?.clearRequests();
  });
  if (options.freshAgents) {
    beforeEach(() => destroyAgents());
    after(() => destroyAgents());
  }
  return () => {
    if (!server) throw new Error('the ECS server has not started');
    return server;
  };
}

/** The server's credentials as `auth`; a password signs in at `iamEndpoint` (default: the server itself). */
export function authFor(server: EcsServerHandle, type: AuthType, iamEndpoint = server.url): EcsAuth {
  const c = server.credentials;
  switch (type) {
    case 'aksk':
      return { type: 'aksk', accessKey: c.accessKey, secretKey: c.secretKey };
    case 'temporary':
      return { type: 'aksk', ...c.temporary };
    case 'token':
      return { type: 'token', token: c.token };
    case 'password':
      return {
        type: 'password',
        iamEndpoint,
        domain: c.domain,
        user: c.user,
        password: c.password,
      };
  }
}

/** Every secret the server's credentials hold, for leak checks. */
export function secretsOf(server: EcsServerHandle): string[] {
  const c = server.credentials;
  return [c.secretKey, c.temporary.secretKey, c.temporary.securityToken, c.password, c.token];
}

/** The server's user signing in with a password at the server itself, `extra` overriding. */
export function passwordAuth(server: EcsServerHandle, extra: Partial<PasswordAuth> = {}): PasswordAuth {
  return { ...(authFor(server, 'password') as PasswordAuth), ...extra };
}

/** A client for the server's project and endpoint that signs with `auth`. */
export function clientWith(
  server: EcsServerHandle,
  auth: EcsAuth,
  options: Partial<EcsClientOptions> = {},
): EcsClient {
  return createEcsClient({ endpoint: server.url, projectId: server.projectId, auth, ...options });
}

export function clientFor(
  server: EcsServerHandle,
  overrides: Partial<EcsClientOptions> & { authType?: AuthType; iamEndpoint?: string } = {},
): EcsClient {
  const { authType = 'aksk', iamEndpoint, ...rest } = overrides;
  return clientWith(server, authFor(server, authType, iamEndpoint), rest);
}

/**
 * A read whose temporary keys expired: the 401, the securitytokens request refused with the old
 * token, a fresh token, fresh keys, and the read again.
 */
export const KEYS_RENEWED_AFTER_401 = [
  'GET v2.1 401',
  'POST v3.0 401',
  'POST v3 201',
  'POST v3.0 201',
  'GET v2.1 200',
];

/**
 * Reads WEB_01's owner once, expires every token and key the server issued, and reads again: the
 * second read's value and its requests as `METHOD version STATUS`.
 */
export async function readAcrossExpiry(
  server: EcsServerHandle,
  client: EcsClient,
): Promise<{ owner: string; routes: string[] }> {
  await client.getMetadataItem(WEB_01, 'owner');
  server.expireTokens();
  server.clearRequests();
  const owner = await client.getMetadataItem(WEB_01, 'owner');
  return { owner, routes: routes(server) };
}

/** Requests that reached the API (IAM token and project routes left out). */
export function apiRequests(server: EcsServerHandle): { method: string; path: string; status: number }[] {
  return server.requests.filter((r) => !r.path.startsWith('/v3/'));
}

export function iamTokenRequests(server: EcsServerHandle): number {
  return server.requests.filter((r) => r.method === 'POST' && r.path === '/v3/auth/tokens').length;
}

/** The `POST …/OS-CREDENTIAL/securitytokens` requests (temporary keys, `token` or `assume_role`). */
export function securityTokenRequests(server: EcsServerHandle): RecordedRequest[] {
  return server.requests.filter(
    (r) => r.method === 'POST' && r.path === '/v3.0/OS-CREDENTIAL/securitytokens',
  );
}

/** Every request in order as `METHOD version STATUS`, e.g. `POST v3.0 201`. */
export function routes(server: EcsServerHandle): string[] {
  return server.requests.map((r) => `${r.method} ${r.path.split('/')[1]} ${r.status}`);
}

/** Temporary keys bought with the server's user's password. */
export function temporaryAuth(server: EcsServerHandle): TemporaryAuth {
  return { ...passwordAuth(server), type: 'temporary', durationSeconds: 900 };
}

/** The local agency, assumed by a password source signing in with the server's credentials. */
export function agencyAuth(server: EcsServerHandle, extra: Partial<AgencyAuth> = {}): AgencyAuth {
  const c = server.credentials;
  return {
    type: 'agency',
    iamEndpoint: server.url,
    source: {
      type: 'password',
      domain: c.domain,
      user: c.user,
      password: c.password,
      projectName: server.region,
    },
    agencyDomain: { name: LOCAL_AGENCY.domainName },
    agencyName: LOCAL_AGENCY.name,
    durationSeconds: 900,
    ...extra,
  };
}

/** The region's project, looked up with `keys` as a profile without a project id does. */
export function projectWithKeys(server: EcsServerHandle, keys: TemporaryKeys): Promise<string> {
  return lookupProjectIdWithKeys({ iamEndpoint: server.url, temporaryKeys: keys, region: server.region });
}

/** Keys made from `options` find the region's project; a client signing with the same keys reads WEB_01's owner. */
export async function readWithProjectLookedUp(
  server: EcsServerHandle,
  options: TemporaryKeysOptions,
): Promise<{ projectId: string; owner: string | undefined }> {
  const keys = createTemporaryKeys(options);
  const projectId = await projectWithKeys(server, keys);
  const client = createEcsClient({
    endpoint: server.url,
    projectId,
    auth: options.auth,
    temporaryKeys: keys,
  });
  return { projectId, owner: await client.getMetadataItem(WEB_01, 'owner') };
}

/** 50 concurrent first reads of WEB_01's env through `client`; fails unless every one read "production". */
export async function readFiftyAtOnce(client: EcsClient): Promise<void> {
  const values = await Promise.all(Array.from({ length: 50 }, () => client.getMetadataItem(WEB_01, 'env')));
  assert.ok(values.every((v) => v === 'production'));
}

/**
 * Reads WEB_01's owner once at each of `minutesOn` (minutes from now, on the clock `makeClient` is
 * given) and counts the securitytokens requests after each read.
 */
export async function securityTokensAfterReadsAt(
  server: EcsServerHandle,
  makeClient: (now: () => Date) => EcsClient,
  minutesOn: number[],
): Promise<number[]> {
  let offset = 0;
  const client = makeClient(() => new Date(Date.now() + offset));
  const counts: number[] = [];
  for (const minutes of minutesOn) {
    offset = minutes * 60_000;
    await client.getMetadataItem(WEB_01, 'owner');
    counts.push(securityTokenRequests(server).length);
  }
  return counts;
}

/** Resolves to the rejection of `promise`; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export interface AdHocServer {
  url: string;
  hits: number;
  close(): Promise<void>;
}

/** A tiny server on 127.0.0.1 that answers every request the same way, for shapes the ECS server has no switch for. */
export async function startAdHocServer(
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<AdHocServer> {
  const state = { hits: 0 };
  const server = http.createServer((req, res) => {
    state.hits++;
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers a Keystone sign-in: 201, the token in X-Subject-Token, a token that expires far ahead. */
export function answerToken(res: http.ServerResponse, token: string): void {
  res.writeHead(201, { 'Content-Type': 'application/json', 'X-Subject-Token': token });
  res.end('{"token":{"expires_at":"2999-01-01T00:00:00.000000Z"}}');
}

/** An ad-hoc IAM that signs every POST in with `token` and answers every other request with `answer`. */
export function startAdHocIam(
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void,
  token = 'MIITlookup-token',
): Promise<AdHocServer> {
  return startAdHocServer((req, res) => (req.method === 'POST' ? answerToken(res, token) : answer(req, res)));
}
