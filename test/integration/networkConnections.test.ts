/**
 * Keep-alive as VS Code really runs the extension (default `http.proxySupport: "override"`, which
 * wraps every request in a proxy agent of its own): 10 sequential reads of one endpoint use one
 * connection, counted at the server, on 127.0.0.1 (where VS Code passes requests on to the
 * extension's agent), on 127.0.0.2 (where it replaces that agent) and over TLS with a private CA.
 */
import * as assert from 'node:assert/strict';
import type { EcsServerHandle } from '../ecs-server';
import { closePanel } from './panelTabs';
import {
  connectionsUsed,
  runnerCertificates,
  serverWithProfile,
  type ServerWithProfile,
} from './networkServers';

async function tenReadsOnOneConnection(
  server: EcsServerHandle,
  read: () => Thenable<string | undefined>,
  expected: string,
): Promise<void> {
  // One read first, so its sign-in or discovery is not counted.
  await read();
  server.clearRequests();
  for (let i = 0; i < 10; i++) assert.equal(await read(), expected);
  assert.deepEqual(
    server.requests.map((r) => `${r.method} ${r.path.split('/').at(-1)}`),
    Array<string>(10).fill('GET owner'),
  );
  assert.equal(connectionsUsed(server), 1, `10 reads came on ${connectionsUsed(server)} connections`);
  assert.ok(server.requests.every((r) => r.headers.connection === 'keep-alive'));
}

describe('network: keep-alive inside VS Code', () => {
  let extra: ServerWithProfile | undefined;

  afterEach(async () => {
    await closePanel();
    await extra?.dispose();
    extra = undefined;
  });

  it('10 sequential reads on 127.0.0.1 use one connection', async () => {
    // A server of its own: the suite's shared one has idle connections of earlier suites, which the
    // pool hands out in turn.
    extra = await serverWithProfile('Loopback 1', { host: '127.0.0.1' });
    await tenReadsOnOneConnection(
      extra.server,
      () => extra!.read(),
      extra.server.seed.servers[0].metadata.owner,
    );
  });

  it('10 sequential reads on 127.0.0.2 (not local to VS Code) use one connection', async () => {
    extra = await serverWithProfile('Loopback 2', { host: '127.0.0.2' });
    await tenReadsOnOneConnection(
      extra.server,
      () => extra!.read(),
      extra.server.seed.servers[0].metadata.owner,
    );
  });

  it('10 sequential reads over TLS on 127.0.0.2, signed by the private CA, use one connection', async function () {
    const certs = runnerCertificates();
    if (!certs) this.skip();
    extra = await serverWithProfile('Loopback 2 TLS', { host: '127.0.0.2', tls: certs.server });
    await tenReadsOnOneConnection(
      extra.server,
      () => extra!.read(),
      extra.server.seed.servers[0].metadata.owner,
    );
  });
});
