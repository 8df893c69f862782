/**
 * A server that closes each keep-alive connection right after its answer: a request sent on such a
 * socket before the close is noticed fails before any byte of its answer arrives. A GET is then sent
 * again at once on a new connection, as browsers do, without spending a retry's backoff.
 */
import * as assert from 'node:assert/strict';
import { type RequestEvent } from '../../src/core';
import { WEB_01, apiRequests, clientFor, useEcsServer } from './fixtures';

describe('connections the server drops after each answer', () => {
  const server = useEcsServer({ freshAgents: true });

  it('20 sequential reads all succeed, none waiting out a backoff', async () => {
    server().setFaults({ dropConnections: true });
    const events: RequestEvent[] = [];
    const client = clientFor(server(), { onRequest: (e) => events.push(e) });
    for (let i = 0; i < 20; i++) assert.equal(await client.getMetadataItem(WEB_01, 'owner'), 'team-web');
    assert.deepEqual(
      events.filter((e) => e.error !== undefined),
      [],
      'no attempt failed as far as the caller can see',
    );
    assert.ok(apiRequests(server()).length >= 20);
  });
});
