/**
 * Error messages a person can act on, from real failures of the local server where one can be
 * produced, and from the core's error kinds otherwise: what went wrong, which button fixes it,
 * the request id, and never a secret.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { createEcsClient, EcsError } from '../../src/core';
import { describeError } from '../../src/errors/userMessage';
import { SetupError } from '../../src/errors/setupError';
import { fixture, type Fixture } from './fixture';
import { CommandId } from '../../src/commandBase/commandIds';

describe('errors: user messages', () => {
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  function client(secretKey = f.server.credentials.secretKey, endpoint = f.server.url) {
    return createEcsClient({
      endpoint,
      projectId: f.server.projectId,
      auth: { type: 'aksk', accessKey: f.server.credentials.accessKey, secretKey },
      maxAttempts: 1,
    });
  }

  async function failure(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (err) {
      return err;
    }
    throw new Error('expected a failure');
  }

  it('rejected credentials: says what IAM refused, offers Set Credentials for the profile, shows the request id, hides the SK', async () => {
    const err = await failure(client('wrong-secret-0000000000').listServers());
    const message = describeError(err, { profile: 'P' });
    assert.match(message.message, /IAM refused the signature of profile "P" \(APIGW\.0301\)/);
    assert.equal(message.summary, 'Signature refused');
    assert.deepEqual(message.actions[0], {
      title: 'Set Credentials',
      command: CommandId.setCredentials,
      args: [{ profile: 'P' }],
    });
    assert.ok((err as EcsError).requestId, 'the local server sends a request id');
    assert.ok(message.message.includes(`(request id: ${(err as EcsError).requestId})`));
    assert.ok(!message.message.includes('wrong-secret-0000000000'));
  });

  it('a missing key names the server and the key', async () => {
    const server = f.seed.servers[0];
    const err = await failure(client().getMetadataItem(server.id, 'no-such-key'));
    const message = describeError(err, { profile: 'P', serverId: server.id, key: 'no-such-key' });
    assert.match(message.message, new RegExp(`Server ${server.id} has no metadata key "no-such-key"`));
    assert.equal(message.summary, 'Key not found');
  });

  it('a missing key names the server by name when it is known (its id is in the panel and the tooltip)', async () => {
    const server = f.seed.servers[0];
    const err = await failure(client().getMetadataItem(server.id, 'no-such-key'));
    const context = { profile: 'P', serverId: server.id, serverName: server.name, key: 'no-such-key' };
    const message = describeError(err, context).message;
    assert.match(message, new RegExp(`Server "${server.name}" has no metadata key "no-such-key"`));
    assert.ok(!message.includes(server.id), message);
  });

  it('a missing server says it may be gone or in another project, and offers to remove it', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const err = await failure(client().listMetadata(id));
    const message = describeError(err, { profile: 'P', serverId: id });
    assert.match(message.message, /was not found/);
    assert.deepEqual(message.actions[0]?.args, [{ profile: 'P', serverId: id }]);
  });

  it('throttling says to wait', async () => {
    f.server.setFaults({ throttle: { count: 1 } });
    const message = describeError(await failure(client().listServers()));
    assert.match(message.message, /throttling/);
  });

  it('an error row says the kind of failure (never a bare "Cloud error")', async () => {
    const summaryOf = async (faults: Parameters<typeof f.server.setFaults>[0]): Promise<string> => {
      f.server.resetFaults();
      f.server.setFaults(faults);
      return describeError(await failure(client().listServers())).summary;
    };
    assert.equal(await summaryOf({ throttle: { count: 1 } }), 'Throttled, try again shortly');
    assert.equal(
      await summaryOf({ serverError: { count: 1, status: 503 } }),
      'Service unavailable (HTTP 503)',
    );
    assert.equal(await summaryOf({ serverError: { count: 1, status: 500 } }), 'Service error (HTTP 500)');
    assert.equal(await summaryOf({ htmlError: { count: 1 } }), 'Gateway error (HTTP 502)');
    assert.equal(await summaryOf({ malformedJson: { count: 1 } }), 'Unreadable answer from the cloud');
    assert.equal(
      describeError(await failure(client(undefined, `${f.server.url}/nowhere`).listServers())).summary,
      'No such API route (HTTP 404)',
    );
    assert.equal(describeError(new EcsError('timeout', 'slow')).summary, 'Request timed out');
    assert.equal(describeError(new EcsError('forbidden', 'no', { status: 403 })).summary, 'Access denied');
  });

  it('an unreachable endpoint points at the network and http.proxy', async () => {
    const port = await closedPort();
    const message = describeError(await failure(client(undefined, `http://127.0.0.1:${port}`).listServers()));
    assert.match(message.message, /http\.proxy/);
    assert.ok(
      message.actions.some(
        (a) => a.command === 'workbench.action.openSettings' && a.args?.[0] === 'http.proxy',
      ),
    );
  });

  it('an untrusted certificate offers the CA route (NODE_EXTRA_CA_CERTS, http.systemCertificates) and the log, never proxyStrictSSL', () => {
    const cause = Object.assign(new Error('self-signed certificate'), {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    const message = describeError(new EcsError('network', 'TLS failed', { cause }));
    assert.match(message.message, /NODE_EXTRA_CA_CERTS/);
    assert.match(message.message, /http\.systemCertificates/);
    assert.doesNotMatch(JSON.stringify(message), /proxyStrictSSL/);
    assert.deepEqual(
      message.actions.map((a) => [a.command, ...(a.args ?? [])]),
      [['workbench.action.openSettings', 'http.systemCertificates'], [CommandId.showLog]],
    );
  });

  it('403 names the permission the core set and the request id', () => {
    const err = new EcsError('forbidden', 'denied', {
      status: 403,
      requestId: 'req-403',
      permission: 'ecs:servers:listMetadata',
    });
    const message = describeError(err, { serverId: 's', key: 'k' }).message;
    assert.match(message, /ecs:servers:listMetadata/);
    assert.match(message, /request id: req-403/);
  });

  it('403 without a known permission says access was denied, guessing none', () => {
    const message = describeError(new EcsError('forbidden', 'denied', { status: 403 }), { key: 'k' });
    assert.match(message.message, /Access denied/);
    assert.doesNotMatch(message.message, /ecs:/);
  });

  it('403 names the permission the core reports for the refused route (the native fallback needs its own)', () => {
    const err = new EcsError('forbidden', 'denied', {
      status: 403,
      permission: 'ecs:cloudServers:showServer',
    });
    const message = describeError(err, { serverId: 's', key: 'k' }).message;
    assert.match(message, /ecs:cloudServers:showServer/);
    assert.doesNotMatch(message, /ecs:servers:getMetadata/);
  });

  it('a timeout points at the timeout setting', () => {
    const message = describeError(new EcsError('timeout', 'slow'));
    assert.match(message.message, /ecsMetadata\.requestTimeoutSeconds/);
  });

  it('missing credentials offer Set Credentials for that profile', () => {
    const message = describeError(new SetupError('missingCredentials', 'none yet', 'Q'));
    assert.deepEqual(
      message.actions.map((a) => [a.command, a.args]),
      [[CommandId.setCredentials, [{ profile: 'Q' }]]],
    );
  });

  it('an unknown error keeps its text with secrets redacted', () => {
    const message = describeError(
      new Error('failed with Authorization: SDK-HMAC-SHA256 Access=AK, Signature=abcdef0123'),
    );
    assert.ok(!message.message.includes('abcdef0123'), message.message);
  });
});

/** A port nothing listens on: bind an ephemeral port, then release it. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
