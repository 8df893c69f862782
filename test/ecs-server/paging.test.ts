/** Server listing: limit, marker, next links only when more remain, filters, at scale. */
import * as assert from 'node:assert/strict';
import { startEcsServer, type EcsServerHandle } from './index';
import { json, send } from './testHttp';

interface ListAnswer {
  servers: { id: string; name: string; status?: string; metadata?: Record<string, string> }[];
  servers_links?: { rel: string; href: string }[];
}

describe('local ECS server: server listing and paging', () => {
  let server: EcsServerHandle;

  before(async () => {
    server = await startEcsServer();
    server.addServers(2500 - server.seed.servers.length, 'scale');
  });
  after(() => server.close());

  async function list(query: string, detail = false): Promise<{ status: number; body: ListAnswer }> {
    const answer = await send(
      server.url,
      `/v2.1/${server.projectId}/servers${detail ? '/detail' : ''}?${query}`,
      {
        headers: { 'X-Auth-Token': server.credentials.token },
      },
    );
    return { status: answer.status, body: json(answer) as unknown as ListAnswer };
  }

  it('walks 2,500 servers in pages of 1,000 by marker, with a next link on all but the last page', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let query = 'limit=1000';
    for (;;) {
      const { status, body } = await list(query);
      assert.equal(status, 200);
      sizes.push(body.servers.length);
      seen.push(...body.servers.map((s) => s.id));
      const next = body.servers_links?.find((l) => l.rel === 'next');
      if (!next) break;
      const url = new URL(next.href);
      assert.equal(url.origin, server.url);
      assert.equal(url.searchParams.get('marker'), body.servers.at(-1)?.id);
      query = url.search.slice(1);
    }
    assert.deepEqual(sizes, [1000, 1000, 500]);
    assert.equal(new Set(seen).size, 2500);
    assert.equal(seen[0], server.seed.servers[0].id, 'creation order, seed first');
  });

  it("pages the detail listing by limit and marker with each server's metadata inline", async () => {
    const { body: first } = await list('limit=4', true);
    const { body: second } = await list(`limit=4&marker=${first.servers.at(-1)?.id ?? ''}`, true);
    const seen = [...first.servers, ...second.servers].slice(0, server.seed.servers.length);
    assert.deepEqual(
      seen.map((s) => [s.id, s.metadata]),
      server.seed.servers.map((s) => [s.id, s.metadata]),
    );
    assert.match(second.servers_links?.[0].href ?? '', /\/servers\/detail\?limit=4&marker=/);
  });

  it('has no next link when the page ends exactly at the last server', async () => {
    const { body: first } = await list('limit=1000');
    const { body: second } = await list(`limit=1000&marker=${first.servers.at(-1)?.id ?? ''}`);
    assert.ok(second.servers_links, 'more remain after 2,000');
    const { body } = await list(`limit=500&marker=${second.servers.at(-1)?.id ?? ''}`);
    assert.equal(body.servers.length, 500);
    assert.equal(body.servers_links, undefined);
  });

  it('defaults to 25 per page and caps limit at 1,000', async () => {
    assert.equal((await list('')).body.servers.length, 25);
    assert.equal((await list('limit=5000')).body.servers.length, 1000);
  });

  it('answers a bad limit or an unknown marker with 400 badRequest', async () => {
    for (const query of [
      'limit=abc',
      'limit=-1',
      `marker=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
    ]) {
      const { status, body } = await list(query);
      assert.equal(status, 400, query);
      assert.ok('badRequest' in body, query);
    }
  });

  it('filters by name substring and pages through the matches', async () => {
    const { body: page1 } = await list('name=web-0');
    assert.deepEqual(
      page1.servers.map((s) => s.name),
      ['web-01', 'web-02'],
    );
    assert.equal(page1.servers_links, undefined);
    const { body: scale1 } = await list('name=scale-0001&limit=5');
    assert.deepEqual(
      scale1.servers.map((s) => s.name),
      ['scale-00010', 'scale-00011', 'scale-00012', 'scale-00013', 'scale-00014'],
    );
    const next = new URL(scale1.servers_links?.[0].href ?? 'http://x/');
    assert.equal(next.searchParams.get('name'), 'scale-0001');
    const { body: scale2 } = await list(next.search.slice(1));
    assert.deepEqual(
      scale2.servers.map((s) => s.name),
      ['scale-00015', 'scale-00016', 'scale-00017', 'scale-00018', 'scale-00019'],
    );
    assert.equal(scale2.servers_links, undefined);
  });

  it('filters by status, and the detail list carries status and metadata inline', async () => {
    const { body } = await list('status=SHUTOFF&limit=3', true);
    assert.equal(body.servers.length, 3);
    for (const s of body.servers) {
      assert.equal(s.status, 'SHUTOFF');
      assert.equal(typeof s.metadata, 'object');
    }
    const { body: summary } = await list('limit=1');
    assert.deepEqual(Object.keys(summary.servers[0]).sort(), ['id', 'links', 'name']);
  });
});
