/** Child-process side of `remoteEcsServer.ts`: owns one local ECS-compatible server, answers IPC calls. */
import { startEcsServer } from '../test/ecs-server';
import { readTestCertificates } from '../test/ecs-server/testCertificates';
import type { EcsServerHandle } from '../test/ecs-server/types';
import type { HostReply, HostRequest, LoggedRequest, ServerFacts } from './remoteEcsServer';

let server: EcsServerHandle | undefined;

function running(): EcsServerHandle {
  if (!server) throw new Error('server not started');
  return server;
}

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.op) {
    case 'start': {
      const { host, certificatesDir } = request.options ?? {};
      const started: EcsServerHandle = await startEcsServer({
        quiet: true,
        ...(host ? { host } : {}),
        ...(certificatesDir ? { tls: readTestCertificates(certificatesDir).server } : {}),
      });
      server = started;
      const facts: ServerFacts = {
        url: started.url,
        projectId: started.projectId,
        credentials: started.credentials,
      };
      return facts;
    }
    case 'setFaults':
      return running().setFaults(request.faults);
    case 'resetFaults':
      return running().resetFaults();
    case 'clearRequests':
      return running().clearRequests();
    case 'requests':
      return running().requests.map((r): LoggedRequest => ({
        method: r.method,
        path: r.path,
        query: r.query,
        status: r.status,
        connectionId: r.connectionId,
      }));
    case 'connectionsOpened':
      return running().connectionsOpened();
    case 'addServers':
      return running().addServers(request.count, request.namePrefix);
    case 'setMetadata':
      for (const [serverId, key, value] of request.entries) running().setMetadata(serverId, key, value);
      return undefined;
    case 'close':
      await server?.close();
      server = undefined;
      return undefined;
  }
}

process.on('message', (request: HostRequest) => {
  handle(request).then(
    (result) => process.send?.({ id: request.id, result } satisfies HostReply),
    (err: unknown) =>
      process.send?.({
        id: request.id,
        error: err instanceof Error ? err.message : String(err),
      } satisfies HostReply),
  );
});

// The parent going away (finished, crashed or Ctrl-C) ends the server too.
process.on('disconnect', () => {
  void (server?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
