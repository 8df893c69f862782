/** Every page of a server listing, one request at a time, following `nextMarker` to the end. */
import { PagingGuard } from './serverPaging';
import type { EcsClient, ListServersOptions, ServerPage } from './types';

/** The largest page ECS and Nova serve. */
export const MAX_SERVER_PAGE = 1000;

/**
 * Yields each page as it arrives; the caller may stop early (break, or abort `options.signal`).
 * Pages default to the largest size, so 10,000 servers take 11 requests. The paging guard decides when
 * to stop, so a server that repeats its marker or ignores it cannot make this loop forever; each page
 * yielded holds only servers not seen on an earlier one.
 */
export async function* serverPages(
  client: EcsClient,
  options: Omit<ListServersOptions, 'marker'> = {},
): AsyncGenerator<ServerPage> {
  const guard = new PagingGuard();
  let marker: string | undefined;
  do {
    const page = await client.listServers({
      limit: MAX_SERVER_PAGE,
      ...options,
      ...(marker ? { marker } : {}),
    });
    const accepted = guard.accept(page, marker);
    yield accepted.next
      ? { servers: accepted.fresh, nextMarker: accepted.next }
      : { servers: accepted.fresh };
    marker = accepted.next;
  } while (marker && !options.signal?.aborted);
}
