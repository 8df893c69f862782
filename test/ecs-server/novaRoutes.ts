/** The Nova-compatible `/v2.1/{project_id}/servers…` routes, metadata included. */
import { novaFault } from './errorBodies';
import { sendJson } from './respond';
import type { Route, RouteContext } from './routeContext';
import { writeMetadata } from './metadataWrites';
import { UnknownMarkerError } from './serverStore';
import { novaDetail, novaSummary } from './serverViews';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 1000;

/** The route for a request, or undefined when the gateway has no such route (APIGW.0101). */
export function matchNovaRoute(method: string, segments: string[], novaGone: boolean): Route | undefined {
  if (segments[0] !== 'v2.1' || segments[2] !== 'servers') return undefined;
  if (method !== 'GET') return matchNovaWrite(method, segments, novaGone);
  const projectId = segments[1];
  const route = (handle: (context: RouteContext) => void): Route => ({
    scope: 'project',
    projectId,
    family: 'nova',
    handle,
  });
  const [, , , id, sub, key] = segments;
  switch (segments.length) {
    case 3:
      return route((c) => listServers(c, projectId, false));
    case 4:
      return id === 'detail'
        ? route((c) => listServers(c, projectId, true))
        : route((c) => showServer(c, projectId, id));
    case 5:
      // A gone Nova metadata API is unpublished at the gateway, like any unknown route.
      return sub === 'metadata' && !novaGone ? route((c) => listMetadata(c, id)) : undefined;
    case 6:
      return sub === 'metadata' && !novaGone ? route((c) => getMetadataItem(c, id, key)) : undefined;
    default:
      return undefined;
  }
}

/** PUT/POST/DELETE on `…/servers/{id}/metadata[/{key}]`, replace-all included (as on real Nova). */
function matchNovaWrite(method: string, segments: string[], novaGone: boolean): Route | undefined {
  const [, projectId, , id, sub, key] = segments;
  if (sub !== 'metadata' || novaGone) return undefined;
  const route = (handle: (context: RouteContext) => void): Route => ({
    scope: 'project',
    projectId,
    family: 'nova',
    handle,
  });
  if (segments.length === 5) {
    if (method === 'POST') return route((c) => writeMetadata(c, 'nova', id, { kind: 'merge' }));
    if (method === 'PUT') return route((c) => writeMetadata(c, 'nova', id, { kind: 'replace' }));
  }
  if (segments.length === 6) {
    if (method === 'PUT') return route((c) => writeMetadata(c, 'nova', id, { kind: 'set', key }));
    if (method === 'DELETE') return route((c) => writeMetadata(c, 'nova', id, { kind: 'delete', key }));
  }
  return undefined;
}

function instanceNotFound(context: RouteContext, id: string): void {
  sendJson(context.reply, 404, novaFault('itemNotFound', 404, `Instance ${id} could not be found.`));
}

function showServer(context: RouteContext, projectId: string, id: string): void {
  const { state } = context;
  const server = state.store.get(id);
  if (!server) return instanceNotFound(context, id);
  sendJson(context.reply, 200, { server: novaDetail(server, state.baseUrl(), projectId, state.region) });
}

function listMetadata(context: RouteContext, id: string): void {
  const server = context.state.store.get(id);
  if (!server) return instanceNotFound(context, id);
  sendJson(context.reply, 200, { metadata: server.metadata });
}

function getMetadataItem(context: RouteContext, id: string, key: string): void {
  const server = context.state.store.get(id);
  if (!server) return instanceNotFound(context, id);
  if (!Object.prototype.hasOwnProperty.call(server.metadata, key)) {
    return sendJson(context.reply, 404, novaFault('itemNotFound', 404, 'Metadata item was not found'));
  }
  sendJson(context.reply, 200, { meta: { [key]: server.metadata[key] } });
}

function badRequest(context: RouteContext, message: string): void {
  sendJson(context.reply, 400, novaFault('badRequest', 400, message));
}

function listServers(context: RouteContext, projectId: string, detail: boolean): void {
  const { query, state } = context;
  let limit = DEFAULT_LIMIT;
  const limitText = query.get('limit');
  if (limitText !== undefined) {
    if (!/^\d+$/.test(limitText))
      return badRequest(
        context,
        "Invalid input for query parameters limit. Value: '" +
          limitText +
          "'. '" +
          limitText +
          "' is not a 'integer'",
      );
    limit = Math.min(Number(limitText), MAX_LIMIT);
  }
  const marker = query.get('marker');
  const name = query.get('name');
  const status = query.get('status');
  let page;
  try {
    page = state.store.page({ limit, marker, name, status });
  } catch (err) {
    if (err instanceof UnknownMarkerError) return badRequest(context, err.message);
    throw err;
  }
  const base = state.baseUrl();
  const body: Record<string, unknown> = {
    servers: page.servers.map((s) =>
      detail ? novaDetail(s, base, projectId, state.region) : novaSummary(s, base, projectId),
    ),
  };
  const last = page.servers.at(-1);
  if (page.more && last) {
    // Nova repeats the request's filters in the next link and replaces the marker.
    const next = new URLSearchParams();
    next.set('limit', String(limit));
    if (name !== undefined) next.set('name', name);
    if (status !== undefined) next.set('status', status);
    next.set('marker', last.id);
    body.servers_links = [
      { rel: 'next', href: `${base}/v2.1/${projectId}/servers${detail ? '/detail' : ''}?${next.toString()}` },
    ];
  }
  sendJson(context.reply, 200, body);
}
