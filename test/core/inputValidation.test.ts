import * as assert from 'node:assert/strict';
import {
  createEcsClient,
  EcsError,
  lookupProjectId,
  validateEndpoint,
  validateMetadataKey,
  validateServerId,
} from '../../src/core';
import { metadataKeyProblem, serverIdProblem } from '../../src/core/validation';
import { WEB_01, authFor, clientFor, startAdHocIam, useEcsServer } from './fixtures';

describe('input checked before any request', () => {
  const server = useEcsServer();

  const badIds = ['', 'web-01', `${WEB_01}/metadata`, `${WEB_01}?x=1`, '../../v3/auth/tokens', `${WEB_01} `];
  for (const id of badIds) {
    it(`refuses server id ${JSON.stringify(id)} without a request`, async () => {
      const client = clientFor(server());
      await assert.rejects(client.getMetadataItem(id, 'owner'), {
        kind: 'invalidInput',
        problem: { code: 'serverIdInvalid', detail: id },
      });
      await assert.rejects(client.listMetadata(id), { kind: 'invalidInput' });
      await assert.rejects(client.getServer(id), { kind: 'invalidInput' });
      assert.equal(server().requests.length, 0);
    });
  }

  const badKeys = ['', 'k'.repeat(256), 'a/b', 'a?b', 'a#b', 'a b', '%2F', '..', '.', 'ключ', 'a\nb'];
  for (const key of badKeys) {
    it(`refuses key ${JSON.stringify(key.slice(0, 12))} without a request`, async () => {
      await assert.rejects(clientFor(server()).getMetadataItem(WEB_01, key), (e: unknown) => {
        assert.ok(e instanceof EcsError && e.kind === 'invalidInput');
        assert.ok(e.message.length > 20);
        assert.match(e.problem?.code ?? '', /^metadataKey/, 'the error carries the reason code');
        return true;
      });
      assert.equal(server().requests.length, 0);
    });
  }

  it('accepts keys of the full allowed set up to 255 characters', () => {
    validateMetadataKey('A-Za-z0-9_:.'.repeat(21).slice(0, 255));
    validateMetadataKey('x');
    validateServerId(WEB_01.toUpperCase());
    assert.equal(metadataKeyProblem('ok:key'), undefined);
    assert.deepEqual(metadataKeyProblem('bad key'), { code: 'metadataKeyCharacters', detail: 'bad key' });
    assert.deepEqual(serverIdProblem('nope'), { code: 'serverIdInvalid', detail: 'nope' });
  });

  it('refuses a missing or odd project id at creation', () => {
    for (const projectId of ['', 'a/b', '../x', 'p?q']) {
      assert.throws(
        () => createEcsClient({ endpoint: server().url, projectId, auth: authFor(server(), 'token') }),
        { kind: 'invalidInput' },
      );
    }
  });

  it('refuses empty credentials at creation', () => {
    assert.throws(
      () =>
        createEcsClient({
          endpoint: server().url,
          projectId: server().projectId,
          auth: { type: 'aksk', accessKey: 'AK', secretKey: '' },
        }),
      { kind: 'invalidInput' },
    );
    assert.throws(
      () =>
        createEcsClient({
          endpoint: server().url,
          projectId: server().projectId,
          auth: { type: 'token', token: '' },
        }),
      { kind: 'invalidInput' },
    );
  });

  it('allows plain http only for loopback hosts', () => {
    for (const ok of [
      'http://127.0.0.1:8080',
      'http://127.9.8.7',
      'http://localhost:1',
      'http://[::1]:99',
      'https://ecs.example.com',
    ]) {
      assert.doesNotThrow(() => validateEndpoint(ok), ok);
    }
    for (const bad of [
      'http://ecs.cn-north-4.myhuaweicloud.com',
      'http://10.0.0.1',
      'http://127.0.0.1.nip.io',
      'http://localhost.evil.com',
    ]) {
      assert.throws(() => validateEndpoint(bad), { kind: 'invalidInput' }, bad);
    }
  });

  it('refuses endpoints that are not http(s) URLs or that carry credentials, a query or a fragment', () => {
    for (const bad of [
      'ecs.example.com',
      'ftp://ecs.example.com',
      'https://u:p@ecs.example.com',
      'https://e.com/?a=1',
      'https://e.com/#x',
    ]) {
      assert.throws(() => validateEndpoint(bad), { kind: 'invalidInput' }, bad);
    }
  });

  it('refuses a plain-http IAM endpoint when looking a project up, without a request', async () => {
    // 0.0.0.0 reaches this machine but is not a loopback name: it must be refused like any remote host.
    const iam = await startAdHocIam((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"projects":[{"id":"0b5b8a1f3e6c4d7a9f2e1c0d8b7a6f5e","name":"cn-north-4"}]}');
    });
    try {
      const port = new URL(iam.url).port;
      await assert.rejects(
        lookupProjectId({
          iamEndpoint: `http://0.0.0.0:${port}`,
          domain: 'd',
          user: 'u',
          password: 'pw-0123',
          region: 'cn-north-4',
        }),
        { kind: 'invalidInput' },
      );
      assert.equal(iam.hits, 0);
    } finally {
      await iam.close();
    }
  });

  it('refuses a plain-http IAM endpoint for password auth', () => {
    assert.throws(
      () =>
        createEcsClient({
          endpoint: 'https://ecs.cn-north-4.myhuaweicloud.com',
          projectId: '9c53a566cb3443ab910cf0daebca90c4',
          auth: {
            type: 'password',
            iamEndpoint: 'http://iam.example.com',
            domain: 'd',
            user: 'u',
            password: 'p',
          },
        }),
      { kind: 'invalidInput' },
    );
  });
});
