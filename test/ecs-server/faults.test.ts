/** Each fault switch does what it says, for as many requests as it says, and only on API routes. */
import * as assert from 'node:assert/strict';
import { useEcsServer } from '../core/fixtures';
import { startEcsServer } from './index';
import { json, send, type Answer } from './testHttp';
import { passwordTokenBody } from './iamBodies';

const WEB_01 = '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11';

describe('local ECS server: fault switches', () => {
  const server = useEcsServer();
  const item = (): string => `/v2.1/${server().projectId}/servers/${WEB_01}/metadata/owner`;
  const get = (p = item()): Promise<Answer> =>
    send(server().url, p, { headers: { 'X-Auth-Token': server().credentials.token } });
  const statuses = async (n: number): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await get()).status);
    return out;
  };

  it('starts with every fault off', async () => {
    assert.deepEqual(await statuses(2), [200, 200]);
  });

  it('throttle: the next N requests get 429 APIGW.0308, with Retry-After only when set', async () => {
    server().setFaults({ throttle: { count: 2, retryAfterSeconds: 3 } });
    const first = await get();
    assert.equal(first.status, 429);
    assert.equal(first.headers['retry-after'], '3');
    assert.equal(json(first).error_code, 'APIGW.0308');
    assert.equal(json(first).request_id, first.headers['x-request-id']);
    assert.deepEqual(await statuses(2), [429, 200]);

    server().faults.throttle.count = 1; // the live object works too
    delete server().faults.throttle.retryAfterSeconds;
    const bare = await get();
    assert.equal(bare.status, 429);
    assert.equal(bare.headers['retry-after'], undefined);
    assert.equal((await get()).status, 200);
  });

  it('throttle with every: only every n-th request gets 429 until the count is used up', async () => {
    server().setFaults({ throttle: { count: 2, every: 3 } });
    assert.deepEqual(await statuses(8), [200, 200, 429, 200, 200, 429, 200, 200]);
  });

  for (const status of [500, 502, 503, 504] as const) {
    it(`serverError ${status}: the next N requests answer ${status} with a JSON error body`, async () => {
      server().setFaults({ serverError: { count: 2, status } });
      const answer = await get();
      assert.equal(answer.status, status);
      assert.equal(answer.headers['content-type'], 'application/json');
      assert.equal(typeof json(answer), 'object');
      assert.deepEqual(await statuses(2), [status, 200]);
    });
  }

  it('reset: the socket is destroyed without an answer, then requests work again', async () => {
    server().setFaults({ reset: { count: 1 } });
    await assert.rejects(get(), (err: NodeJS.ErrnoException) => err.code === 'ECONNRESET');
    assert.equal(server().requests.at(-1)?.status, 0, 'logged as unanswered');
    assert.equal((await get()).status, 200);
  });

  it('malformedJson: 200 with a body that does not parse', async () => {
    server().setFaults({ malformedJson: { count: 1 } });
    const answer = await get();
    assert.equal(answer.status, 200);
    assert.ok(answer.text.length > 0);
    assert.throws(() => JSON.parse(answer.text), SyntaxError);
    assert.deepEqual(json(await get()), { meta: { owner: 'team-web' } });
  });

  it('htmlError: 502 text/html gateway page', async () => {
    server().setFaults({ htmlError: { count: 1 } });
    const answer = await get();
    assert.equal(answer.status, 502);
    assert.match(String(answer.headers['content-type']), /^text\/html/);
    assert.match(answer.text, /<title>502 Bad Gateway<\/title>/);
    assert.match(String(answer.headers['x-request-id']), /^[0-9a-f]{32}$/);
    assert.equal((await get()).status, 200);
  });

  it('oversizedBody: 200 with valid JSON of exactly the given size', async () => {
    server().setFaults({ oversizedBody: { count: 1, bytes: 3 * 1024 * 1024 } });
    const answer = await get();
    assert.equal(answer.status, 200);
    assert.equal(Buffer.byteLength(answer.text), 3 * 1024 * 1024);
    assert.equal(answer.headers['content-length'], String(3 * 1024 * 1024));
    assert.doesNotThrow(() => JSON.parse(answer.text));
    assert.deepEqual(json(await get()), { meta: { owner: 'team-web' } });
  });

  it('novaGone: Nova metadata routes answer 404 APIGW.0101; the native route and server routes still work', async () => {
    server().setFaults({ novaGone: true });
    for (const p of [item(), `/v2.1/${server().projectId}/servers/${WEB_01}/metadata`]) {
      const answer = await get(p);
      assert.equal(answer.status, 404, p);
      assert.equal(json(answer).error_code, 'APIGW.0101');
    }
    assert.equal((await get(`/v1/${server().projectId}/cloudservers/${WEB_01}`)).status, 200);
    assert.equal((await get(`/v2.1/${server().projectId}/servers/${WEB_01}`)).status, 200);
    assert.equal((await get(`/v2.1/${server().projectId}/servers`)).status, 200);
    server().setFaults({ novaGone: false });
    assert.equal((await get()).status, 200);
  });

  it('hostileErrorText: 500 in the gateway shape with a multi-line request_id, no X-Request-Id, the token echoed', async () => {
    server().setFaults({ hostileErrorText: { count: 1 } });
    const answer = await get();
    assert.equal(answer.status, 500);
    assert.equal(answer.headers['x-request-id'], undefined);
    const body = json(answer);
    assert.match(String(body.request_id), /\n.*forged/);
    assert.ok(String(body.error_code).length > 10_000);
    assert.ok(String(body.error_msg).includes(server().credentials.token));
    assert.equal((await get()).status, 200);
  });

  it('redirect: the given status with the Location verbatim, even when it is not a URL', async () => {
    server().setFaults({ redirect: { count: 1, status: 302, location: 'http://[not-a-host' } });
    const answer = await get();
    assert.equal(answer.status, 302);
    assert.equal(answer.headers.location, 'http://[not-a-host');
    assert.equal((await get()).status, 200);
  });

  it('iam switches: a token without its project, a 403 or other regions on GET /v3/projects', async () => {
    const login = (): Promise<Answer> =>
      send(server().url, '/v3/auth/tokens', {
        method: 'POST',
        body: JSON.stringify(passwordTokenBody(server().credentials, { name: server().region })),
      });
    const projectOf = async (): Promise<unknown> =>
      (json(await login()).token as { project?: unknown }).project;
    assert.equal(((await projectOf()) as { id: string }).id, server().projectId);
    server().setFaults({ iamTokenProject: 'omitted' });
    assert.equal(await projectOf(), undefined);
    server().setFaults({ iamTokenProject: 'otherRegion' });
    assert.notEqual(((await projectOf()) as { name: string }).name, server().region);
    const list = (): Promise<Answer> => get(`/v3/projects?name=${server().region}`);
    server().setFaults({ iamProjectList: 'forbidden' });
    assert.equal((await list()).status, 403);
    server().setFaults({ iamProjectList: 'otherRegions' });
    const names = (json(await list()).projects as { name: string }[]).map((p) => p.name);
    assert.ok(names.length > 0 && !names.includes(server().region), names.join());
  });

  it('hang: the request is never answered, and close() still resolves', async () => {
    const own = await startEcsServer();
    own.setFaults({ hang: { count: 1 } });
    const pending = send(own.url, `/v2.1/${own.projectId}/servers`, {
      headers: { 'X-Auth-Token': own.credentials.token },
    });
    let settled = false;
    pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Wait until the server has the request, so the later one cannot take the fault instead.
    while (own.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const later = await send(own.url, `/v2.1/${own.projectId}/servers`, {
      headers: { 'X-Auth-Token': own.credentials.token },
    });
    assert.equal(later.status, 200);
    assert.equal(settled, false, 'the hung request got an answer');
    assert.equal(own.requests[0].status, 0);
    await own.close();
    await assert.rejects(pending, /socket hang up|ECONNRESET/);
  });

  it('records a request the client gave up on as abandoned, and an answered one as not', async () => {
    server().setFaults({ hang: { count: 1 } });
    const abort = new AbortController();
    const pending = send(server().url, `/v2.1/${server().projectId}/servers`, {
      headers: { 'X-Auth-Token': server().credentials.token },
      signal: abort.signal,
    });
    while (server().requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    await assert.rejects(pending);
    while (!server().requests[0].abandoned) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal((await get()).status, 200);
    assert.equal(server().requests[1].abandoned, false);
  });

  it('latencyMs: holds every answer back by at least that long, IAM included', async () => {
    // A lower bound only (timers never fire early), so this cannot flake on a slow machine.
    server().setFaults({ latencyMs: 120 });
    for (const p of [item(), '/v3/projects?name=local-1']) {
      const started = process.hrtime.bigint();
      assert.equal((await get(p)).status, 200);
      assert.ok(Number(process.hrtime.bigint() - started) / 1e6 >= 115, p);
    }
  });

  it('one-shot API faults leave IAM routes alone and keep their count for API requests', async () => {
    server().setFaults({ throttle: { count: 1 }, reset: { count: 1 } });
    const { credentials } = server();
    const login = await send(server().url, '/v3/auth/tokens', {
      method: 'POST',
      body: JSON.stringify(passwordTokenBody(credentials, { id: server().projectId })),
    });
    assert.equal(login.status, 201);
    assert.deepEqual([server().faults.throttle.count, server().faults.reset.count], [1, 1]);
    // Several armed faults are used one per request, the unanswering ones first.
    await assert.rejects(get());
    assert.deepEqual(await statuses(2), [429, 200]);
  });

  it('control routes switch faults, reset them and expire tokens over HTTP', async () => {
    const control = (p: string, body?: object): Promise<Answer> =>
      send(server().url, `/__control/${p}`, { method: 'POST', body: body && JSON.stringify(body) });
    assert.equal((await control('faults', { serverError: { count: 1, status: 503 } })).status, 200);
    assert.equal((await get()).status, 503);
    await control('faults', { novaGone: true });
    assert.equal(server().faults.novaGone, true);
    await control('reset');
    assert.equal(server().faults.novaGone, false);
    assert.equal((await control('faults', { nonsense: 1 })).status, 400);

    const login = await send(server().url, '/v3/auth/tokens', {
      method: 'POST',
      body: JSON.stringify(passwordTokenBody(server().credentials, { id: server().projectId })),
    });
    const token = String(login.headers['x-subject-token']);
    const withToken = (): Promise<Answer> =>
      send(server().url, item(), { headers: { 'X-Auth-Token': token } });
    assert.equal((await withToken()).status, 200);
    await control('expire-tokens');
    assert.equal((await withToken()).status, 401);
  });
});
