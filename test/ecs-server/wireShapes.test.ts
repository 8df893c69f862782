/** The switches for how answers go on the wire, and for answers the server starts and never finishes. */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { useEcsServer } from '../core/fixtures';
import { send } from './testHttp';

const WEB_01 = '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function raw(
  url: string,
  headers: Record<string, string>,
  agent: http.Agent | false = false,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('local ECS server: wire shapes and held answers', () => {
  const server = useEcsServer();
  const item = (): string => `${server().url}/v2.1/${server().projectId}/servers/${WEB_01}/metadata/owner`;
  const auth = (): Record<string, string> => ({ 'X-Auth-Token': server().credentials.token });

  it('chunked: Transfer-Encoding chunked and no Content-Length, the same body', async () => {
    server().setFaults({ chunked: true });
    const answer = await raw(item(), auth());
    assert.equal(answer.headers['transfer-encoding'], 'chunked');
    assert.equal(answer.headers['content-length'], undefined);
    assert.deepEqual(JSON.parse(answer.body.toString()), { meta: { owner: 'team-web' } });
  });

  it('gzip: compressed only when the request offers gzip, IAM included', async () => {
    server().setFaults({ gzip: true });
    const offered = await raw(item(), { ...auth(), 'Accept-Encoding': 'deflate, gzip' });
    assert.equal(offered.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(offered.body).toString()), { meta: { owner: 'team-web' } });
    const plain = await raw(item(), auth());
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(plain.body.toString()), { meta: { owner: 'team-web' } });
    const iam = await raw(`${server().url}/v3/projects?name=x`, { ...auth(), 'Accept-Encoding': 'gzip' });
    assert.equal(iam.headers['content-encoding'], 'gzip');
  });

  it('dropConnections: a second request on the same connection is never answered, and the connection closes', async () => {
    server().setFaults({ dropConnections: true });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await raw(item(), auth(), agent);
      assert.equal(first.status, 200);
      assert.equal(first.headers.connection, 'keep-alive', 'the client is not told');
      await assert.rejects(raw(item(), auth(), agent), /socket hang up|ECONNRESET/);
      // The second request reaches the server or meets the close first; either way it is not answered.
      assert.deepEqual(
        server()
          .requests.slice(1)
          .map((r) => [r.connectionId, r.status]),
        server()
          .requests.slice(1)
          .map(() => [server().requests[0].connectionId, 0]),
      );
    } finally {
      agent.destroy();
    }
  });

  for (const fault of ['hang', 'stallBody', 'trickleBody', 'endlessBody'] as const) {
    it(`${fault}: the connection is counted as held until the client closes it`, async () => {
      server().setFaults({ [fault]: { count: 1 } });
      const abort = new AbortController();
      const pending = send(server().url, new URL(item()).pathname, { headers: auth(), signal: abort.signal });
      pending.catch(() => undefined);
      while (server().heldConnections() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(server().heldConnections(), 1);
      abort.abort();
      while (server().heldConnections() > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal((await raw(item(), auth())).status, 200);
    });
  }

  it('silent: no API request is answered while it is on', async () => {
    server().setFaults({ silent: true });
    const aborts = [new AbortController(), new AbortController()];
    const pending = aborts.map((a) =>
      send(server().url, new URL(item()).pathname, { headers: auth(), signal: a.signal }),
    );
    for (const p of pending) p.catch(() => undefined);
    while (server().heldConnections() < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    for (const a of aborts) a.abort();
    server().setFaults({ silent: false });
    assert.equal((await raw(item(), auth())).status, 200);
  });
});
