/** The command-line entry: prints its URL and credentials, serves, stops on SIGTERM. */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { json, send } from './testHttp';

describe('local ECS server: CLI', () => {
  it('prints "ECS server listening on http://127.0.0.1:PORT", serves there with --latency, and exits on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), '--port', '0', '--latency', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const match = /ECS server listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
          if (match && output.includes('Press Ctrl-C')) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`CLI exited early (${code}): ${output}`)));
      });
      assert.match(output, /project id: +[0-9a-f]{32}/);
      assert.match(output, /3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11 +ACTIVE +web-01/);
      const token = /static token: +(\S+)/.exec(output)?.[1] ?? '';
      const project = /project id: +([0-9a-f]{32})/.exec(output)?.[1] ?? '';
      const answer = await send(
        url,
        `/v2.1/${project}/servers/3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11/metadata/env`,
        {
          headers: { 'X-Auth-Token': token },
        },
      );
      assert.deepEqual(json(answer), { meta: { env: 'production' } });

      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('rejects an unknown option with a usage line and exit code 2', async () => {
    const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), '--bogus'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /usage: node out\/test\/ecs-server\/cli\.js/);
  });
});
