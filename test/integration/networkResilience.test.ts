/**
 * The transport's resilience cases inside a real VS Code, against 127.0.0.2 — a host for which VS
 * Code's proxy support replaces the extension's agent, so its connection probes and pool are not
 * used: a gateway closing each connection after its answer, a reused connection killed before any
 * answer, chunked + gzip answers to 60 concurrent reads. Every read comes back right, none hangs,
 * and the connections stay within the gate's bound.
 */
import * as assert from 'node:assert/strict';
import { MAX_SOCKETS_PER_ORIGIN } from '../../src/core/agentPool';
import { connectionsUsed, serverWithProfile, type ServerWithProfile } from './networkServers';

/** Fails instead of hanging: `work` must settle within `ms`. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('network: resilience inside VS Code on 127.0.0.2', () => {
  let s: ServerWithProfile;
  let owner: string;

  before(async () => {
    s = await serverWithProfile('Loopback 2 resilience', { host: '127.0.0.2' });
    owner = s.server.seed.servers[0].metadata.owner;
    await s.read();
  });
  after(async () => s?.dispose());
  beforeEach(() => {
    s.server.resetFaults();
    s.server.clearRequests();
  });

  it('a gateway closing each connection after its answer: 10 sequential reads all come back right', async () => {
    s.server.setFaults({ dropConnections: true });
    await within(
      20_000,
      '10 reads',
      (async () => {
        for (let i = 0; i < 10; i++) assert.equal(await s.read(), owner);
      })(),
    );
    const answered = s.server.requests.filter((r) => r.status === 200);
    assert.equal(answered.length, 10);
  });

  it('a reused connection killed before any answer: the read is sent again and comes back right', async () => {
    await s.read();
    s.server.clearRequests();
    s.server.setFaults({ reset: { count: 1 } });
    assert.equal(await within(10_000, 'the read', Promise.resolve(s.read())), owner);
    assert.deepEqual(
      s.server.requests.map((r) => r.status),
      [0, 200],
    );
  });

  it(`chunked + gzip answers to 60 concurrent reads: all right, on at most ${MAX_SOCKETS_PER_ORIGIN} connections`, async () => {
    s.server.setFaults({ chunked: true, gzip: true });
    const before = s.server.connectionsOpened();
    const values = await within(
      30_000,
      '60 concurrent reads',
      Promise.all(Array.from({ length: 60 }, () => Promise.resolve(s.read()))),
    );
    assert.deepEqual(values, Array<string>(60).fill(owner));
    assert.ok(s.server.requests.every((r) => r.headers['accept-encoding']?.includes('gzip')));
    assert.ok(connectionsUsed(s.server) <= MAX_SOCKETS_PER_ORIGIN, `used ${connectionsUsed(s.server)}`);
    const opened = s.server.connectionsOpened() - before;
    assert.ok(opened <= MAX_SOCKETS_PER_ORIGIN, `opened ${opened}`);
  });
});
