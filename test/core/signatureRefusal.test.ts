/**
 * A rejected AK/SK request says what the gateway refused (APIGW.0301 and its words): the access
 * key itself, or the signature (an SK that does not belong to the AK). Against the local server,
 * which answers as Huawei's gateway does.
 */
import * as assert from 'node:assert/strict';
import { EcsError } from '../../src/core';
import { WEB_01, clientFor, rejectionOf, useEcsServer } from './fixtures';

describe('AK/SK rejections: what the gateway refused', () => {
  const server = useEcsServer();

  async function refusalWith(keys: { accessKey?: string; secretKey?: string }): Promise<EcsError<'auth'>> {
    const c = server().credentials;
    const client = clientFor(server(), {
      auth: {
        type: 'aksk',
        accessKey: keys.accessKey ?? c.accessKey,
        secretKey: keys.secretKey ?? c.secretKey,
      },
      maxAttempts: 1,
    });
    const error = await rejectionOf(client.listMetadata(WEB_01));
    assert.ok(error instanceof EcsError, String(error));
    assert.equal(error.kind, 'auth');
    assert.equal(error.code, 'APIGW.0301');
    return error;
  }

  it('an access key the cloud does not know: the access key', async () => {
    assert.equal((await refusalWith({ accessKey: 'UNKNOWNACCESSKEY0000' })).refused, 'accessKey');
  });

  it('the right access key signed with another secret key: the signature', async () => {
    assert.equal(
      (await refusalWith({ secretKey: 'not-the-secret-key-of-this-access-key' })).refused,
      'signature',
    );
  });
});
