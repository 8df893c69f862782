/** Huawei's native `/v1/{project_id}/cloudservers…` routes: the fallback when Nova metadata is gone. */
import { huaweiError } from './errorBodies';
import { sendJson } from './respond';
import { writeMetadata } from './metadataWrites';
import type { Route, RouteContext } from './routeContext';
import { nativeDetail } from './serverViews';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 1000;

export function matchNativeRoute(method: string, segments: string[]): Route | undefined {
  if (segments[0] !== 'v1' || segments[2] !== 'cloudservers') return undefined;
  if (method !== 'GET') return matchNativeWrite(method, segments);
  if (segments.length !== 4) {
    return undefined;
  }
  const projectId = segments[1];
  const id = segments[3];
  return {
    scope: 'project',
    projectId,
    family: 'native',
    handle: (c) => (id === 'detail' ? listServers(c, projectId) : showServer(c, projectId, id)),
  };
}

/**
 * `POST /v1/{p}/cloudservers/{id}/metadata` (merge; it also sets one key) and
 * `DELETE …/metadata/{key}`. There is no native replace-all.
 */
function matchNativeWrite(method: string, segments: string[]): Route | undefined {
  const [, projectId, , id, sub, key] = segments;
  if (sub !== 'metadata') return undefined;
  const route = (handle: (context: RouteContext) => void): Route => ({
    scope: 'project',
    projectId,
    family: 'native',
    handle,
  });
  if (segments.length === 5 && method === 'POST') {
    return route((c) => writeMetadata(c, 'native', id, { kind: 'merge' }));
  }
  if (segments.length === 6 && method === 'DELETE') {
    return route((c) => writeMetadata(c, 'native', id, { kind: 'delete', key }));
  }
  return undefined;
}

function showServer(context: RouteContext, projectId: string, id: string): void {
  const { state } = context;
  const server = state.store.get(id);
  if (!server) {
    return sendJson(context.reply, 404, huaweiError('Ecs.0114', `Instance[${id}] could not be found.`));
  }
  sendJson(context.reply, 200, { server: nativeDetail(server, projectId, state.region) });
}

/** `limit` and `offset` (a page number from 1), as the native detail list pages. */
function listServers(context: RouteContext, projectId: string): void {
  const { query, state } = context;
  const limitText = query.get('limit') ?? String(DEFAULT_LIMIT);
  const offsetText = query.get('offset') ?? '1';
  if (!/^\d+$/.test(limitText) || !/^[1-9]\d*$/.test(offsetText)) {
    return sendJson(
      context.reply,
      400,
      huaweiError('Ecs.0005', 'Request parameter error: limit or offset is invalid.'),
    );
  }
  const limit = Math.min(Number(limitText), MAX_LIMIT);
  const servers = state.store.pageByOffset(limit, Number(offsetText));
  sendJson(context.reply, 200, {
    count: state.store.size,
    servers: servers.map((s) => nativeDetail(s, projectId, state.region)),
  });
}
