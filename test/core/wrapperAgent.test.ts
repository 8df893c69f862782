/**
 * Keep-alive behind a wrapper agent, as VS Code runs the extension: under its default
 * `http.proxySupport: "override"` each request gets a new agent of VS Code's, created without
 * keep-alive, which hands the request on to the extension's agent (for 127.0.0.1) or to Node's global
 * agent (any other host). This patches `http.request` the same way for the length of a test.
 */
import * as assert from 'node:assert/strict';
import http from 'node:http';
import { WEB_01, clientFor, useEcsServer } from './fixtures';

type Mode = 'keepsOurAgent' | 'replacesOurAgent';

/** A new non-keep-alive agent per request that passes it on, as agent-base does for DIRECT. */
function wrapperFor(target: http.Agent): http.Agent {
  const wrapper = new http.Agent({ keepAlive: false });
  (wrapper as unknown as { addRequest: (req: unknown, options: unknown) => void }).addRequest = (
    req,
    options,
  ) =>
    (target as unknown as { addRequest: (req: unknown, options: unknown) => void }).addRequest(req, options);
  return wrapper;
}

function wrapRequests(mode: Mode): () => void {
  const original = http.request;
  const patched = function (this: unknown, ...args: unknown[]): http.ClientRequest {
    const options = (typeof args[0] === 'object' && !(args[0] instanceof URL) ? args[0] : args[1]) as
      http.RequestOptions | undefined;
    if (options && options.agent instanceof http.Agent) {
      options.agent = wrapperFor(mode === 'keepsOurAgent' ? options.agent : http.globalAgent);
    }
    return (original as (...a: unknown[]) => http.ClientRequest).apply(this, args);
  };
  (http as { request: unknown }).request = patched;
  return () => {
    (http as { request: unknown }).request = original;
  };
}

describe('connections behind a wrapper agent (VS Code proxy support)', () => {
  const server = useEcsServer();
  let unwrap: (() => void) | undefined;

  afterEach(() => {
    unwrap?.();
    unwrap = undefined;
  });

  for (const mode of ['keepsOurAgent', 'replacesOurAgent'] as const) {
    it(`10 sequential reads use one connection when the wrapper ${mode === 'keepsOurAgent' ? 'passes requests to our agent' : 'replaces our agent with the global one'}`, async () => {
      // A first read outside the measurement, so a socket of an earlier suite does not count.
      unwrap = wrapRequests(mode);
      await clientFor(server()).getMetadataItem(WEB_01, 'owner');
      server().clearRequests();
      const before = server().connectionsOpened();
      for (let i = 0; i < 10; i++) await clientFor(server()).getMetadataItem(WEB_01, 'owner');
      const opened = server().connectionsOpened() - before;
      assert.equal(opened, 0, `opened ${opened} new connections for 10 reads`);
      assert.ok(server().requests.every((r) => r.headers.connection === 'keep-alive'));
    });
  }
});
