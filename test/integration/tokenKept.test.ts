/**
 * Issue 14 in the real VS Code: a password profile's IAM token is kept in SecretStorage, so a fresh
 * client (as after a restart: the clients are rebuilt, nothing is left in memory) reads a key with
 * one request; new credentials drop the kept token.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixture, type Fixture } from './fixture';
import { freshClients } from './freshClients';
import { confirmingModals } from './modalAnswer';
import { readOwner, restoredAfterSuite, withProfiles } from './support/testSetup';
import { CommandId } from '../../src/commandBase/commandIds';

describe('password token kept across restarts', () => {
  const name = 'Kept token';
  let f: Fixture;
  restoredAfterSuite();

  before(async () => {
    f = await fixture();
    const { domain, user, password } = f.server.credentials;
    await withProfiles({
      name,
      region: f.server.region,
      ecsEndpoint: f.server.url,
      iamEndpoint: f.server.url,
      auth: 'password',
      domain,
      user,
      discoverServers: false,
    });
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: name,
        credentials: { password },
      }),
    );
  });

  const read = (): Promise<string | undefined> => readOwner(name);

  /**
   * The requests of the read: IAM, and the key's GET. The tree lists servers and the keys of servers
   * expanded by earlier tests meanwhile; those are not the read's.
   */
  const routes = (): string[] =>
    f.server.requests
      .filter((r) => r.path.startsWith('/v3/') || r.path.endsWith('/metadata/owner'))
      .map((r) => `${r.method} ${r.path.split('/')[1]}`);

  it('a fresh client reads a key with one request, the kept token', async () => {
    assert.equal(await read(), 'team-web');
    f.server.clearRequests();
    await freshClients(11);
    assert.equal(await read(), 'team-web');
    assert.deepEqual(routes(), ['GET v2.1'], f.server.requests.map((r) => r.path).join(', '));
  });

  it('new credentials drop the kept token: the next fresh client signs in again', async () => {
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: name,
        credentials: { password: f.server.credentials.password },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    f.server.clearRequests();
    await freshClients(12);
    assert.equal(await read(), 'team-web');
    assert.deepEqual(routes(), ['POST v3', 'GET v2.1']);
  });
});
