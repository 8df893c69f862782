/** Every page of a server listing, one request at a time, following `nextMarker` to the end. */
import type { EcsClient, ListServersOptions, ServerPage } from './types';

/** The largest page ECS and Nova serve. */
export const MAX_SERVER_PAGE = 1000;

/**
 * Yields each page as it arrives; the caller may stop early (break, or abort `options.signal`).
 * Pages default to the largest size, so 10,000 servers take 11 requests.
 */
export async function* serverPages(
  client: EcsClient,
  options: Omit<ListServersOptions, 'marker'> = {},
): AsyncGenerator<ServerPage> {
  let marker: string | undefined;
  do {
    const page = await client.listServers({
      limit: MAX_SERVER_PAGE,
      ...options,
      ...(marker ? { marker } : {}),
    });
    yield page;
    marker = page.nextMarker;
  } while (marker && !options.signal?.aborted);
}
