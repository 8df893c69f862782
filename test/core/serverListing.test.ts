import * as assert from 'node:assert/strict';
import type { ServerSummary } from '../../src/core';
import { apiRequests, clientFor, useEcsServer } from './fixtures';

describe('listing servers', () => {
  const server = useEcsServer();
  before(() => server().addServers(60, 'bulk'));

  it('reads a page via GET /v2.1/{project}/servers/detail with id, name and status', async () => {
    const page = await clientFor(server()).listServers({ limit: 3 });
    assert.equal(page.servers.length, 3);
    for (const s of page.servers) {
      assert.match(s.id, /^[0-9a-f-]{36}$/);
      assert.equal(typeof s.name, 'string');
      assert.equal(typeof s.status, 'string');
    }
    const [request] = server().requests;
    assert.equal(request.path, `/v2.1/${server().projectId}/servers/detail`);
    assert.equal(request.query, 'limit=3');
  });

  it('pages with limit and marker until nextMarker is absent, seeing every server once', async () => {
    const client = clientFor(server());
    const seen: ServerSummary[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await client.listServers({ limit: 7, marker });
      seen.push(...page.servers);
      marker = page.nextMarker;
      pages++;
      if (marker) assert.equal(page.servers.length, 7);
    } while (marker);
    const total = seen.length;
    assert.ok(total >= 60, `saw ${total}`);
    assert.equal(new Set(seen.map((s) => s.id)).size, total);
    assert.equal(pages, Math.ceil(total / 7));
    assert.equal(apiRequests(server()).length, pages);
  });

  it('gives no nextMarker when everything fit in one page', async () => {
    const page = await clientFor(server()).listServers({ limit: 1000 });
    assert.equal(page.nextMarker, undefined);
    assert.ok(page.servers.length >= 60);
  });

  it('filters by name, encoding the filter once in the query', async () => {
    const page = await clientFor(server()).listServers({ name: 'web-0' });
    assert.deepEqual(page.servers.map((s) => s.name).sort(), ['web-01', 'web-02']);
    const unicode = await clientFor(server()).listServers({ name: '日志' });
    assert.deepEqual(
      unicode.servers.map((s) => s.name),
      ['日志服务器'],
    );
    assert.match(server().requests.at(-1)?.query ?? '', /^name=%E6%97%A5%E5%BF%97$/);
  });

  it('refuses a page size outside 1..1000 or a marker that is not a server id, without a request', async () => {
    const client = clientFor(server());
    await assert.rejects(client.listServers({ limit: 0 }), { kind: 'invalidInput' });
    await assert.rejects(client.listServers({ limit: 1001 }), { kind: 'invalidInput' });
    await assert.rejects(client.listServers({ marker: 'x&limit=5' }), { kind: 'invalidInput' });
    assert.equal(server().requests.length, 0);
  });
});
