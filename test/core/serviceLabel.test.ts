/**
 * A failure names the service that answered: the project lookup talks to IAM, so its failures
 * read as IAM's, not as ECS errors.
 */
import * as assert from 'node:assert/strict';
import { lookupProjectId } from '../../src/core';
import { startAdHocIam } from './fixtures';

describe('service named in errors', () => {
  it('a failed project listing during the lookup is an IAM error', async () => {
    const iam = await startAdHocIam((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end('{"error":{"code":"IAM.0001","message":"internal"}}');
    });
    try {
      await assert.rejects(
        lookupProjectId({
          iamEndpoint: iam.url,
          domain: 'd',
          user: 'u',
          password: 'pw-0123',
          region: 'cn-north-4',
          timeoutMs: 2000,
        }),
        (err: Error) => {
          assert.match(err.message, /^IAM had a problem answering/);
          assert.doesNotMatch(err.message, /ECS/);
          return true;
        },
      );
    } finally {
      await iam.close();
    }
  });
});
