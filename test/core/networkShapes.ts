/** Reads whose right answers are known from the seed, and small helpers the network tests share. */
import type { EcsClient } from '../../src/core';
import type { EcsServerHandle } from '../ecs-server';

export interface KnownRead {
  serverId: string;
  /** A key to read alone, or undefined to list all of the server's metadata. */
  key?: string;
  expected: string | Record<string, string>;
}

/** `count` reads cycling over every key of the seed and every server's whole list. */
export function knownReads(server: EcsServerHandle, count: number): KnownRead[] {
  const all: KnownRead[] = server.seed.servers.flatMap((s) => [
    { serverId: s.id, expected: s.metadata },
    ...Object.entries(s.metadata).map(([key, value]) => ({ serverId: s.id, key, expected: value })),
  ]);
  return Array.from({ length: count }, (_, i) => all[i % all.length]);
}

export function perform(client: EcsClient, read: KnownRead): Promise<string | Record<string, string>> {
  return read.key === undefined
    ? client.listMetadata(read.serverId)
    : client.getMetadataItem(read.serverId, read.key);
}

/** Resolves once `condition` holds, or after `ms` (then the caller's assertion says what went wrong). */
export async function eventually(condition: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}
