/**
 * Server text (error codes, fault names, request ids, messages) reaches messages and the log only
 * clipped, without control characters and redacted; a redirect with a Location that is not a URL is
 * a clean badResponse. Against the local ECS server's hostile-text and redirect switches.
 */
import * as assert from 'node:assert/strict';
import { EcsError, type RequestEvent } from '../../src/core';
import { SERVER_TEXT_LIMITS } from '../../src/core/serverText';
import { WEB_01, clientFor, rejectionOf, useEcsServer } from './fixtures';

// eslint-disable-next-line no-control-regex
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;

describe('server text in errors and events', () => {
  const server = useEcsServer();

  async function hostileFailure(): Promise<{ error: EcsError; events: RequestEvent[] }> {
    const events: RequestEvent[] = [];
    server().setFaults({ hostileErrorText: { count: 5 } });
    const client = clientFor(server(), {
      authType: 'token',
      maxAttempts: 1,
      onRequest: (e) => events.push(e),
    });
    const error = await rejectionOf(client.getMetadataItem(WEB_01, 'owner'));
    assert.ok(error instanceof EcsError, String(error));
    return { error, events };
  }

  it('keeps a request id with line breaks on one line, so it cannot forge log lines', async () => {
    const { error, events } = await hostileFailure();
    assert.ok(error.requestId, 'the request id from the body was dropped');
    assert.doesNotMatch(error.requestId, CONTROL_OR_BIDI);
    assert.ok(error.requestId.length <= SERVER_TEXT_LIMITS.requestId, `${error.requestId.length} characters`);
    assert.ok(events.length > 0);
    for (const event of events) assert.doesNotMatch(event.requestId ?? '', CONTROL_OR_BIDI);
    assert.doesNotMatch(error.message, /[\r\n]/);
  });

  it('clips a 10 000-character error code and strips its control characters', async () => {
    const { error } = await hostileFailure();
    const code = error.code ?? '';
    assert.ok(code.startsWith('APIGW.9999'), code);
    assert.ok(code.length <= SERVER_TEXT_LIMITS.code, `${code.length} characters`);
    assert.doesNotMatch(code, CONTROL_OR_BIDI);
    assert.ok(error.message.length < 1500, `${error.message.length} characters`);
  });

  it("redacts the caller's token echoed in the message and strips bidi overrides", async () => {
    const { error } = await hostileFailure();
    const token = server().credentials.token;
    for (const text of [error.message, error.serverMessage ?? '', JSON.stringify(error)]) {
      assert.ok(!text.includes(token), 'the token reached the error');
      assert.doesNotMatch(text, CONTROL_OR_BIDI);
    }
    assert.match(error.serverMessage ?? '', /Backend failed/);
  });

  it('turns a redirect with a malformed Location into badResponse, not a TypeError', async () => {
    server().setFaults({ redirect: { count: 1, status: 302, location: 'http://[not-a-host' } });
    const error = await rejectionOf(clientFor(server(), { maxAttempts: 1 }).getMetadataItem(WEB_01, 'owner'));
    assert.ok(error instanceof EcsError, `${(error as Error).name}: ${(error as Error).message}`);
    assert.equal(error.kind, 'badResponse');
    assert.equal(error.status, 302);
    assert.match(error.message, /redirected \(HTTP 302\)/);
  });

  it('names the origin of a well-formed redirect and sends nothing there', async () => {
    server().setFaults({ redirect: { count: 1, status: 307, location: 'https://elsewhere.example.com/x' } });
    const error = await rejectionOf(clientFor(server(), { maxAttempts: 1 }).getMetadataItem(WEB_01, 'owner'));
    assert.ok(error instanceof EcsError);
    assert.match(error.message, /redirected to https:\/\/elsewhere\.example\.com \(HTTP 307\)/);
    assert.equal(server().requests.length, 1);
  });
});
