/**
 * The local ECS-compatible server, run in a child process and driven over IPC. A real server is not
 * in the client's process: sharing one event loop and heap would charge the server's CPU and garbage
 * to the client's latency and memory figures. The child is the same `startEcsServer` tests use.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { EcsServerCredentials, FaultSwitches, RecordedRequest } from '../test/ecs-server/types';

/** What the bench needs from the request log: no headers, so no secrets cross the process boundary. */
export type LoggedRequest = Pick<RecordedRequest, 'method' | 'path' | 'query' | 'status' | 'connectionId'>;

export interface ServerFacts {
  url: string;
  projectId: string;
  credentials: EcsServerCredentials;
}

/** One IPC call per operation; the host answers `{ id, result }` or `{ id, error }`. */
export type HostCall =
  | { op: 'start'; options?: RemoteServerOptions }
  | { op: 'setFaults'; faults: Partial<FaultSwitches> }
  | { op: 'resetFaults' }
  | { op: 'clearRequests' }
  | { op: 'requests' }
  | { op: 'connectionsOpened' }
  | { op: 'addServers'; count: number; namePrefix: string }
  | { op: 'setMetadata'; entries: [serverId: string, key: string, value: string][] }
  | { op: 'close' };

/** Where the server listens: another loopback address, and HTTPS with the test CA's certificates. */
export interface RemoteServerOptions {
  host?: string;
  /** A folder made by `makeTestCertificates`: the server then answers HTTPS with its server certificate. */
  certificatesDir?: string;
}

export type HostRequest = HostCall & { id: number };
export type HostReply = { id: number; result?: unknown; error?: string };

export interface RemoteEcsServer extends ServerFacts {
  setFaults(faults: Partial<FaultSwitches>): Promise<void>;
  resetFaults(): Promise<void>;
  clearRequests(): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
  connectionsOpened(): Promise<number>;
  addServers(count: number, namePrefix?: string): Promise<void>;
  setMetadata(entries: [serverId: string, key: string, value: string][]): Promise<void>;
  close(): Promise<void>;
}

export async function startRemoteEcsServer(options?: RemoteServerOptions): Promise<RemoteEcsServer> {
  // No inherited flags: --expose-gc or --cpu-prof are for the client side being measured.
  const child: ChildProcess = fork(path.join(__dirname, 'ecsServerHost.js'), [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  child.on('message', (message: HostReply) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error !== undefined) waiter.reject(new Error(`ECS server host: ${message.error}`));
    else waiter.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`ECS server host exited (${code})`));
    pending.clear();
  });

  function call<T>(request: HostCall): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...request, id } satisfies HostRequest);
    });
  }

  const facts = await call<ServerFacts>({ op: 'start', options });
  return {
    ...facts,
    setFaults: (faults) => call({ op: 'setFaults', faults }),
    resetFaults: () => call({ op: 'resetFaults' }),
    clearRequests: () => call({ op: 'clearRequests' }),
    requests: () => call({ op: 'requests' }),
    connectionsOpened: () => call({ op: 'connectionsOpened' }),
    addServers: (count, namePrefix = 'bench') => call({ op: 'addServers', count, namePrefix }),
    setMetadata: (entries) => call({ op: 'setMetadata', entries }),
    async close(): Promise<void> {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await call({ op: 'close' }).catch(() => undefined);
      child.disconnect();
      // The host exits once disconnected; the kill is only for a host that hangs.
      const guard = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(guard);
    },
  };
}
