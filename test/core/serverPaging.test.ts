/**
 * Loops that follow the server's `next` marker stop when the server cannot be trusted: a marker that
 * comes back, a server that ignores `marker`, or more pages than one load may fetch.
 */
import * as assert from 'node:assert/strict';
import { createEcsClient, forEachServerPage, serverPages, type EcsClient } from '../../src/core';
import { ServerPager } from '../../src/tree/serverPager';
import { startAdHocServer, type AdHocServer } from './fixtures';

const PROJECT = '0b5b8a1f3e6c4d7a9f2e1c0d8b7a6f5e';
const idOf = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A listing server; `pageFor` gives the servers and next marker of the page asked for by `marker`. */
async function listingServer(
  pageFor: (marker: string | null, hit: number) => { ids: number[]; next?: number },
): Promise<AdHocServer> {
  let hits = 0;
  return startAdHocServer((req, res) => {
    const marker = new URL(req.url ?? '/', 'http://x').searchParams.get('marker');
    const page = pageFor(marker, ++hits);
    const body: Record<string, unknown> = {
      servers: page.ids.map((n) => ({ id: idOf(n), name: `s-${n}`, status: 'ACTIVE' })),
    };
    if (page.next !== undefined) {
      body.servers_links = [
        { rel: 'next', href: `http://127.0.0.1/v2.1/${PROJECT}/servers/detail?marker=${idOf(page.next)}` },
      ];
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  });
}

function clientOf(server: AdHocServer): EcsClient {
  return createEcsClient({ endpoint: server.url, projectId: PROJECT, auth: { type: 'token', token: 't' } });
}

async function walk(server: AdHocServer, maxPages?: number): Promise<{ stop: string; ids: string[] }> {
  const ids: string[] = [];
  const stop = await forEachServerPage(
    clientOf(server),
    { pageSize: 2, ...(maxPages ? { maxPages } : {}) },
    (page) => ids.push(...page.map((s) => s.id)),
  );
  return { stop, ids };
}

describe('paging a server listing that cannot be trusted', () => {
  const servers: AdHocServer[] = [];
  const serve = async (pageFor: Parameters<typeof listingServer>[0]): Promise<AdHocServer> => {
    const server = await listingServer(pageFor);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it('the picker pager reads every page of an honest server', async () => {
    const server = await serve((marker) =>
      marker === null
        ? { ids: [1, 2], next: 2 }
        : marker === idOf(2)
          ? { ids: [3, 4], next: 4 }
          : { ids: [5] },
    );
    assert.deepEqual(await walk(server), { stop: 'end', ids: [1, 2, 3, 4, 5].map(idOf) });
    assert.equal(server.hits, 3);
  });

  it('the picker pager stops on a repeating marker', async () => {
    // New servers on every page, but the next link always names the same marker.
    const server = await serve((_marker, hit) => ({ ids: [hit * 10, hit * 10 + 1], next: 7 }));
    const { stop, ids } = await walk(server);
    assert.equal(stop, 'repeatedMarker');
    assert.equal(server.hits, 2);
    assert.equal(ids.length, 4);
  });

  it('the picker pager stops when the server ignores the marker (a page with nothing new)', async () => {
    const server = await serve((_marker, hit) => ({ ids: [1, 2], next: 2 + hit }));
    const { stop, ids } = await walk(server);
    assert.equal(stop, 'noNewServers');
    assert.equal(server.hits, 2);
    assert.deepEqual(ids, [1, 2].map(idOf));
  });

  it('the picker pager stops at the page cap of one load', async () => {
    const server = await serve((_marker, hit) => ({ ids: [hit * 2, hit * 2 + 1], next: hit * 2 + 1 }));
    const { stop } = await walk(server, 5);
    assert.equal(stop, 'pageCap');
    assert.equal(server.hits, 5);
  });

  it('Load more ends (no next marker) when the server repeats its marker', async () => {
    const server = await serve((_marker, hit) => ({ ids: [hit * 10, hit * 10 + 1], next: 7 }));
    const client = clientOf(server);
    const pager = new ServerPager(async () => client, 2);
    await pager.firstPage();
    assert.equal(pager.nextMarker, idOf(7));
    await pager.loadMore(idOf(7));
    assert.equal(pager.nextMarker, undefined, 'no Load more after the marker came back');
    assert.equal(pager.servers.length, 4);
    assert.equal(server.hits, 2);
  });

  it('Load more ends when a page adds no new server', async () => {
    const server = await serve((_marker, hit) => ({ ids: [1, 2], next: 2 + hit }));
    const client = clientOf(server);
    const pager = new ServerPager(async () => client, 2);
    await pager.firstPage();
    await pager.loadMore(pager.nextMarker ?? '');
    assert.equal(pager.nextMarker, undefined);
    assert.equal(pager.servers.length, 2);
  });

  it('reading every page (find, export) stops on a repeating marker and yields each server once', async () => {
    const server = await serve((_marker, hit) => ({ ids: [hit * 10, hit * 10 + 1], next: 7 }));
    const ids: string[] = [];
    for await (const page of serverPages(clientOf(server))) ids.push(...page.servers.map((s) => s.id));
    assert.equal(server.hits, 2);
    assert.deepEqual(ids, [10, 11, 20, 21].map(idOf));
  });

  it('reading every page (find, export) stops when the server ignores the marker', async () => {
    const server = await serve((_marker, hit) => ({ ids: [1, 2], next: 2 + hit }));
    const ids: string[] = [];
    for await (const page of serverPages(clientOf(server))) ids.push(...page.servers.map((s) => s.id));
    assert.equal(server.hits, 2);
    assert.deepEqual(ids, [1, 2].map(idOf));
  });
});
