/**
 * Proxies and a private CA as VS Code really runs the extension. `http.proxy` names a small forward
 * proxy of the test server (plain-HTTP forwarding and CONNECT); the endpoint is on 127.0.0.2, since
 * VS Code never proxies 127.0.0.1. VS Code reads these settings at each request, so one code-server
 * session serves every case. The private CA reaches the extension host through NODE_EXTRA_CA_CERTS,
 * set by the runner (test/runner/certificateEnv.ts).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startForwardProxy, type ForwardProxy } from '../ecs-server/forwardProxy';
import { eventually } from './fixture';
import {
  connectionsUsed,
  runnerCertificates,
  serverWithProfile,
  type ServerWithProfile,
} from './networkServers';

type HttpSetting = 'proxy' | 'noProxy' | 'proxySupport';

async function setHttp(name: HttpSetting, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('http').update(name, value, vscode.ConfigurationTarget.Global);
  // VS Code's proxy support reads the extension host's copy of the settings: wait until it has it.
  await eventually(
    async () =>
      JSON.stringify(vscode.workspace.getConfiguration('http').inspect(name)?.globalValue) ===
      JSON.stringify(value)
        ? true
        : undefined,
    `http.${name} to reach the extension host`,
  );
}

describe('network: proxies and a private CA inside VS Code', () => {
  let proxy: ForwardProxy;
  let extra: ServerWithProfile | undefined;

  before(async () => {
    proxy = await startForwardProxy();
  });
  after(async () => proxy?.close());
  afterEach(async () => {
    for (const name of ['proxy', 'noProxy', 'proxySupport'] as const) await setHttp(name, undefined);
    await extra?.dispose();
    extra = undefined;
    proxy.requests.length = 0;
  });

  const through = (method: string, pathEnd: string): boolean =>
    proxy.requests.some((r) => r.method === method && new URL(r.target).pathname.endsWith(pathEnd));

  it('with http.proxy, IAM sign-in, reads and writes go through the proxy (plain HTTP) and come back right', async () => {
    await setHttp('proxy', proxy.url);
    extra = await serverWithProfile('Proxied password', { host: '127.0.0.2' }, { password: true });
    const owner = extra.server.seed.servers[0].metadata.owner;
    assert.equal(await extra.read(), owner);
    await extra.write('proxied', 'yes');
    assert.equal(await extra.read('proxied'), 'yes');
    assert.ok(through('POST', '/v3/auth/tokens'), 'the IAM sign-in did not go through the proxy');
    assert.ok(through('GET', '/metadata/owner'), 'the read did not go through the proxy');
    assert.ok(
      proxy.requests.some((r) => ['PUT', 'POST'].includes(r.method) && r.target.includes('/metadata')),
      'the write did not go through the proxy',
    );
    // Everything the server got came through the proxy.
    const viaProxy = proxy.requests.filter((r) => r.method !== 'CONNECT').length;
    assert.equal(extra.server.requests.length, viaProxy);
  });

  it('http.noProxy naming the host: requests go direct, on one kept connection', async () => {
    await setHttp('proxy', proxy.url);
    await setHttp('noProxy', ['127.0.0.2']);
    extra = await serverWithProfile('Not proxied', { host: '127.0.0.2' });
    for (let i = 0; i < 5; i++) await extra.read();
    assert.deepEqual(proxy.requests, []);
    assert.equal(connectionsUsed(extra.server), 1);
  });

  it('http.proxySupport "off": requests go direct despite http.proxy, on one kept connection', async () => {
    await setHttp('proxy', proxy.url);
    await setHttp('proxySupport', 'off');
    extra = await serverWithProfile('Proxy support off', { host: '127.0.0.2' });
    for (let i = 0; i < 5; i++) await extra.read();
    assert.deepEqual(proxy.requests, []);
    assert.equal(connectionsUsed(extra.server), 1);
  });

  it('HTTPS through the CONNECT proxy to an endpoint signed by the private CA of NODE_EXTRA_CA_CERTS', async function () {
    const certs = runnerCertificates();
    if (!certs) this.skip();
    await setHttp('proxy', proxy.url);
    extra = await serverWithProfile('Proxied TLS', { host: '127.0.0.2', tls: certs.server });
    assert.equal(await extra.read(), extra.server.seed.servers[0].metadata.owner);
    assert.ok(proxy.requests.some((r) => r.method === 'CONNECT' && r.target.startsWith('127.0.0.2:')));
  });

  it('an endpoint signed by a CA no one trusts: the read fails, nothing is sent, and the advice names the routes that work', async function () {
    const certs = runnerCertificates();
    if (!certs) this.skip();
    extra = await serverWithProfile('Untrusted TLS', { host: '127.0.0.2', tls: certs.untrusted });
    const error = await Promise.resolve(extra.read()).then(
      () => assert.fail('read over a certificate of an unknown CA'),
      (e: unknown) => e as Error,
    );
    assert.match(error.message, /certificate could not be verified/);
    assert.match(error.message, /NODE_EXTRA_CA_CERTS/);
    assert.match(error.message, /http\.systemCertificates/);
    assert.deepEqual(extra.server.requests, []);
  });
});
