import { PagingGuard, type EcsClient, type ServerSummary } from '../core';

/**
 * The discovered servers of one profile, fetched a page at a time. A lock keeps one page in
 * flight, and a page is fetched only for the marker it was asked for, so a double click on
 * "Load more" fetches once.
 */
export class ServerPager {
  private readonly loaded: ServerSummary[] = [];
  /** Ends Load more on a repeated marker or a page of nothing new; each Load more is one page, so no cap. */
  private readonly guard = new PagingGuard(Infinity);
  private next: string | undefined;
  private first: Promise<void> | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly client: () => Promise<EcsClient>,
    private readonly pageSize: number,
  ) {}

  get servers(): readonly ServerSummary[] {
    return this.loaded;
  }

  get nextMarker(): string | undefined {
    return this.next;
  }

  /** The first page, fetched once; a later page loading meanwhile does not hold it up. */
  firstPage(signal?: AbortSignal): Promise<void> {
    this.first ??= this.fetch(undefined, signal).catch((err: unknown) => {
      // A failed first page is forgotten, so a retry starts over.
      this.first = undefined;
      throw err;
    });
    return this.first;
  }

  /** Fetches the page after `marker`, unless that page is already loaded or loading. */
  loadMore(marker: string, signal?: AbortSignal): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (marker !== this.next) return Promise.resolve();
    return this.fetch(marker, signal);
  }

  private fetch(marker: string | undefined, signal: AbortSignal | undefined): Promise<void> {
    const run = async (): Promise<void> => {
      const client = await this.client();
      const page = await client.listServers({ limit: this.pageSize, signal, ...(marker ? { marker } : {}) });
      const accepted = this.guard.accept(page, marker);
      this.loaded.push(...accepted.fresh);
      this.next = accepted.next;
    };
    const attempt = run().finally(() => {
      this.inFlight = undefined;
    });
    this.inFlight = attempt;
    return attempt;
  }
}
