/** The local server's write routes: Nova and native, signed bodies, task states, quotas, injected failures. */
import * as assert from 'node:assert/strict';
import { startEcsServer, type EcsServerHandle } from './index';
import { encodePath, json, officialSignedHeaders, send, type Answer } from './testHttp';

const WEB_01 = '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11';
const DB_PRIMARY = 'c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e33';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('local ECS server: metadata writes', () => {
  let server: EcsServerHandle;
  const nova = (rest = ''): string => `/v2.1/${server.projectId}/servers/${WEB_01}/metadata${rest}`;
  const native = (rest = ''): string => `/v1/${server.projectId}/cloudservers/${WEB_01}/metadata${rest}`;

  /** A request with a token; `body` is sent as JSON text. */
  const write = (method: string, path: string, body?: object): Promise<Answer> =>
    send(server.url, path, {
      method,
      headers: { 'X-Auth-Token': server.credentials.token, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  /** A request signed by the official SDK signer over `data`; `sent` replaces the body bytes sent. */
  const signed = (method: string, path: string, data?: object, sent?: string): Promise<Answer> => {
    const headers = officialSignedHeaders({
      method,
      baseUrl: server.url,
      path,
      accessKey: server.credentials.accessKey,
      secretKey: server.credentials.secretKey,
      projectId: server.projectId,
      ...(data !== undefined ? { data } : {}),
    });
    const body = sent ?? (data !== undefined ? JSON.stringify(data) : undefined);
    return send(server.url, encodePath(path), { method, headers, ...(body !== undefined ? { body } : {}) });
  };

  beforeEach(async () => {
    server = await startEcsServer();
  });
  afterEach(() => server.close());

  it('Nova PUT …/metadata/{key} sets one key and answers {"meta": {key: value}}', async () => {
    const answer = await write('PUT', nova('/app%3Aowner'), { meta: { 'app:owner': 'alice' } });
    assert.equal(answer.status, 200);
    assert.deepEqual(json(answer), { meta: { 'app:owner': 'alice' } });
    assert.equal(server.metadataOf(WEB_01)['app:owner'], 'alice');
    assert.equal(server.metadataOf(WEB_01).owner, 'team-web', 'other keys stay');
  });

  it('Nova PUT …/metadata/{key} refuses a body whose key is not the URL key, or more than one key', async () => {
    const mismatch = await write('PUT', nova('/owner'), { meta: { env: 'x' } });
    assert.equal(mismatch.status, 400);
    assert.match(String((json(mismatch).badRequest as { message: string }).message), /URI mismatch/);
    const many = await write('PUT', nova('/owner'), { meta: { owner: 'x', env: 'y' } });
    assert.equal(many.status, 400);
    assert.equal(server.metadataOf(WEB_01).owner, 'team-web');
  });

  it('refuses keys outside the allowed set, values that are not strings or longer than 255', async () => {
    for (const metadata of [{ 'bad key': 'x' }, { ok: 5 }, { ok: 'v'.repeat(256) }]) {
      const answer = await write('POST', nova(), { metadata });
      assert.equal(answer.status, 400, JSON.stringify(metadata));
    }
    assert.equal((await write('POST', nova(), { metadata: { ok: 'v'.repeat(255) } })).status, 200);
  });

  it('Nova POST …/metadata merges and answers every key after the merge', async () => {
    const before = server.metadataOf(WEB_01);
    const answer = await write('POST', nova(), { metadata: { owner: 'alice', added: 'yes' } });
    assert.equal(answer.status, 200);
    const after = { ...before, owner: 'alice', added: 'yes' };
    assert.deepEqual(json(answer), { metadata: after });
    assert.deepEqual(server.metadataOf(WEB_01), after);
  });

  it('Nova DELETE …/metadata/{key} answers 204, then 404 "Metadata item was not found"', async () => {
    const first = await write('DELETE', nova('/env'));
    assert.equal(first.status, 204);
    assert.equal(first.text, '');
    assert.ok(first.headers['x-request-id']);
    assert.equal('env' in server.metadataOf(WEB_01), false);
    const again = await write('DELETE', nova('/env'));
    assert.equal(again.status, 404);
    assert.deepEqual(json(again), { itemNotFound: { code: 404, message: 'Metadata item was not found' } });
  });

  it('Nova replace-all PUT …/metadata exists and deletes every key not in the body, as on real Nova', async () => {
    const answer = await write('PUT', nova(), { metadata: { only: 'this' } });
    assert.equal(answer.status, 200);
    assert.deepEqual(server.metadataOf(WEB_01), { only: 'this' });
  });

  it('native POST merges (answering the keys given) and DELETE removes; native has no replace-all', async () => {
    const merged = await write('POST', native(), { metadata: { owner: 'alice' } });
    assert.equal(merged.status, 200);
    assert.deepEqual(json(merged), { metadata: { owner: 'alice' } });
    assert.equal(server.metadataOf(WEB_01).owner, 'alice');
    assert.equal((await write('DELETE', native('/owner'))).status, 204);
    const missing = await write('DELETE', native('/owner'));
    assert.equal(missing.status, 404);
    assert.match(JSON.stringify(json(missing)), /Metadata item was not found/);
    const replaceAll = await write('PUT', native(), { metadata: { only: 'this' } });
    assert.equal(replaceAll.status, 404);
    assert.equal(json(replaceAll).error_code, 'APIGW.0101');
  });

  it('an unknown server is 404 on both families', async () => {
    const novaAnswer = await write('DELETE', `/v2.1/${server.projectId}/servers/${UNKNOWN}/metadata/owner`);
    assert.equal(novaAnswer.status, 404);
    assert.match(novaAnswer.text, /could not be found/);
    const nativeAnswer = await write('POST', `/v1/${server.projectId}/cloudservers/${UNKNOWN}/metadata`, {
      metadata: { a: 'b' },
    });
    assert.equal(nativeAnswer.status, 404);
    assert.match(nativeAnswer.text, /Ecs\.0114/);
  });

  it('AK/SK: a body signed by the official signer is accepted, whatever the key set and the value', async () => {
    const value = 'a "quoted" <b> & 中文 value';
    const key = 'AZaz09-_:.';
    const answer = await signed('PUT', nova(`/${key}`), { meta: { [key]: value } });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(server.metadataOf(WEB_01)[key], value);
  });

  it('AK/SK: the signature covers the body bytes — a re-serialized or changed body is 401 APIGW.0301', async () => {
    const data = { metadata: { owner: 'alice' } };
    const spaced = JSON.stringify(data, null, 1);
    const respaced = await signed('POST', nova(), data, spaced);
    assert.equal(respaced.status, 401);
    assert.equal(json(respaced).error_code, 'APIGW.0301');
    const changed = await signed('POST', nova(), data, JSON.stringify({ metadata: { owner: 'mallory' } }));
    assert.equal(changed.status, 401);
    assert.equal(server.metadataOf(WEB_01).owner, 'team-web');
    assert.equal((await signed('POST', nova(), data)).status, 200);
    assert.equal((await signed('DELETE', nova('/owner'))).status, 204);
  });

  it('a server in a task state answers 409 conflictingRequest naming the state, and writes nothing', async () => {
    server.setTaskState(WEB_01, 'resize_migrating');
    const put = await write('PUT', nova('/owner'), { meta: { owner: 'x' } });
    assert.equal(put.status, 409);
    const fault = json(put).conflictingRequest as { code: number; message: string };
    assert.equal(fault.code, 409);
    assert.match(fault.message, /task_state resize_migrating/);
    assert.equal((await write('DELETE', nova('/owner'))).status, 409);
    const nativeAnswer = await write('POST', native(), { metadata: { owner: 'x' } });
    assert.equal(nativeAnswer.status, 409);
    assert.match(nativeAnswer.text, /resize_migrating/);
    assert.equal(server.metadataOf(WEB_01).owner, 'team-web');
    server.setTaskState(WEB_01, undefined);
    assert.equal((await write('PUT', nova('/owner'), { meta: { owner: 'x' } })).status, 200);
  });

  it('a write beyond the quota answers 403 "Quota exceeded for metadata_items" and writes nothing', async () => {
    const count = Object.keys(server.metadataOf(WEB_01)).length;
    server.setMetadataQuota(WEB_01, count + 1);
    assert.equal((await write('PUT', nova('/one'), { meta: { one: '1' } })).status, 200);
    const over = await write('POST', nova(), { metadata: { two: '2', owner: 'x' } });
    assert.equal(over.status, 403);
    assert.match(
      (json(over).forbidden as { message: string }).message,
      new RegExp(`^Quota exceeded for metadata_items: .* of ${count + 1} metadata_items$`),
    );
    assert.equal(server.metadataOf(WEB_01).owner, 'team-web');
    assert.equal((await write('POST', native(), { metadata: { three: '3' } })).status, 403);
    // Changing existing keys does not count against the quota.
    assert.equal((await write('POST', nova(), { metadata: { owner: 'x' } })).status, 200);
  });

  it('novaGone unpublishes the Nova write routes too; the native ones still answer', async () => {
    server.setFaults({ novaGone: true });
    const gone = await write('PUT', nova('/owner'), { meta: { owner: 'x' } });
    assert.equal(gone.status, 404);
    assert.equal(json(gone).error_code, 'APIGW.0101');
    assert.equal((await write('POST', native(), { metadata: { owner: 'x' } })).status, 200);
  });

  it('failWrites: the next writes of the given method answer 500 without writing; others go through', async () => {
    server.setFaults({ failWrites: { count: 1, method: 'DELETE' } });
    assert.equal((await write('POST', nova(), { metadata: { owner: 'x' } })).status, 200);
    assert.equal((await write('DELETE', nova('/env'))).status, 500);
    assert.equal(server.metadataOf(WEB_01).env, 'production');
    assert.equal((await write('DELETE', nova('/env'))).status, 204);
  });

  it('loseWriteAnswers: the write is done, then the connection drops without an answer', async () => {
    server.setFaults({ loseWriteAnswers: { count: 1 } });
    await assert.rejects(write('DELETE', nova('/env')), { code: 'ECONNRESET' });
    assert.equal('env' in server.metadataOf(WEB_01), false);
    assert.equal((await write('DELETE', nova('/owner'))).status, 204);
  });

  it('records each request body as received', async () => {
    await write('POST', nova(), { metadata: { owner: 'x' } });
    assert.equal(server.requests.at(-1)?.body, '{"metadata":{"owner":"x"}}');
  });

  it('the sample servers carry Huawei system keys beside the user keys (ecs-api.md §10)', () => {
    const web01 = server.metadataOf(WEB_01);
    assert.equal(web01.agency_name, 'ecs-ops-agency');
    assert.equal(web01.charging_mode, '0');
    assert.equal(web01['metering.imagetype'], 'gold');
    assert.equal(web01.owner, 'team-web');
    assert.equal(server.metadataOf(DB_PRIMARY).virtual_env_type, 'IsoImage');
  });

  it('refuses adding, changing or deleting virtual_env_type, by any route, as Huawei ECS does', async () => {
    const dbNova = (rest = ''): string => `/v2.1/${server.projectId}/servers/${DB_PRIMARY}/metadata${rest}`;
    const dbNative = `/v1/${server.projectId}/cloudservers/${DB_PRIMARY}/metadata`;
    const before = server.metadataOf(DB_PRIMARY);
    const refused = [
      await write('PUT', dbNova('/virtual_env_type'), { meta: { virtual_env_type: 'KVM' } }),
      await write('POST', dbNova(), { metadata: { env: 'x', virtual_env_type: 'KVM' } }),
      await write('POST', dbNative, { metadata: { virtual_env_type: 'KVM' } }),
      await write('DELETE', dbNova('/virtual_env_type')),
      await write('DELETE', `${dbNative}/virtual_env_type`),
      await write('PUT', dbNova(), { metadata: { owner: 'x' } }),
      // Added where it was not.
      await write('PUT', nova('/virtual_env_type'), { meta: { virtual_env_type: 'IsoImage' } }),
    ];
    for (const answer of refused) {
      assert.equal(answer.status, 400, answer.text);
      assert.match(answer.text, /virtual_env_type/);
    }
    assert.deepEqual(server.metadataOf(DB_PRIMARY), before, 'nothing written');
    assert.equal('virtual_env_type' in server.metadataOf(WEB_01), false);
    // Other keys, and the key given its own value again, still go through.
    const same = await write('POST', dbNova(), {
      metadata: { env: 'staging', virtual_env_type: 'IsoImage' },
    });
    assert.equal(same.status, 200);
    assert.equal(server.metadataOf(DB_PRIMARY).env, 'staging');
  });
});
