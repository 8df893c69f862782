/**
 * Many reads at once, as when several trees expand or a script fans out: all 200 reads (4 keys on each
 * of 50 servers) are started together. Throughput and the TCP connections the server accepted show
 * whether the client bounds its sockets and reuses them.
 */
import { nowMs } from './clock';
import type { BenchFixture } from './fixture';
import type { RemoteEcsServer } from './remoteEcsServer';
import { median, summarize, type Summary } from './stats';

export interface Reader {
  read(serverId: string, key: string): Promise<unknown>;
  /** Closes the reader's connections once its burst is counted. */
  close(): void;
}

export interface ConcurrencyResult {
  name: string;
  reads: number;
  repetitions: number;
  /** Median over repetitions of reads per second, wall clock from first start to last answer. */
  readsPerSecond: number;
  /** Per-read latency over all repetitions, in ms. */
  latency: Summary;
  /** Median over repetitions of the TCP connections the server accepted during one burst. */
  connectionsOpened: number;
  /** Requests the server saw in one burst (median). */
  requests: number;
}

export async function measureConcurrency(
  server: RemoteEcsServer,
  fixture: BenchFixture,
  name: string,
  /** A fresh client with no open connections: every repetition starts cold, as a new window would. */
  freshReader: () => Reader,
  repetitions: number,
): Promise<ConcurrencyResult> {
  const pairs = fixture.serverIds.flatMap((id) => fixture.keys.map((key) => [id, key] as const));
  const rates: number[] = [];
  const connections: number[] = [];
  const requestCounts: number[] = [];
  const latencies: number[] = [];
  for (let rep = 0; rep < repetitions; rep++) {
    const reader = freshReader();
    await server.clearRequests();
    const before = await server.connectionsOpened();
    const start = nowMs();
    await Promise.all(
      pairs.map(async ([id, key]) => {
        const t = nowMs();
        await reader.read(id, key);
        latencies.push(nowMs() - t);
      }),
    );
    rates.push((pairs.length / (nowMs() - start)) * 1000);
    connections.push((await server.connectionsOpened()) - before);
    requestCounts.push((await server.requests()).length);
    reader.close();
  }
  return {
    name,
    reads: pairs.length,
    repetitions,
    readsPerSecond: median(rates),
    latency: summarize(latencies),
    connectionsOpened: median(connections),
    requests: median(requestCounts),
  };
}
