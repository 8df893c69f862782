/**
 * Finding a project's servers by a metadata query: one paged listing with metadata inline, at the
 * largest page, with the query's server-side filters. Only the matches are kept. Pure: the VS Code
 * layer and the bench both drive it.
 */
import { EcsError, serverPages, type EcsClient } from '../../core';
import { matchQuery, serverSideFilters } from './matchQuery';
import type { MetadataQuery } from './metadataQuery';

export interface FoundServer {
  id: string;
  name: string;
  /** The server's region, when found in a profile of several regions (set by the caller). */
  region?: string;
  status?: string;
  metadata: Record<string, string>;
  /** The keys that satisfied the query, with their values. */
  matched: Record<string, string>;
}

export interface FindProgress {
  /** Servers read so far (after server-side filters). */
  serversRead: number;
  pagesRead: number;
  /** Whether more pages follow. */
  more: boolean;
}

export interface FindOptions {
  signal?: AbortSignal;
  /** Called once per page with that page's matches (possibly none), as soon as it is read. */
  onPage?: (matches: FoundServer[], progress: FindProgress) => void;
}

export interface FindResult extends FindProgress {
  matches: FoundServer[];
  /** False when the signal stopped the reading before the last page: the matches are partial. */
  complete: boolean;
}

/**
 * Reads every page unless `options.signal` aborts, which ends the search with what was found so far.
 * @throws EcsError from the listing (other than the cancellation asked for).
 */
export async function findServers(
  client: EcsClient,
  query: MetadataQuery,
  options: FindOptions = {},
): Promise<FindResult> {
  const matches: FoundServer[] = [];
  const progress: FindProgress = { serversRead: 0, pagesRead: 0, more: true };
  const listing = { ...serverSideFilters(query), withMetadata: true, signal: options.signal };
  try {
    for await (const page of serverPages(client, listing)) {
      const found: FoundServer[] = [];
      for (const server of page.servers) {
        const metadata = server.metadata ?? {};
        const matched = matchQuery(query, { name: server.name, status: server.status, metadata });
        if (!matched) continue;
        found.push(
          server.status === undefined
            ? { id: server.id, name: server.name, metadata, matched }
            : { id: server.id, name: server.name, status: server.status, metadata, matched },
        );
      }
      matches.push(...found);
      progress.serversRead += page.servers.length;
      progress.pagesRead++;
      progress.more = page.nextMarker !== undefined;
      options.onPage?.(found, { ...progress });
    }
  } catch (error) {
    if (!options.signal?.aborted || !(error instanceof EcsError) || error.kind !== 'cancelled') throw error;
  }
  const complete = !progress.more;
  return { matches, ...progress, complete };
}
