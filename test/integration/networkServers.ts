/**
 * Local ECS servers on other loopback addresses (127.0.0.2: a host VS Code's proxy support does not
 * treat as local), over HTTP or HTTPS with the runner's private CA, each with a profile of its own,
 * for the network suites. Everything started is stopped and removed by `dispose`.
 */
import * as vscode from 'vscode';
import { startEcsServer, type EcsServerHandle, type EcsServerOptions } from '../ecs-server';
import { readTestCertificates, type TestCertificates } from '../ecs-server/testCertificates';
import { fixture, profileRoot, restoreProfiles, storedProfiles, writeProfiles } from './fixture';
import { confirmingModals } from './modalAnswer';
import { CommandId } from '../../src/commandBase/commandIds';

/** The runner's certificates (test/runner/certificateEnv.ts); undefined when it made none. */
export function runnerCertificates(): TestCertificates | undefined {
  const dir = process.env.ECS_TEST_CERTIFICATES;
  return dir ? readTestCertificates(dir) : undefined;
}

export interface ServerWithProfile {
  server: EcsServerHandle;
  profileName: string;
  /** Reads `key` of the seed's first server through the script command, as a script would. */
  read(key?: string): Thenable<string | undefined>;
  /** Sets `key` of the seed's first server through the script command, its modal confirmed. */
  write(key: string, value: string): Promise<unknown>;
  dispose(): Promise<void>;
}

/**
 * Starts a server with `options` and adds a profile for it, its credentials (default its AK/SK)
 * stored through the command; `password: true` makes it a password profile (IAM tokens).
 */
export async function serverWithProfile(
  profileName: string,
  options: EcsServerOptions,
  { password = false }: { password?: boolean } = {},
): Promise<ServerWithProfile> {
  const f = await fixture();
  const server = await startEcsServer(options);
  const saved = storedProfiles();
  await writeProfiles([
    ...(saved ?? []),
    {
      ...f.profile,
      name: profileName,
      ecsEndpoint: server.url,
      iamEndpoint: server.url,
      projectId: server.projectId,
      // The seed's first servers, named: a read of one is then its one GET.
      servers: server.seed.servers.slice(0, 2).map((s) => ({ id: s.id, name: s.name })),
      ...(password
        ? { auth: 'password' as const, domain: server.credentials.domain, user: server.credentials.user }
        : {}),
    },
  ]);
  await profileRoot(f.api, profileName);
  await confirmingModals(() =>
    vscode.commands.executeCommand(CommandId.setCredentials, {
      profile: profileName,
      credentials: password
        ? { password: server.credentials.password }
        : { accessKey: server.credentials.accessKey, secretKey: server.credentials.secretKey },
    }),
  );
  const serverId = server.seed.servers[0].id;
  return {
    server,
    profileName,
    read: (key = 'owner') =>
      vscode.commands.executeCommand<string | undefined>(CommandId.getMetadataKey, {
        profile: profileName,
        serverId,
        key,
      }),
    write: (key, value) =>
      confirmingModals(() =>
        vscode.commands.executeCommand(CommandId.setMetadataKey, {
          profile: profileName,
          serverId,
          key,
          value,
        }),
      ),
    async dispose() {
      // Removes the profile (and its stored credentials) and writes the settings back.
      await restoreProfiles(saved);
      await server.close();
    },
  };
}

/** The distinct connections the server's recorded requests came on. */
export function connectionsUsed(server: EcsServerHandle): number {
  return new Set(server.requests.map((r) => r.connectionId)).size;
}
