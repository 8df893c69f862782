/**
 * A private CA named by NODE_EXTRA_CA_CERTS is trusted by the extension's own https agents (so VS
 * Code, which keeps an agent's `ca`, cannot drop it), and keep-alive holds over TLS. Node reads the
 * variable only at start, so under this already running Node only our agents can make it work.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { destroyAgents, EcsError } from '../../src/core';
import { startEcsServer, type EcsServerHandle } from '../ecs-server';
import { makeTestCertificates, type TestCertificates } from '../ecs-server/testCertificates';
import { WEB_01, clientFor } from './fixtures';

describe('a private CA named by NODE_EXTRA_CA_CERTS', () => {
  const saved = process.env.NODE_EXTRA_CA_CERTS;
  let certs: TestCertificates;
  let server: EcsServerHandle;

  before(async function () {
    this.timeout(60_000);
    certs = makeTestCertificates(fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-ca-')));
    server = await startEcsServer({ host: '127.0.0.2', tls: certs.server });
  });
  after(async () => {
    destroyAgents();
    if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = saved;
    await server?.close();
    fs.rmSync(certs.dir, { recursive: true, force: true });
  });
  beforeEach(() => destroyAgents());

  it('is trusted, and 10 sequential reads over TLS use one connection', async () => {
    process.env.NODE_EXTRA_CA_CERTS = certs.caFile;
    const before = server.connectionsOpened();
    for (let i = 0; i < 10; i++) await clientFor(server).getMetadataItem(WEB_01, 'owner');
    assert.equal(server.connectionsOpened() - before, 1);
  });

  it('without the variable, the same read fails as a certificate error', async () => {
    delete process.env.NODE_EXTRA_CA_CERTS;
    const error = await clientFor(server)
      .getMetadataItem(WEB_01, 'owner')
      .then(
        () => assert.fail('read over an untrusted certificate'),
        (e: unknown) => e,
      );
    assert.ok(error instanceof EcsError);
    assert.equal(error.kind, 'network');
    assert.match(error.code ?? '', /UNABLE_TO_VERIFY|SELF_SIGNED|CERT/);
  });

  it('a file without certificates is ignored, Node’s own roots staying in force', async () => {
    const empty = path.join(certs.dir, 'empty.pem');
    fs.writeFileSync(empty, 'no certificates here\n');
    process.env.NODE_EXTRA_CA_CERTS = empty;
    await assert.rejects(clientFor(server).getMetadataItem(WEB_01, 'owner'), /certificate|verif/i);
  });
});
