/**
 * The servers of the one project, kept in creation order with an index by id, so a page after a
 * marker is a slice (O(limit)) even with 10,000 servers.
 */
import { randomUUID } from 'node:crypto';
import type { SeedServer } from './types';

export interface StoredServer extends SeedServer {
  created: string;
}

export interface PageQuery {
  limit: number;
  /** Id of the last server already seen; must exist. */
  marker?: string;
  /** Substring of the name. */
  name?: string;
  status?: string;
}

export interface Page {
  servers: StoredServer[];
  /** True when at least one more server matches after this page. */
  more: boolean;
}

/** Upstream Nova's default `metadata_items` quota per server. */
export const DEFAULT_METADATA_QUOTA = 128;

export class UnknownMarkerError extends Error {}

export class ServerStore {
  private readonly ordered: StoredServer[] = [];
  private readonly positionById = new Map<string, number>();
  private bulkCount = 0;
  private readonly taskStates = new Map<string, string>();
  private readonly quotas = new Map<string, number>();

  constructor(seed: readonly SeedServer[]) {
    for (const server of seed) this.add({ ...server, metadata: { ...server.metadata } });
  }

  get size(): number {
    return this.ordered.length;
  }

  get(id: string): StoredServer | undefined {
    const at = this.positionById.get(id);
    return at === undefined ? undefined : this.ordered[at];
  }

  setMetadata(serverId: string, key: string, value: string): void {
    // Defined, not assigned, so `__proto__` stays an ordinary key.
    Object.defineProperty(this.must(serverId).metadata, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }

  deleteMetadata(serverId: string, key: string): void {
    delete this.must(serverId).metadata[key];
  }

  /** A task in progress (`resize_migrating`, `rebuilding`…): writes answer 409 until it is cleared. */
  setTaskState(serverId: string, taskState: string | undefined): void {
    this.must(serverId);
    if (taskState === undefined) this.taskStates.delete(serverId);
    else this.taskStates.set(serverId, taskState);
  }

  taskState(serverId: string): string | undefined {
    return this.taskStates.get(serverId);
  }

  /** How many metadata items the server may hold (Nova's `metadata_items` quota). */
  setMetadataQuota(serverId: string, quota: number | undefined): void {
    this.must(serverId);
    if (quota === undefined) this.quotas.delete(serverId);
    else this.quotas.set(serverId, quota);
  }

  metadataQuota(serverId: string): number {
    return this.quotas.get(serverId) ?? DEFAULT_METADATA_QUOTA;
  }

  private must(serverId: string): StoredServer {
    const server = this.get(serverId);
    if (!server) throw new Error(`ECS server: no server ${serverId}`);
    return server;
  }

  addServers(count: number, namePrefix = 'bulk'): void {
    const statuses = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'SHUTOFF'];
    for (let i = 0; i < count; i++) {
      const n = ++this.bulkCount;
      this.add({
        id: randomUUID(),
        name: `${namePrefix}-${String(n).padStart(5, '0')}`,
        status: statuses[n % statuses.length],
        metadata: { owner: 'bench', env: 'load-test', index: String(n) },
      });
    }
  }

  /** @throws UnknownMarkerError when the marker is not a server of this project (Nova answers 400). */
  page(query: PageQuery): Page {
    let start = 0;
    if (query.marker !== undefined) {
      const at = this.positionById.get(query.marker);
      if (at === undefined) throw new UnknownMarkerError(`marker [${query.marker}] not found`);
      start = at + 1;
    }
    if (query.name === undefined && query.status === undefined) {
      const servers = this.ordered.slice(start, start + query.limit);
      return { servers, more: start + query.limit < this.ordered.length };
    }
    // Filters need a scan; stop as soon as one match past the page proves there is more.
    const servers: StoredServer[] = [];
    for (let i = start; i < this.ordered.length; i++) {
      const server = this.ordered[i];
      if (query.name !== undefined && !server.name.includes(query.name)) continue;
      if (query.status !== undefined && server.status !== query.status) continue;
      if (servers.length === query.limit) return { servers, more: true };
      servers.push(server);
    }
    return { servers, more: false };
  }

  /** Native `offset` paging: page number from 1. */
  pageByOffset(limit: number, offset: number): StoredServer[] {
    const start = (offset - 1) * limit;
    return this.ordered.slice(start, start + limit);
  }

  private add(server: SeedServer): void {
    // Distinct, increasing creation times keep the order meaningful to a reader of the JSON.
    const created = new Date(Date.UTC(2024, 0, 1) + this.ordered.length * 1000)
      .toISOString()
      .replace('.000', '');
    this.positionById.set(server.id, this.ordered.length);
    this.ordered.push({ ...server, created });
  }
}
