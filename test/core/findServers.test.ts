/**
 * Finding servers by metadata against the local ECS server: the detail listing with metadata
 * inline, the largest page, server-side filters, matches streamed per page, cancelling half-way.
 */
import * as assert from 'node:assert/strict';
import { serverPages } from '../../src/core';
import { findServers, type FoundServer } from '../../src/find/query/findServers';
import { parseQuery } from '../../src/find/query/parseQuery';
import { apiRequests, clientFor, useEcsServer } from './fixtures';

describe('finding servers by metadata', () => {
  const server = useEcsServer();
  const bulk = 2500;
  before(() => server().addServers(bulk, 'find'));

  async function bulkIds(): Promise<string[]> {
    const ids: string[] = [];
    for await (const page of serverPages(clientFor(server()))) ids.push(...page.servers.map((x) => x.id));
    server().clearRequests();
    return ids;
  }

  it('lists with metadata inline only when asked, and sends the status filter', async () => {
    const client = clientFor(server());
    const seed = server().seed.servers;
    const withMetadata = await client.listServers({ limit: seed.length, withMetadata: true });
    assert.deepEqual(
      withMetadata.servers.map((s) => s.metadata),
      seed.map((s) => s.metadata),
    );
    const plain = await client.listServers({ limit: 1 });
    assert.equal('metadata' in plain.servers[0], false);
    const shutoff = await client.listServers({ status: 'SHUTOFF', limit: 1000 });
    assert.ok(shutoff.servers.length > 0);
    assert.ok(shutoff.servers.every((s) => s.status === 'SHUTOFF'));
    assert.match(server().requests.at(-1)?.query ?? '', /(^|&)status=SHUTOFF(&|$)/);
    await assert.rejects(client.listServers({ status: 'ACTIVE&limit=1' }), { kind: 'invalidInput' });
  });

  it('finds every match in one listing at pages of 1,000, reporting the keys that matched', async () => {
    const ids = await bulkIds();
    // Every 250th bulk server is production, so matches fall on every page.
    const production = ids.filter((_, i) => i >= 6 && i % 250 === 0);
    for (const id of production) server().setMetadata(id, 'env', 'production');
    const pages: { found: FoundServer[]; read: number }[] = [];
    const result = await findServers(clientFor(server()), parseQuery('env=production'), {
      onPage: (found, progress) => pages.push({ found, read: progress.serversRead }),
    });
    const seedProduction = server()
      .seed.servers.filter((s) => s.metadata.env === 'production')
      .map((s) => s.id);
    assert.deepEqual(
      result.matches.map((m) => m.id),
      [...seedProduction, ...production],
    );
    assert.ok(result.matches.every((m) => JSON.stringify(m.matched) === '{"env":"production"}'));
    assert.equal(result.complete, true);
    assert.equal(result.serversRead, ids.length);
    const requests = apiRequests(server());
    assert.equal(requests.length, Math.ceil(ids.length / 1000));
    assert.ok(requests.every((r) => r.path.endsWith('/servers/detail')));
    assert.match(server().requests[0].query, /^limit=1000$/);
    assert.deepEqual(
      pages.map((p) => p.read),
      [1000, 2000, ids.length],
    );
    assert.ok(
      pages.every((p) => p.found.length > 0),
      'matches arrive with their page',
    );
  });

  it('keeps each match with its metadata for export, and nothing else', async () => {
    const result = await findServers(clientFor(server()), parseQuery('app:tier=front* !retry.max'));
    const web = server().seed.servers.filter((s) => s.metadata['app:tier'] === 'frontend');
    assert.deepEqual(
      result.matches.map((m) => ({ id: m.id, name: m.name, metadata: m.metadata })),
      web.map((s) => ({ id: s.id, name: s.name, metadata: s.metadata })),
    );
    assert.deepEqual(result.matches[0].matched, { 'app:tier': 'frontend' });
  });

  it('sends @status and @name as server-side filters and still applies them exactly', async () => {
    const result = await findServers(clientFor(server()), parseQuery('@status=shutoff @name=db-*'));
    assert.deepEqual(
      result.matches.map((m) => m.name),
      ['db-primary'],
    );
    const query = new URLSearchParams(server().requests[0].query);
    assert.equal(query.get('status'), 'SHUTOFF');
    assert.equal(query.get('name'), 'db-');
    assert.equal(apiRequests(server()).length, 1, 'the filters narrowed 2,500 servers to one page');
  });

  it('stops when cancelled half-way, with the matches of the pages read', async () => {
    const abort = new AbortController();
    server().setFaults({ latencyMs: 150 });
    let pagesSeen = 0;
    const result = await findServers(clientFor(server()), parseQuery('owner'), {
      signal: abort.signal,
      onPage: () => {
        pagesSeen++;
        if (pagesSeen === 1) abort.abort();
      },
    });
    assert.equal(result.complete, false);
    assert.equal(result.pagesRead, 1);
    assert.equal(result.matches.length, 1000 - 1, 'the first page, less the seed server without metadata');
    assert.ok(apiRequests(server()).length <= 2);
  });

  it('stops when cancelled during a request', async () => {
    server().setFaults({ latencyMs: 300 });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    const result = await findServers(clientFor(server()), parseQuery('owner'), { signal: abort.signal });
    assert.deepEqual([result.complete, result.pagesRead, result.matches.length], [false, 0, 0]);
  });
});
