/**
 * A project with 10,000 servers, paged the way the tree pages it (its own `ServerPager`, which is pure):
 * time to the first page (what a person waits for after expanding a profile), time to all pages (the
 * worst case of pressing "Load more" to the end), and the heap the loaded servers hold.
 */
import type { EcsClient } from '../src/core';
import { ServerPager } from '../src/tree/serverPager';
import { nowMs } from './clock';
import { fullGc } from './gc';
import { median, summarize, type Summary } from './stats';

export interface ScaleResult {
  /** Servers in the project: the bulk ones plus the seed and fixture servers. */
  servers: number;
  pageSize: number;
  /** First page through a fresh client (new connection, nothing cached), ms. */
  firstPageCold: Summary;
  /** First page through a client that already has a connection, ms. */
  firstPageWarm: Summary;
  allPagesMs: number;
  pages: number;
  /** The same walk with the API's largest page, for comparison. */
  allPagesAtMaxLimitMs: number;
  /** Heap still held by the loaded server list after a full GC, bytes; undefined when GC cannot be forced. */
  heldBytes?: number;
  heldBytesPerServer?: number;
}

const MAX_LIMIT = 1000;

/** Slack over the bulk servers for the seed and fixture servers the project also holds. */
const OTHER_SERVERS_AT_MOST = 1000;

async function loadAll(pager: ServerPager, bulk: number, pageSize: number): Promise<number> {
  await pager.firstPage();
  let pages = 1;
  // Bounded: never more pages than the project can fill.
  const maxPages = Math.ceil((bulk + OTHER_SERVERS_AT_MOST) / pageSize) + 1;
  while (pager.nextMarker !== undefined && pages < maxPages) {
    await pager.loadMore(pager.nextMarker);
    pages++;
  }
  if (pager.nextMarker !== undefined) throw new Error(`scale: still more servers after ${pages} pages`);
  return pages;
}

/**
 * Full GCs until the heap stops shrinking (at most five), each after a macrotask turn: WeakRef targets
 * touched in the current job, and objects waiting for finalizers, are only freed after the job ends.
 * Without this, garbage from earlier measurements is freed during a later one and hides what it holds.
 */
export async function collectGarbage(): Promise<boolean> {
  const gc = fullGc();
  if (!gc) return false;
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const used = process.memoryUsage().heapUsed;
    if (last - used < 16 * 1024) break;
    last = used;
  }
  return true;
}

export async function measureScale(
  freshClient: () => EcsClient,
  bulkServers: number,
  pageSize: number,
  repetitions: number,
  measureHeap: boolean,
): Promise<ScaleResult> {
  const cold: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const client = freshClient();
    const pager = new ServerPager(async () => client, pageSize);
    const start = nowMs();
    await pager.firstPage();
    cold.push(nowMs() - start);
    if (pager.servers.length !== pageSize) throw new Error(`scale: first page held ${pager.servers.length}`);
  }
  const warmClient = freshClient();
  await warmClient.listServers({ limit: 1 });
  const warm: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const pager = new ServerPager(async () => warmClient, pageSize);
    const start = nowMs();
    await pager.firstPage();
    warm.push(nowMs() - start);
  }

  const all = new ServerPager(async () => warmClient, pageSize);
  const allStart = nowMs();
  const pages = await loadAll(all, bulkServers, pageSize);
  const allPagesMs = nowMs() - allStart;
  const total = all.servers.length;
  if (total < bulkServers) throw new Error(`scale: loaded only ${total} servers`);

  const big = new ServerPager(async () => warmClient, MAX_LIMIT);
  const bigStart = nowMs();
  await loadAll(big, bulkServers, MAX_LIMIT);
  const allPagesAtMaxLimitMs = nowMs() - bigStart;
  if (big.servers.length !== total)
    throw new Error(`scale: ${big.servers.length} servers at limit 1000, ${total} before`);

  const held = measureHeap ? await heldByServerList(warmClient, total, pageSize) : undefined;
  return {
    servers: total,
    pageSize,
    firstPageCold: summarize(cold),
    firstPageWarm: summarize(warm),
    allPagesMs,
    pages,
    allPagesAtMaxLimitMs,
    ...(held === undefined ? {} : { heldBytes: held, heldBytesPerServer: held / total }),
  };
}

/**
 * Loads every server into a new pager kept only in `holder`. A helper of its own, so no local of the
 * measuring function can keep a previous pager alive.
 */
async function loadInto(
  holder: ServerPager[],
  client: EcsClient,
  total: number,
  pageSize: number,
): Promise<void> {
  const pager = new ServerPager(async () => client, pageSize);
  await loadAll(pager, total - OTHER_SERVERS_AT_MOST, pageSize);
  if (pager.servers.length < total) throw new Error('scale: pager lost servers');
  holder.push(pager);
}

/** Heap delta, after full GCs, of a pager holding every server; the median of three tries. */
async function heldByServerList(
  client: EcsClient,
  total: number,
  pageSize: number,
): Promise<number | undefined> {
  if (!(await collectGarbage())) return undefined;
  const deltas: number[] = [];
  const holder: ServerPager[] = [];
  for (let i = 0; i < 3; i++) {
    holder.length = 0;
    await collectGarbage();
    const before = process.memoryUsage().heapUsed;
    await loadInto(holder, client, total, pageSize);
    await collectGarbage();
    deltas.push(process.memoryUsage().heapUsed - before);
  }
  holder.length = 0;
  return median(deltas);
}
