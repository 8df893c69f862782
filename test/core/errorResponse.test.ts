import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import { createEcsClient, EcsError, type EcsClient } from '../../src/core';
import { WEB_01, rejectionOf, startAdHocServer, type AdHocServer } from './fixtures';

const PROJECT = '0b5b8a1f3e6c4d7a9f2e1c0d8b7a6f5e';

interface Canned {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** A static-token client for `url`, one attempt per call. */
const clientAt = (url: string, metadataApi?: 'native'): EcsClient =>
  createEcsClient({
    endpoint: url,
    projectId: PROJECT,
    auth: { type: 'token', token: 'MIITstatic-token-for-error-tests' },
    maxAttempts: 1,
    metadataApi,
  });

/** One ad-hoc server whose next answer each test sets. */
describe('error answers: body shapes and request ids', () => {
  let canned: Canned = { status: 200, body: '{}' };
  let adHoc: AdHocServer;
  let client: EcsClient;

  before(async () => {
    adHoc = await startAdHocServer((_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(canned.status, { 'Content-Type': 'application/json', ...canned.headers });
      res.end(canned.body);
    });
    client = clientAt(adHoc.url);
  });
  after(() => adHoc.close());

  async function failWith(
    answer: Canned,
    call: () => Promise<unknown> = () => client.getMetadataItem(WEB_01, 'owner'),
  ): Promise<EcsError> {
    canned = answer;
    const error = await rejectionOf(call());
    assert.ok(error instanceof EcsError, String(error));
    return error;
  }

  const shapes: {
    name: string;
    answer: Canned;
    fields: Partial<Pick<EcsError, 'kind' | 'code' | 'requestId' | 'serverMessage'>>;
    message?: RegExp[];
  }[] = [
    {
      name: 'reads the Huawei shape {"error":{"code","message"}}',
      answer: {
        status: 403,
        body: '{"error":{"code":"Ecs.0005","message":"Policy doesn\'t allow ecs:servers:getMetadata"}}',
      },
      fields: { kind: 'forbidden', code: 'Ecs.0005' },
      message: [/ecs:servers:getMetadata/, /Ecs\.0005/],
    },
    {
      name: 'reads the Nova shape {"<fault>":{"code","message"}}',
      answer: { status: 409, body: '{"conflictingRequest":{"code":409,"message":"busy"}}' },
      fields: { code: 'conflictingRequest', serverMessage: 'busy' },
    },
    {
      name: 'reads the Keystone shape {"error":{"code":401,"title","message"}} on an API call',
      answer: {
        status: 401,
        body: '{"error":{"code":401,"title":"Unauthorized","message":"The request you have made requires authentication."}}',
      },
      fields: { kind: 'auth', code: 'Unauthorized' },
      message: [/token was rejected/],
    },
    {
      name: 'reads the API gateway shape {"error_code","error_msg","request_id"}, request id from the body',
      answer: {
        status: 429,
        body: '{"error_code":"APIGW.0308","error_msg":"throttled","request_id":"body-request-id-1"}',
      },
      fields: { kind: 'throttled', code: 'APIGW.0308', requestId: 'body-request-id-1' },
      message: [/APIGW\.0308.*body-request-id-1/],
    },
  ];
  for (const { name, answer, fields, message = [] } of shapes) {
    it(name, async () => {
      const e = await failWith(answer);
      for (const [field, value] of Object.entries(fields)) {
        assert.equal(e[field as keyof typeof fields], value, field);
      }
      for (const pattern of message) assert.match(e.message, pattern);
    });
  }

  for (const header of ['X-Request-Id', 'X-Openstack-Request-Id', 'X-Compute-Request-Id']) {
    it(`takes the request id from ${header}`, async () => {
      const e = await failWith({
        status: 404,
        body: '{"itemNotFound":{"code":404,"message":"Metadata item was not found"}}',
        headers: { [header]: `req-${header.length}` },
      });
      assert.equal(e.kind, 'keyNotFound');
      assert.equal(e.requestId, `req-${header.length}`);
      assert.ok(e.message.includes(`req-${header.length}`));
    });
  }

  it('survives an HTML gateway page (a 5xx that is not JSON)', async () => {
    const e = await failWith({
      status: 502,
      body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
      headers: { 'Content-Type': 'text/html' },
    });
    assert.equal(e.kind, 'server');
    assert.equal(e.status, 502);
    assert.equal(e.code, undefined);
    assert.match(e.message, /web page instead of JSON/);
  });

  it('survives an empty error body', async () => {
    const e = await failWith({ status: 403, body: '' });
    assert.equal(e.kind, 'forbidden');
    assert.equal(e.status, 403);
  });

  it('names on a 403 the IAM permission of the route that was refused, native route included', async () => {
    const forbidden = {
      status: 403,
      body: '{"error":{"code":"Ecs.0005","message":"Policy does not allow"}}',
    };
    const native = clientAt(adHoc.url, 'native');
    const cases: [string, () => Promise<unknown>][] = [
      ['ecs:servers:getMetadata', () => client.getMetadataItem(WEB_01, 'owner')],
      ['ecs:servers:listMetadata', () => client.listMetadata(WEB_01)],
      ['ecs:servers:get', () => client.getServer(WEB_01)],
      ['ecs:servers:list', () => client.listServers()],
      ['ecs:cloudServers:showServer', () => native.getMetadataItem(WEB_01, 'owner')],
    ];
    for (const [permission, call] of cases) {
      const e = await failWith(forbidden, call);
      assert.equal(e.kind, 'forbidden');
      assert.equal(e.permission, permission);
      assert.match(e.message, new RegExp(permission));
    }
  });

  it('sets no permission on errors other than 403', async () => {
    const e = await failWith({ status: 500, body: '' });
    assert.equal(e.kind, 'server');
    assert.ok(!('permission' in e), 'a 500 carries no permission');
  });

  it('maps 404 Nova "Instance … could not be found" to serverNotFound and Huawei Ecs.0114 too', async () => {
    let e = await failWith({
      status: 404,
      body: `{"itemNotFound":{"code":404,"message":"Instance ${WEB_01} could not be found."}}`,
    });
    assert.equal(e.kind, 'serverNotFound');
    e = await failWith({
      status: 404,
      body: `{"error":{"code":"Ecs.0114","message":"Instance [${WEB_01}] could not be found."}}`,
    });
    assert.equal(e.kind, 'serverNotFound');
  });

  it('maps 500 to server and a 400 to invalidInput, keeping what the service said', async () => {
    let e = await failWith({ status: 500, body: '{"computeFault":{"code":500,"message":"boom"}}' });
    assert.equal(e.kind, 'server');
    e = await failWith({
      status: 400,
      body: '{"badRequest":{"code":400,"message":"Malformed request url"}}',
    });
    assert.equal(e.kind, 'invalidInput');
    assert.match(e.message, /Malformed request url/);
  });

  it('gives a request the cloud refused as not valid its reason code, with the status', async () => {
    const bad = await failWith({ status: 400, body: '{"badRequest":{"code":400,"message":"Malformed"}}' });
    assert.ok(bad.kind === 'invalidInput');
    assert.deepEqual(bad.problem, { code: 'requestRefused', detail: '400' });
    const other = await failWith({ status: 405, body: '' });
    assert.ok(other.kind === 'invalidInput');
    assert.deepEqual(other.problem, { code: 'requestRefused', detail: '405' });
    assert.match(other.message, /refused the request with an empty body/);
  });

  it('says badResponse for a 200 whose body is not the documented shape', async () => {
    const e = await failWith({ status: 200, body: '{"metadata":{"owner":"x"}}' });
    assert.equal(e.kind, 'badResponse');
  });

  it('does not follow redirects (credentials would travel to another host)', async () => {
    const e = await failWith({
      status: 302,
      body: '',
      headers: { Location: 'https://elsewhere.example.com/x' },
    });
    assert.equal(e.kind, 'badResponse');
    assert.match(e.message, /redirected to https:\/\/elsewhere\.example\.com/);
  });
});
