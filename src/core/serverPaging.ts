/**
 * The stopping rule of every loop that follows the server's `next` marker (the server picker, the
 * tree's Load more): stop when a marker comes back a second time, when a page adds no server not
 * already seen, or after a cap of pages in one load. A server that repeats its `next` link or ignores
 * `marker` must not make a client ask for pages forever.
 */
import { cancelledError } from './retryPolicy';
import type { EcsClient, ServerPage, ServerSummary } from './types';

/** Pages one load may fetch: 100,000 servers at the API's largest page. */
export const MAX_PAGES_PER_LOAD = 100;

/** Why paging stopped: the server said there is no more, or the guard stopped trusting it. */
export type PagingStop = 'end' | 'repeatedMarker' | 'noNewServers' | 'pageCap';

export interface AcceptedPage {
  /** The page's servers not seen on an earlier page, in order. */
  fresh: ServerSummary[];
  /** The marker to ask for next; absent when paging stops. */
  next?: string;
  /** Set when paging stops. */
  stop?: PagingStop;
}

export class PagingGuard {
  private readonly markers = new Set<string>();
  private readonly ids = new Set<string>();
  private pages = 0;

  constructor(private readonly maxPages: number = MAX_PAGES_PER_LOAD) {}

  /** Records the page fetched for `marker` (undefined for the first page). */
  accept(page: ServerPage, marker: string | undefined): AcceptedPage {
    this.pages++;
    if (marker !== undefined) this.markers.add(marker);
    const fresh = page.servers.filter((server) => {
      if (this.ids.has(server.id)) return false;
      this.ids.add(server.id);
      return true;
    });
    const stop: PagingStop | undefined =
      page.nextMarker === undefined
        ? 'end'
        : this.markers.has(page.nextMarker)
          ? 'repeatedMarker'
          : fresh.length === 0
            ? 'noNewServers'
            : this.pages >= this.maxPages
              ? 'pageCap'
              : undefined;
    return stop ? { fresh, stop } : { fresh, next: page.nextMarker };
  }
}

export interface ServerWalkOptions {
  pageSize: number;
  signal?: AbortSignal;
  maxPages?: number;
}

/** Lists every server of the project a page at a time, handing each page's new servers to `onPage`. */
export async function forEachServerPage(
  client: EcsClient,
  options: ServerWalkOptions,
  onPage: (servers: ServerSummary[]) => void,
): Promise<PagingStop> {
  const guard = new PagingGuard(options.maxPages);
  let marker: string | undefined;
  for (;;) {
    const page = await client.listServers({
      limit: options.pageSize,
      ...(marker !== undefined ? { marker } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (options.signal?.aborted) throw cancelledError();
    const accepted = guard.accept(page, marker);
    onPage(accepted.fresh);
    if (accepted.stop) return accepted.stop;
    marker = accepted.next;
  }
}
