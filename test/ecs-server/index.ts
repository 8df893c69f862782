/**
 * A local ECS-compatible server on 127.0.0.1 for tests, `npm start` and benchmarks: Nova and
 * native metadata routes, server listing with paging, IAM tokens, AK/SK checked with the official
 * signer, and switches for the faults a real cloud produces. Node's `http` only, so it stays fast
 * enough to measure a client against.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { checkAuth } from './authCheck';
import { handleControl } from './controlRoutes';
import { UNPUBLISHED_ROUTE_MESSAGE, gatewayError, huaweiError, novaFault } from './errorBodies';
import {
  HTML_GATEWAY_PAGE,
  defaultFaults,
  hostileErrorBody,
  paddedJson,
  serverErrorBody,
  takeFault,
  throttledBody,
  truncateJson,
} from './faults';
import { localCredentials } from './credentials';
import { HeldAnswers } from './heldAnswers';
import { matchIamRoute } from './iamRoutes';
import { TemporaryCredentialStore } from './temporaryCredentials';
import { matchNativeRoute } from './nativeRoutes';
import { matchNovaRoute } from './novaRoutes';
import { sendJson, sendText, type Reply } from './respond';
import type { RegionProject, Route, RouteContext, ServerState } from './routeContext';
import { loadSeed } from './seed';
import { ServerStore } from './serverStore';
import { TokenStore } from './tokenStore';
import type { EcsServerHandle, EcsServerOptions, FaultSwitches, RecordedRequest, SeedData } from './types';
import { acceptsGzip, isDropped } from './wireShape';

export type {
  EcsServerCredentials,
  EcsServerHandle,
  EcsServerOptions,
  FaultSwitches,
  LocalAgency,
  RecordedRequest,
  SeedData,
  SeedServer,
} from './types';
export { LOCAL_AGENCY } from './agencies';

/** Request bodies are small JSON (token requests, control calls); anything bigger is a mistake. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Longer than client agents keep idle sockets, so a test never races a server-side idle close. */
const KEEP_ALIVE_MS = 65_000;

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  // Nearly every request is a bodiless GET: skip the stream machinery for those.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined)
    return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function decodeSegments(rawPath: string): string[] | undefined {
  try {
    return rawPath.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

function decodeQuery(rawQuery: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    try {
      query.set(
        decodeURIComponent(eq < 0 ? part : part.slice(0, eq)),
        eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1)),
      );
    } catch {
      // An undecodable parameter is ignored, as a lenient API would.
    }
  }
  return query;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startEcsServer(options: EcsServerOptions = {}): Promise<EcsServerHandle> {
  const seed: SeedData = loadSeed(options.seed);
  const credentials = localCredentials();
  const faults: FaultSwitches = defaultFaults();
  const requests: RecordedRequest[] = [];
  const connectionIds = new WeakMap<Socket, number>();
  const held = new HeldAnswers();
  let connections = 0;
  let baseUrl = '';

  const regions: RegionProject[] = [seed, ...(seed.otherRegions ?? [])].map((r) => ({
    projectId: r.projectId,
    region: r.region,
    store: new ServerStore(r.servers),
  }));
  const state: ServerState = {
    ...regions[0],
    regions,
    credentials,
    tokens: new TokenStore(credentials.token, seed.projectId),
    temporary: new TemporaryCredentialStore(),
    faults,
    baseUrl: () => baseUrl,
  };

  const control = {
    faults,
    setFaults(partial: Partial<FaultSwitches>): void {
      Object.assign(faults, partial);
    },
    resetFaults(): void {
      Object.assign(faults, defaultFaults());
    },
    expireTokens(): void {
      state.tokens.expireAll();
      state.temporary.expireAll();
    },
    heldConnections: (): number => held.count,
  };

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
    const method = req.method ?? 'GET';
    const requestId = randomBytes(16).toString('hex');

    if (rawPath.startsWith('/__control/')) {
      const body = (await readBody(req)) ?? '';
      handleControl(method, rawPath, body, { res, requestId, onStatus: () => undefined }, control);
      return;
    }

    const record: RecordedRequest = {
      method,
      path: rawPath,
      query: rawQuery,
      headers: flattenHeaders(req.headers),
      status: 0,
      connectionId: connectionIds.get(req.socket) ?? 0,
      abandoned: false,
      body: '',
    };
    requests.push(record);
    res.once('close', () => {
      if (!res.writableFinished) record.abandoned = true;
    });
    if (isDropped(req.socket)) {
      // This request crossed the server's close of its connection: it is never answered.
      req.socket.destroy();
      return;
    }
    const reply: Reply = { res, requestId, onStatus: (status) => (record.status = status) };
    if (faults.chunked || faults.gzip || faults.dropConnections) {
      reply.wire = {
        chunked: faults.chunked,
        gzip: faults.gzip && acceptsGzip(req),
        dropConnection: faults.dropConnections,
      };
    }

    const body = await readBody(req);
    record.body = body ?? '';
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    if (body === undefined)
      return sendJson(reply, 413, novaFault('overLimit', 413, 'Request body too large.'));

    const segments = decodeSegments(rawPath);
    if (!segments)
      return sendJson(
        reply,
        400,
        novaFault('badRequest', 400, 'The request path is not valid percent-encoding.'),
      );

    const isIam = segments[0] === 'v3' || segments[0] === 'v3.0';
    if (!isIam) {
      const fault = takeFault(faults);
      switch (fault?.kind) {
        case 'hang':
        case 'stallBody':
        case 'trickleBody':
        case 'endlessBody':
          // The socket stays open until the client gives up or close() destroys it.
          record.status = fault.kind === 'hang' ? 0 : 200;
          held.hold(fault.kind, res, requestId);
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'throttle': {
          const headers: Record<string, string> =
            fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
          return sendJson(reply, 429, throttledBody(requestId), headers);
        }
        case 'serverError':
          return sendJson(reply, fault.status, serverErrorBody(fault.status, requestId));
        case 'htmlError':
          return sendText(reply, 502, 'text/html', HTML_GATEWAY_PAGE);
        case 'malformedJson':
          reply.transformBody = (text) => ({ status: 200, body: truncateJson(text) });
          break;
        case 'oversizedBody': {
          const { bytes } = fault;
          reply.transformBody = () => ({ status: 200, body: paddedJson(bytes) });
          break;
        }
        case 'hostileErrorText': {
          const token = req.headers['x-auth-token'];
          reply.withoutRequestIdHeader = true;
          return sendJson(reply, 500, hostileErrorBody(typeof token === 'string' ? token : undefined));
        }
        case 'redirect':
          return sendText(reply, fault.status, 'text/plain', '', { Location: fault.location });
        case undefined:
          break;
      }
    }

    const route: Route | undefined = isIam
      ? matchIamRoute(method, segments)
      : (matchNovaRoute(method, segments, faults.novaGone) ?? matchNativeRoute(method, segments));
    if (!route) return sendJson(reply, 404, gatewayError('APIGW.0101', UNPUBLISHED_ROUTE_MESSAGE, requestId));

    if (route.scope !== 'none') {
      const outcome = checkAuth({ req, rawPath, rawQuery, requestId, body }, route.scope, {
        credentials,
        tokens: state.tokens,
        temporary: state.temporary,
        projectIds: regions.map((r) => r.projectId),
      });
      if (!outcome.ok) return sendJson(reply, outcome.status, outcome.body, outcome.headers);
      if (route.projectId !== undefined && route.projectId !== outcome.projectId) {
        const message = `Malformed request URL: URL's project_id '${route.projectId}' doesn't match Context's project_id '${outcome.projectId ?? ''}'`;
        const fault =
          route.family === 'native'
            ? huaweiError('Ecs.0005', message)
            : novaFault('badRequest', 400, message);
        return sendJson(reply, 400, fault);
      }
    }

    // The caller's project (a project-scoped route) decides which region's servers answer.
    const project =
      route.projectId === undefined ? undefined : regions.find((r) => r.projectId === route.projectId);
    const context: RouteContext = {
      req,
      reply,
      state: project ? { ...state, ...project } : state,
      segments,
      rawPath,
      rawQuery,
      query: decodeQuery(rawQuery),
      body,
    };
    route.handle(context);
  }

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    onRequest(req, res).catch((err: unknown) => {
      // A bug in a route must still answer, or the client would wait for its timeout.
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(novaFault('computeFault', 500, `local ECS server bug: ${String(err)}`)));
      }
    });
  };
  const host = options.host ?? '127.0.0.1';
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host))
    throw new Error(`ECS server: ${host} is not a 127.x address`);
  const server: http.Server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : http.createServer(listener);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // A TLS server's requests arrive on the TLS socket, which `secureConnection` announces.
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    connectionIds.set(socket, ++connections);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `${options.tls ? 'https' : 'http'}://${host}:${port}`;

  /** The store of the region that holds the server (the first region's when none does). */
  const storeOf = (serverId: string): ServerStore =>
    (regions.find((r) => r.store.get(serverId) !== undefined) ?? regions[0]).store;

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port,
    projectId: seed.projectId,
    region: seed.region,
    regions: regions.map((r) => ({ region: r.region, projectId: r.projectId })),
    credentials,
    seed: structuredClone(seed),
    faults,
    setFaults: control.setFaults,
    resetFaults: control.resetFaults,
    expireTokens: control.expireTokens,
    requests,
    clearRequests(): void {
      requests.length = 0;
    },
    connectionsOpened: () => connections,
    heldConnections: control.heldConnections,
    setMetadata: (serverId, key, value) => storeOf(serverId).setMetadata(serverId, key, value),
    deleteMetadata: (serverId, key) => storeOf(serverId).deleteMetadata(serverId, key),
    metadataOf: (serverId) => {
      const server = storeOf(serverId).get(serverId);
      if (!server) throw new Error(`ECS server: no server ${serverId}`);
      return { ...server.metadata };
    },
    setTaskState: (serverId, taskState) => storeOf(serverId).setTaskState(serverId, taskState),
    setMetadataQuota: (serverId, quota) => storeOf(serverId).setMetadataQuota(serverId, quota),
    addServers: (count, namePrefix) => state.store.addServers(count, namePrefix),
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets and hung requests would otherwise hold close() open.
        server.closeAllConnections();
        held.releaseAll();
      });
      return closing;
    },
  };
}
