/**
 * The log channel's lines, from real requests to the local server: method, path, status, duration
 * and request id; never a secret or a metadata value.
 */
import * as assert from 'node:assert/strict';
import { createEcsClient, type RequestEvent } from '../../src/core';
import { formatRequestEvent } from '../../src/log/formatRequestEvent';
import { fixture } from './fixture';

describe('log: one line per request', () => {
  it('names method, path, status, duration and request id, and leaves secrets and values out', async () => {
    const f = await fixture();
    const events: RequestEvent[] = [];
    const server = f.seed.servers[0];
    const client = createEcsClient({
      endpoint: f.server.url,
      projectId: f.server.projectId,
      auth: { type: 'aksk', ...f.server.credentials.temporary },
      onRequest: (e) => events.push(e),
    });
    const value = await client.getMetadataItem(server.id, 'owner');
    const lines = events.map(formatRequestEvent);
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      new RegExp(
        `^GET /v2\\.1/${f.server.projectId}/servers/${server.id}/metadata/owner · 200 · \\d+ ms · request id \\S+$`,
      ),
    );
    for (const secret of [
      value,
      f.server.credentials.temporary.secretKey,
      f.server.credentials.temporary.securityToken,
    ]) {
      assert.ok(!lines[0].includes(secret));
    }
  });

  it('names the error kind of a failed attempt', () => {
    const line = formatRequestEvent({
      method: 'GET',
      path: '/v2.1/p/servers',
      durationMs: 3.4,
      attempt: 2,
      error: 'network',
      retryInMs: 400,
    });
    assert.equal(line, 'GET /v2.1/p/servers · network · 3 ms · attempt 2 · retry in 400 ms');
  });
});
