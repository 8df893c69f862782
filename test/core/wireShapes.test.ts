/**
 * Answers as ordinary servers and gateways send them — chunked in pieces, gzip-compressed, on
 * connections closed right after the answer — under concurrency. On node-fetch 2.7 alone, chunked and
 * gzip answers on reused sockets fail with ERR_STREAM_PREMATURE_CLOSE (node-fetch issue #1767).
 */
import * as assert from 'node:assert/strict';
import type { FaultSwitches } from '../ecs-server';
import {
  agencyAuth,
  clientFor,
  securityTokenRequests,
  temporaryAuth,
  useEcsServer,
  type AuthType,
} from './fixtures';
import { knownReads, perform } from './networkShapes';

const SHAPES: { name: string; switches: Partial<FaultSwitches> }[] = [
  { name: 'chunked', switches: { chunked: true } },
  { name: 'gzip', switches: { gzip: true } },
  { name: 'chunked + gzip', switches: { chunked: true, gzip: true } },
  { name: 'connections dropped after each answer', switches: { dropConnections: true } },
  { name: 'all three', switches: { chunked: true, gzip: true, dropConnections: true } },
];

describe('answers shaped as real gateways send them', () => {
  const server = useEcsServer({ freshAgents: true });

  for (const shape of SHAPES) {
    for (const authType of ['password', 'aksk'] as AuthType[]) {
      it(`${shape.name}: 60 concurrent reads on a ${authType} client all return the right values`, async () => {
        server().setFaults(shape.switches);
        const client = clientFor(server(), { authType });
        const reads = knownReads(server(), 60);
        const outcomes = await Promise.allSettled(reads.map((read) => perform(client, read)));
        const wrong = outcomes.flatMap((outcome, i) =>
          outcome.status === 'rejected'
            ? [`read ${i}: ${(outcome.reason as Error).message}`]
            : JSON.stringify(outcome.value) === JSON.stringify(reads[i].expected)
              ? []
              : [`read ${i}: wrong value ${JSON.stringify(outcome.value)}`],
        );
        assert.deepEqual(wrong, []);
      });
    }
  }

  // The IAM answers too (the token, the temporary keys, the agency's keys) come in these shapes.
  for (const shape of SHAPES) {
    for (const [kind, authOf] of [
      ['temporary', temporaryAuth],
      ['agency', agencyAuth],
    ] as const) {
      it(`${shape.name}: a ${kind} client gets its keys and 20 concurrent reads return the right values`, async () => {
        server().setFaults(shape.switches);
        const client = clientFor(server(), { auth: authOf(server()) });
        const reads = knownReads(server(), 20);
        const values = await Promise.all(reads.map((read) => perform(client, read)));
        assert.deepEqual(
          values,
          reads.map((read) => read.expected),
        );
        // A request that crossed a dropped connection is recorded unanswered and sent again: one was issued.
        const issued = securityTokenRequests(server()).filter((r) => r.status === 201);
        assert.equal(issued.length, 1, 'one set of keys for every read');
      });
    }
  }

  it('offers gzip, and reads a gzip answer the server really compressed', async () => {
    server().setFaults({ gzip: true });
    const reads = knownReads(server(), 1);
    assert.deepEqual(await perform(clientFor(server()), reads[0]), reads[0].expected);
    assert.match(server().requests.at(-1)?.headers['accept-encoding'] ?? '', /gzip/);
  });
});
