/** The servers and keys every measurement reads, created on the bench server before it starts. */
import type { EcsClient } from '../src/core';
import type { RemoteEcsServer } from './remoteEcsServer';

export interface BenchFixture {
  /** 50 servers, each with every key of `keys`. */
  serverIds: string[];
  keys: string[];
}

const SERVER_COUNT = 50;
const PREFIX = 'bench-fixture';

export async function prepareFixture(server: RemoteEcsServer, client: EcsClient): Promise<BenchFixture> {
  await server.addServers(SERVER_COUNT, PREFIX);
  const page = await client.listServers({ name: PREFIX, limit: SERVER_COUNT * 2 });
  const serverIds = page.servers.map((s) => s.id);
  if (serverIds.length !== SERVER_COUNT) {
    throw new Error(`fixture: expected ${SERVER_COUNT} servers named ${PREFIX}*, found ${serverIds.length}`);
  }
  const keys = ['bench.k0', 'bench.k1', 'bench:k2', 'bench_k3'];
  await server.setMetadata(
    serverIds.flatMap((id, i) => keys.map((key): [string, string, string] => [id, key, `value-${i}-${key}`])),
  );
  return { serverIds, keys };
}
