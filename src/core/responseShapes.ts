/**
 * Reading the success bodies: the shapes ECS documents, checked rather than trusted, so an
 * unexpected answer becomes a badResponse error instead of `undefined` further up.
 */
import { EcsError } from './errors';
import { isRecord as isObject } from './isRecord';
import type { ServerPage, ServerSummary } from './types';

type Json = Record<string, unknown>;

function unexpected(what: string, requestId: string | undefined): EcsError {
  const where = requestId ? ` (request id ${requestId})` : '';
  return new EcsError(
    'badResponse',
    `ECS answered in an unexpected shape: ${what}. The endpoint may not be an ECS or Nova compute API.${where}`,
    requestId ? { requestId } : {},
  );
}

/** `{"meta": {"<key>": "<value>"}}` → the value of `key`. */
export function metaValue(json: unknown, key: string, requestId?: string): string {
  if (!isObject(json) || !isObject(json.meta)) throw unexpected('no "meta" object', requestId);
  const value = Object.prototype.hasOwnProperty.call(json.meta, key) ? json.meta[key] : undefined;
  if (typeof value !== 'string') throw unexpected(`"meta" has no text value for "${key}"`, requestId);
  return value;
}

/** A metadata object whose values are all strings; own properties only, so `__proto__` stays a key. */
export function metadataMap(value: unknown, where: string, requestId?: string): Record<string, string> {
  if (!isObject(value)) throw unexpected(`no "${where}" object`, requestId);
  const entries: [string, string][] = [];
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw unexpected(`"${where}.${key}" is not text`, requestId);
    entries.push([key, item]);
  }
  return Object.fromEntries(entries);
}

/** `{"metadata": {...}}` from the Nova route. */
export function novaMetadata(json: unknown, requestId?: string): Record<string, string> {
  return metadataMap(isObject(json) ? json.metadata : undefined, 'metadata', requestId);
}

/** `{"server": {..., "metadata": {...}}}` from the native route. */
export function nativeMetadata(json: unknown, requestId?: string): Record<string, string> {
  const server = isObject(json) ? json.server : undefined;
  return metadataMap(isObject(server) ? server.metadata : undefined, 'server.metadata', requestId);
}

function serverSummary(value: unknown, requestId: string | undefined, withMetadata = false): ServerSummary {
  if (!isObject(value) || typeof value.id !== 'string') throw unexpected('a server without an id', requestId);
  const name = typeof value.name === 'string' ? value.name : '';
  const summary: ServerSummary =
    typeof value.status === 'string' ? { id: value.id, name, status: value.status } : { id: value.id, name };
  // A detail listing carries metadata inline; a server listed without any has none.
  if (withMetadata)
    summary.metadata =
      value.metadata === undefined ? {} : metadataMap(value.metadata, 'servers[].metadata', requestId);
  return summary;
}

/** `{"server": {...}}` → its id, name and status. */
export function singleServer(json: unknown, requestId?: string): ServerSummary {
  return serverSummary(isObject(json) ? json.server : undefined, requestId);
}

/**
 * `{"servers": [...], "servers_links": [...]}` → one page (with each server's metadata when asked). A next marker only when a `rel: next`
 * link exists: its `marker` query parameter, or else the last server's id.
 */
export function serverPage(json: unknown, requestId?: string, withMetadata = false): ServerPage {
  if (!isObject(json) || !Array.isArray(json.servers)) throw unexpected('no "servers" list', requestId);
  const servers = json.servers.map((item) => serverSummary(item, requestId, withMetadata));
  const links = Array.isArray(json.servers_links) ? json.servers_links : [];
  const next = links.find((link): link is Json => isObject(link) && link.rel === 'next');
  if (!next) return { servers };
  let nextMarker: string | undefined;
  if (typeof next.href === 'string') {
    try {
      nextMarker = new URL(next.href, 'http://placeholder.invalid').searchParams.get('marker') ?? undefined;
    } catch {
      nextMarker = undefined;
    }
  }
  nextMarker ??= servers.at(-1)?.id;
  return nextMarker ? { servers, nextMarker } : { servers };
}
