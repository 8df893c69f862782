/** Writing metadata over real HTTP: set, delete, merge, native fallback, signing, checks, errors, retries. */
import * as assert from 'node:assert/strict';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import {
  createEcsClient,
  destroyAgents,
  type EcsClientOptions,
  type EcsError,
  type RequestEvent,
} from '../../src/core';
import { encodePathSegment } from '../../src/core/percentEncoding';
import { akskAuth } from '../../src/core/requestAuth';
import { startEcsServer, type EcsServerHandle } from '../ecs-server';
import {
  AUTH_TYPES,
  UNKNOWN_SERVER,
  WEB_01,
  apiRequests,
  clientFor,
  rejectionOf,
  startAdHocServer,
} from './fixtures';

/** A server per test: writes change its state. */
function useFreshEcsServer(): () => EcsServerHandle {
  let server: EcsServerHandle | undefined;
  beforeEach(async () => {
    server = await startEcsServer({ quiet: true });
  });
  afterEach(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the ECS server has not started');
    return server;
  };
}

const writes = (server: EcsServerHandle) =>
  apiRequests(server)
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path.replace(`/${server.projectId}`, '/{p}').replace(WEB_01, '{id}')}`);

/** No request of the whole suite may be Nova's replace-all `PUT …/servers/{id}/metadata`. */
function assertNoReplaceAll(server: EcsServerHandle): void {
  const replaceAll = server.requests.filter((r) => r.method === 'PUT' && /\/metadata$/.test(r.path));
  assert.deepEqual(replaceAll, []);
}

describe('metadata writes', () => {
  const server = useFreshEcsServer();
  afterEach(() => assertNoReplaceAll(server()));

  /** A token client for a stand-in at `url` (an ad-hoc server, a closed port) in the server's project. */
  const tokenClientAt = (url: string, options: Partial<EcsClientOptions> = {}) =>
    createEcsClient({
      endpoint: url,
      projectId: server().projectId,
      auth: { type: 'token', token: 't' },
      ...options,
    });

  describe('setMetadataItem', () => {
    for (const authType of AUTH_TYPES) {
      it(`PUTs {"meta": {key: value}} to …/metadata/{key} (${authType})`, async () => {
        const receipt = await clientFor(server(), { authType }).setMetadataItem(WEB_01, 'app:owner', 'alice');
        assert.equal(receipt.api, 'nova');
        assert.match(receipt.requestId ?? '', /^[0-9a-f]{32}$/);
        assert.deepEqual(writes(server()), ['PUT /v2.1/{p}/servers/{id}/metadata/app%3Aowner']);
        assert.equal(server().requests.at(-1)?.body, '{"meta":{"app:owner":"alice"}}');
        assert.equal(server().metadataOf(WEB_01)['app:owner'], 'alice');
      });
    }

    it('writes a value with spaces, quotes, <, & and Chinese exactly, signed over those bytes', async () => {
      const value = ' a "quoted" <tag> & 中文 ';
      await clientFor(server()).setMetadataItem(WEB_01, 'AZaz09-_:.', value);
      assert.equal(server().metadataOf(WEB_01)['AZaz09-_:.'], value);
      assert.equal(await clientFor(server()).getMetadataItem(WEB_01, 'AZaz09-_:.'), value);
    });

    it('sets an empty value and a value of exactly 255 characters (Chinese counted as one each)', async () => {
      const client = clientFor(server());
      await client.setMetadataItem(WEB_01, 'empty', '');
      await client.setMetadataItem(WEB_01, 'long', '中'.repeat(255));
      await client.setMetadataItem(WEB_01, 'emoji', '😀'.repeat(255));
      assert.equal(server().metadataOf(WEB_01).empty, '');
      assert.equal(server().metadataOf(WEB_01).long, '中'.repeat(255));
    });
  });

  describe('deleteMetadataItem', () => {
    it('DELETEs …/metadata/{key}; 204 resolves', async () => {
      const receipt = await clientFor(server()).deleteMetadataItem(WEB_01, 'app:tier');
      assert.equal(receipt.api, 'nova');
      assert.equal(receipt.doneEarlier, undefined);
      assert.deepEqual(writes(server()), ['DELETE /v2.1/{p}/servers/{id}/metadata/app%3Atier']);
      assert.equal('app:tier' in server().metadataOf(WEB_01), false);
    });

    it('a missing key is keyNotFound (and not retried)', async () => {
      const error = (await rejectionOf(clientFor(server()).deleteMetadataItem(WEB_01, 'nope'))) as EcsError;
      assert.equal(error.kind, 'keyNotFound');
      assert.match(error.message, /"nope"/);
      assert.equal(apiRequests(server()).length, 1);
    });

    it('an unknown server is serverNotFound', async () => {
      await assert.rejects(clientFor(server()).deleteMetadataItem(UNKNOWN_SERVER, 'owner'), {
        kind: 'serverNotFound',
      });
    });
  });

  describe('updateMetadata', () => {
    it('POSTs {"metadata": {...}} (merge) and resolves to every key after it', async () => {
      const before = server().metadataOf(WEB_01);
      const after = await clientFor(server()).updateMetadata(WEB_01, { owner: 'alice', added: 'new' });
      assert.deepEqual(after, { ...before, owner: 'alice', added: 'new' });
      assert.deepEqual(writes(server()), ['POST /v2.1/{p}/servers/{id}/metadata']);
      assert.equal(server().requests.at(-1)?.body, '{"metadata":{"owner":"alice","added":"new"}}');
      assert.deepEqual(server().metadataOf(WEB_01), after);
    });

    it('keeps "__proto__" an ordinary key', async () => {
      const metadata = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
      const after = await clientFor(server()).updateMetadata(WEB_01, metadata);
      assert.equal(Object.prototype.hasOwnProperty.call(after, '__proto__'), true);
      assert.equal(server().metadataOf(WEB_01)['__proto__'], 'x');
    });
  });

  describe('native fallback where the Nova route is gone', () => {
    beforeEach(() => server().setFaults({ novaGone: true }));

    it('set: a one-key native POST …/cloudservers/{id}/metadata', async () => {
      const receipt = await clientFor(server()).setMetadataItem(WEB_01, 'owner', 'alice');
      assert.equal(receipt.api, 'native');
      assert.deepEqual(writes(server()), [
        'PUT /v2.1/{p}/servers/{id}/metadata/owner',
        'POST /v1/{p}/cloudservers/{id}/metadata',
      ]);
      assert.equal(server().requests.at(-1)?.body, '{"metadata":{"owner":"alice"}}');
      assert.equal(server().metadataOf(WEB_01).owner, 'alice');
    });

    it('delete: native DELETE …/cloudservers/{id}/metadata/{key}; a missing key is keyNotFound there too', async () => {
      const client = clientFor(server());
      assert.equal((await client.deleteMetadataItem(WEB_01, 'env')).api, 'native');
      assert.equal('env' in server().metadataOf(WEB_01), false);
      await assert.rejects(client.deleteMetadataItem(WEB_01, 'env'), { kind: 'keyNotFound' });
      assert.deepEqual(writes(server()), [
        'DELETE /v2.1/{p}/servers/{id}/metadata/env',
        'DELETE /v1/{p}/cloudservers/{id}/metadata/env',
        'DELETE /v1/{p}/cloudservers/{id}/metadata/env',
      ]);
    });

    it('merge: native POST, then the server read natively for every key', async () => {
      const after = await clientFor(server()).updateMetadata(WEB_01, { owner: 'alice' });
      assert.equal(after.owner, 'alice');
      assert.equal(after.env, 'production');
      assert.deepEqual(
        apiRequests(server()).map((r) => r.method),
        ['POST', 'POST', 'GET'],
      );
    });
  });

  describe('input checked before any request', () => {
    const bad: [string, (c: ReturnType<typeof clientFor>) => Promise<unknown>][] = [
      ['a key with a space', (c) => c.setMetadataItem(WEB_01, 'a b', 'v')],
      ['a key of 256 characters', (c) => c.setMetadataItem(WEB_01, 'k'.repeat(256), 'v')],
      ['an empty key', (c) => c.deleteMetadataItem(WEB_01, '')],
      ['the key ".."', (c) => c.deleteMetadataItem(WEB_01, '..')],
      ['a value of 256 characters', (c) => c.setMetadataItem(WEB_01, 'k', 'v'.repeat(256))],
      ['a value that is not text', (c) => c.setMetadataItem(WEB_01, 'k', 5 as unknown as string)],
      ['a merge value that is not text', (c) => c.updateMetadata(WEB_01, { k: null as unknown as string })],
      ['a merge key outside the set', (c) => c.updateMetadata(WEB_01, { ok: '1', 'bad/key': '2' })],
      ['an empty merge', (c) => c.updateMetadata(WEB_01, {})],
      ['a server id that is not a UUID', (c) => c.setMetadataItem('web-01', 'k', 'v')],
    ];
    for (const [what, run] of bad) {
      it(`refuses ${what} with invalidInput and sends nothing`, async () => {
        const error = (await rejectionOf(run(clientFor(server())))) as EcsError;
        assert.equal(error.kind, 'invalidInput', error.message);
        assert.equal(apiRequests(server()).length, 0);
      });
    }
  });

  describe('errors of writes', () => {
    it('a server in a task state: conflict, naming the state, not retried', async () => {
      server().setTaskState(WEB_01, 'resize_migrating');
      const error = (await rejectionOf(
        clientFor(server()).setMetadataItem(WEB_01, 'owner', 'x'),
      )) as EcsError;
      assert.equal(error.kind, 'conflict');
      assert.equal(error.taskState, 'resize_migrating');
      assert.match(error.message, /busy.*task state resize_migrating/);
      assert.equal(apiRequests(server()).length, 1);
      await assert.rejects(clientFor(server()).deleteMetadataItem(WEB_01, 'owner'), { kind: 'conflict' });
    });

    it('over the quota: quota, saying how many keys the server has and may have', async () => {
      const count = Object.keys(server().metadataOf(WEB_01)).length;
      server().setMetadataQuota(WEB_01, count);
      const error = (await rejectionOf(
        clientFor(server()).updateMetadata(WEB_01, { a: '1', b: '2' }),
      )) as EcsError;
      assert.equal(error.kind, 'quota');
      assert.equal(error.keyCount, count);
      assert.equal(error.keyQuota, count);
      assert.match(error.message, new RegExp(`has ${count} metadata keys and may have at most ${count}`));
      assert.match(error.message, /request id [0-9a-f]{32}/);
      assert.equal(server().metadataOf(WEB_01).a, undefined);
      await assert.rejects(clientFor(server()).setMetadataItem(WEB_01, 'one', '1'), { kind: 'quota' });
    });

    it('a 413 overLimit quota answer is quota too', async () => {
      const adHoc = await startAdHocServer((_req, res) => {
        res.writeHead(413, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ overLimit: { code: 413, message: 'Quota exceeded for metadata_items' } }));
      });
      try {
        const client = tokenClientAt(adHoc.url, { metadataApi: 'nova' });
        await assert.rejects(client.setMetadataItem(WEB_01, 'k', 'v'), { kind: 'quota' });
      } finally {
        await adHoc.close();
      }
    });

    it('a 403 that is not a quota names the write permission of the route refused', async () => {
      // Nova gone, the native route refused: the native permission is the one named.
      const adHoc = await startAdHocServer((req, res) => {
        res.writeHead(req.url?.startsWith('/v2.1/') ? 404 : 403, { 'Content-Type': 'application/json' });
        res.end(
          req.url?.startsWith('/v2.1/')
            ? JSON.stringify({ error_code: 'APIGW.0101', error_msg: 'The API does not exist' })
            : JSON.stringify({ error: { code: 'Ecs.0027', message: 'Policy doesn\u2019t allow this' } }),
        );
      });
      try {
        const client = tokenClientAt(adHoc.url);
        const set = (await rejectionOf(client.setMetadataItem(WEB_01, 'k', 'v'))) as EcsError;
        assert.equal(set.kind, 'forbidden');
        assert.equal(set.permission, 'ecs:cloudServers:updateMetadata');
        assert.match(set.message, /ecs:cloudServers:updateMetadata/);
        const del = (await rejectionOf(client.deleteMetadataItem(WEB_01, 'k'))) as EcsError;
        assert.equal(del.kind, 'forbidden');
        assert.equal(del.permission, 'ecs:cloudServers:deleteMetadata');
        const nova = tokenClientAt(adHoc.url, { metadataApi: 'native' });
        const update = (await rejectionOf(nova.updateMetadata(WEB_01, { k: 'v' }))) as EcsError;
        assert.equal(update.kind, 'forbidden');
        assert.equal(update.permission, 'ecs:cloudServers:updateMetadata');
      } finally {
        await adHoc.close();
      }
    });

    it('a 403 on the Nova route names ecs:servers:setMetadata', async () => {
      const adHoc = await startAdHocServer((_req, res) => {
        res.writeHead(403, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ forbidden: { code: 403, message: 'Policy does not allow it.' } }));
      });
      try {
        const client = tokenClientAt(adHoc.url);
        const error = (await rejectionOf(client.deleteMetadataItem(WEB_01, 'k'))) as EcsError;
        assert.equal(error.kind, 'forbidden');
        assert.equal(error.permission, 'ecs:servers:setMetadata');
      } finally {
        await adHoc.close();
      }
    });
  });

  describe('retries of writes', () => {
    function recording(maxAttempts = 3) {
      const events: RequestEvent[] = [];
      const client = clientFor(server(), { onRequest: (e) => events.push(e), maxAttempts });
      return { client, events };
    }

    it('retries a 429 with Retry-After after exactly the seconds asked, and the write happens once', async () => {
      server().setFaults({ throttle: { count: 1, retryAfterSeconds: 1 } });
      const { client, events } = recording();
      await client.setMetadataItem(WEB_01, 'owner', 'alice');
      assert.deepEqual(
        events.map((e) => [e.method, e.status, e.retryInMs]),
        [
          ['PUT', 429, 1000],
          ['PUT', 200, undefined],
        ],
      );
      assert.equal(server().metadataOf(WEB_01).owner, 'alice');
    });

    it('retries a 429 without Retry-After and a 503', async () => {
      server().setFaults({ throttle: { count: 1 }, serverError: { count: 1, status: 503 } });
      const { client, events } = recording();
      await client.updateMetadata(WEB_01, { owner: 'alice' });
      assert.deepEqual(
        events.map((e) => e.status),
        [429, 503, 200],
      );
    });

    for (const status of [500, 502, 504] as const) {
      it(`does not repeat a write after a ${status} (it may have happened)`, async () => {
        server().setFaults({ serverError: { count: 1, status } });
        await assert.rejects(clientFor(server()).setMetadataItem(WEB_01, 'owner', 'x'), { status });
        assert.equal(apiRequests(server()).length, 1);
      });
    }

    it('does not repeat a write after a timeout', async () => {
      server().setFaults({ hang: { count: 1 } });
      await assert.rejects(clientFor(server(), { timeoutMs: 300 }).deleteMetadataItem(WEB_01, 'owner'), {
        kind: 'timeout',
      });
      assert.equal(apiRequests(server()).length, 1);
    });

    it('does not repeat a write whose fresh connection was dropped before an answer', async () => {
      destroyAgents();
      server().setFaults({ reset: { count: 1 } });
      await assert.rejects(clientFor(server()).setMetadataItem(WEB_01, 'owner', 'x'), { kind: 'network' });
      assert.equal(apiRequests(server()).length, 1);
    });

    it('resends at once a write whose reused connection failed before any answer', async () => {
      const { client, events } = recording();
      await client.getMetadataItem(WEB_01, 'owner'); // leaves a kept-alive connection in the pool
      server().setFaults({ reset: { count: 1 } });
      await client.setMetadataItem(WEB_01, 'owner', 'alice');
      // The transport resends on a new connection within the same attempt: one event, two requests.
      assert.deepEqual(
        events.slice(1).map((e) => [e.method, e.error, e.retryInMs, e.status]),
        [['PUT', undefined, undefined, 200]],
      );
      assert.equal(apiRequests(server()).filter((r) => r.method === 'PUT').length, 2);
      assert.equal(server().metadataOf(WEB_01).owner, 'alice');
    });

    it('retries a refused connection', async () => {
      const closed = await startAdHocServer(() => undefined);
      await closed.close();
      const events: RequestEvent[] = [];
      const client = tokenClientAt(closed.url, { onRequest: (e) => events.push(e) });
      await assert.rejects(client.setMetadataItem(WEB_01, 'k', 'v'), { code: 'ECONNREFUSED' });
      assert.deepEqual(
        events.map((e) => e.attempt),
        [1, 2, 3],
      );
    });

    it('a DELETE whose answer was lost, retried and answered 404, counts as done', async () => {
      const { client, events } = recording();
      await client.getMetadataItem(WEB_01, 'owner');
      server().setFaults({ loseWriteAnswers: { count: 1 } });
      const receipt = await client.deleteMetadataItem(WEB_01, 'env');
      assert.equal(receipt.doneEarlier, true);
      assert.equal('env' in server().metadataOf(WEB_01), false);
      assert.deepEqual(
        events.slice(1).map((e) => [e.method, e.status, e.error]),
        [['DELETE', 404, undefined]],
      );
      assert.equal(apiRequests(server()).filter((r) => r.method === 'DELETE').length, 2);
    });

    it('a PUT whose answer was lost is resent and succeeds (repeating it is harmless)', async () => {
      const { client } = recording();
      await client.getMetadataItem(WEB_01, 'owner');
      server().setFaults({ loseWriteAnswers: { count: 1 } });
      await client.setMetadataItem(WEB_01, 'owner', 'alice');
      assert.equal(server().metadataOf(WEB_01).owner, 'alice');
      assert.equal(apiRequests(server()).filter((r) => r.method === 'PUT').length, 2);
    });
  });
});

describe('AK/SK signing of write bodies', () => {
  const HOST = 'ecs.cn-north-4.myhuaweicloud.com';
  const PROJECT = '9c53a566cb3443ab910cf0daebca90c4';
  const KEY = { accessKey: 'QTWAOYTTINDUT2QVKYUC', secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' };
  const DATE = new Date('2024-01-02T03:04:05Z');
  const ALL_KEY_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_:.';

  function official(method: string, path: string, data: object | undefined): string {
    const signed = AKSKSigner.sign(
      {
        method,
        endpoint: `https://${HOST}${path}`,
        queryParams: {},
        headers: {
          'Content-Type': 'application/json',
          host: HOST,
          'X-Project-Id': PROJECT,
          'X-Sdk-Date': '20240102T030405Z',
        },
        data,
      } as Parameters<typeof AKSKSigner.sign>[0],
      { getAk: () => KEY.accessKey, getSk: () => KEY.secretKey } as Parameters<typeof AKSKSigner.sign>[1],
    ) as Record<string, string>;
    return signed.Authorization;
  }

  async function ours(method: string, path: string, body: string | undefined): Promise<string> {
    const url = new URL(`https://${HOST}`);
    url.pathname = path.split('/').map(encodePathSegment).join('/');
    const headers = await akskAuth(KEY, PROJECT, () => DATE).headersFor(
      { method, url, query: [], ...(body !== undefined ? { body } : {}) },
      undefined,
    );
    return headers.Authorization;
  }

  const values = [
    'plain',
    'with spaces  inside ',
    'say "hi"',
    "it's",
    '<script>alert(1)</script>',
    'a & b && c',
    '中文值，含标点。',
    'mixed 中文 "q" <x> & y',
    '',
    '\\back\\slash\n\ttab',
  ];
  const keys = [ALL_KEY_CHARACTERS, 'app:owner', 'backup.policy', 'A-b_C:d.E', 'k'.repeat(255)];

  for (const key of keys) {
    for (const value of values) {
      it(`PUT {"meta"} agrees with the official signer: key ${key.slice(0, 12)}…, value ${JSON.stringify(value).slice(0, 24)}`, async () => {
        const path = `/v2.1/${PROJECT}/servers/${WEB_01}/metadata/${key}`;
        const data = { meta: { [key]: value } };
        assert.equal(await ours('PUT', path, JSON.stringify(data)), official('PUT', path, data));
      });
    }
  }

  it('POST {"metadata"} of every value at once agrees with the official signer', async () => {
    const path = `/v2.1/${PROJECT}/servers/${WEB_01}/metadata`;
    const data = { metadata: Object.fromEntries(values.map((v, i) => [`${ALL_KEY_CHARACTERS}${i}`, v])) };
    assert.equal(await ours('POST', path, JSON.stringify(data)), official('POST', path, data));
  });

  it('a bodiless DELETE agrees with the official signer (empty-body hash)', async () => {
    const path = `/v2.1/${PROJECT}/servers/${WEB_01}/metadata/${ALL_KEY_CHARACTERS}`;
    assert.equal(await ours('DELETE', path, undefined), official('DELETE', path, undefined));
  });

  it('the signature changes with one byte of the body', async () => {
    const path = `/v2.1/${PROJECT}/servers/${WEB_01}/metadata`;
    assert.notEqual(
      await ours('POST', path, '{"metadata":{"k":"v"}}'),
      await ours('POST', path, '{"metadata": {"k":"v"}}'),
    );
  });
});
