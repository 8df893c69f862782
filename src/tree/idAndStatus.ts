import type { ServerSummary } from '../core';

/** A server's id and, when known, its status: the short line beside its name in the tree and pickers. */
export function idAndStatus(server: ServerSummary): string {
  return server.status ? `${server.id} · ${server.status}` : server.id;
}
