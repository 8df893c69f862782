/**
 * Requests per user action, counted at the server: the figure latency multiplies. The minimum is one
 * request per action, plus one token request for a password client that has none yet.
 */
import type { CachedTemporaryKey, CachedToken, EcsClient } from '../src/core';
import { memoryKept } from '../test/core/memoryKept';
import { freshCoreClient } from './coreClients';
import type { BenchFixture } from './fixture';
import type { RemoteEcsServer } from './remoteEcsServer';
import { describeShapes } from './requestShapes';

export interface ActionCount {
  action: string;
  requests: number;
  minimum: number;
  /** Route shapes seen, e.g. `1 × GET /v2.1/{project}/servers/{id}/metadata/{key}`. */
  breakdown: string;
  connectionsOpened: number;
}

async function count(
  server: RemoteEcsServer,
  action: string,
  minimum: number,
  run: () => Promise<unknown>,
): Promise<ActionCount> {
  await server.clearRequests();
  const connectionsBefore = await server.connectionsOpened();
  await run();
  const requests = await server.requests();
  return {
    action,
    requests: requests.length,
    minimum,
    breakdown: describeShapes(requests, server.projectId),
    connectionsOpened: (await server.connectionsOpened()) - connectionsBefore,
  };
}

export async function measureRequestCounts(
  server: RemoteEcsServer,
  fixture: BenchFixture,
  treePageSize: number,
): Promise<ActionCount[]> {
  const serverId = fixture.serverIds[0];
  const key = fixture.keys[0];
  const results: ActionCount[] = [];
  const aksk = freshCoreClient(server, 'aksk');
  results.push(
    await count(server, 'read a key (AK/SK, cold client)', 1, () => aksk.getMetadataItem(serverId, key)),
  );
  results.push(
    await count(server, 'read a key (AK/SK, warm client)', 1, () => aksk.getMetadataItem(serverId, key)),
  );
  const token = freshCoreClient(server, 'token');
  results.push(await count(server, 'read a key (token)', 1, () => token.getMetadataItem(serverId, key)));
  const kept = memoryKept<CachedToken>();
  const password: EcsClient = freshCoreClient(server, 'password', kept);
  results.push(
    await count(server, 'read a key (password, first call)', 2, () =>
      password.getMetadataItem(serverId, key),
    ),
  );
  results.push(
    await count(server, 'read a key (password, token cached)', 1, () =>
      password.getMetadataItem(serverId, key),
    ),
  );
  // A new client with only the kept token, as after a restart (the extension keeps it in SecretStorage).
  const restarted = freshCoreClient(server, 'password', kept);
  results.push(
    await count(server, 'first value after a restart (password, kept token)', 1, () =>
      restarted.getMetadataItem(serverId, key),
    ),
  );
  // Temporary keys are kept the same way: a token and a securitytokens request once, then none.
  for (const type of ['temporary', 'agency'] as const) {
    const keys = memoryKept<CachedTemporaryKey>();
    const cold = freshCoreClient(server, type, undefined, keys);
    results.push(
      await count(server, `read a key (${type}, first call)`, 3, () => cold.getMetadataItem(serverId, key)),
    );
    const afterRestart = freshCoreClient(server, type, undefined, keys);
    results.push(
      await count(server, `first value after a restart (${type}, kept keys)`, 1, () =>
        afterRestart.getMetadataItem(serverId, key),
      ),
    );
  }
  results.push(await count(server, 'expand a server (its keys)', 1, () => aksk.listMetadata(serverId)));
  results.push(
    await count(server, `a page of servers (limit ${treePageSize})`, 1, () =>
      aksk.listServers({ limit: treePageSize }),
    ),
  );
  const concurrent = freshCoreClient(server, 'password');
  const reads = fixture.serverIds.map((id) => () => concurrent.getMetadataItem(id, key));
  results.push(
    await count(server, '50 concurrent key reads (fresh password client)', 51, () =>
      Promise.all(reads.map((read) => read())),
    ),
  );
  results.push(...(await measureWriteCounts(server, serverId, aksk)));
  return results;
}

/**
 * Writes, as the extension's commands make them (the same core calls in the same order):
 * Add Key… reads the server's keys then sets one; Set Value… reads the key fresh then sets it;
 * Delete Key reads the key (for the confirmation) then deletes it; a JSON save reads the server
 * again (conflict check), merges the changed keys and deletes each removed key — the document and
 * the tree then show the merge's answer minus the deleted keys, without reading again. Only a
 * partial failure, or a save without a merge (one key set, or keys only removed), reads once more.
 */
async function measureWriteCounts(
  server: RemoteEcsServer,
  serverId: string,
  client: EcsClient,
): Promise<ActionCount[]> {
  const results: ActionCount[] = [];
  const added = 'bench:added';
  results.push(
    await count(server, 'add a key (Add Key…)', 2, async () => {
      await client.listMetadata(serverId);
      await client.setMetadataItem(serverId, added, 'one');
    }),
  );
  results.push(
    await count(server, 'set a value (Set Value…)', 2, async () => {
      await client.getMetadataItem(serverId, added);
      await client.setMetadataItem(serverId, added, 'two');
    }),
  );
  results.push(
    await count(server, 'delete a key (Delete Key)', 2, async () => {
      await client.getMetadataItem(serverId, added);
      await client.deleteMetadataItem(serverId, added);
    }),
  );
  await client.updateMetadata(serverId, {
    'bench:a': 'a',
    'bench:b': 'b',
    'bench:c': 'c',
    'bench:gone': 'x',
  });
  results.push(
    await count(server, 'JSON save: 3 keys changed, 1 removed', 3, async () => {
      await client.listMetadata(serverId);
      await client.updateMetadata(serverId, { 'bench:a': 'A', 'bench:b': 'B', 'bench:c': 'C' });
      await client.deleteMetadataItem(serverId, 'bench:gone');
    }),
  );
  for (const key of ['bench:a', 'bench:b', 'bench:c']) await client.deleteMetadataItem(serverId, key);
  return results;
}
