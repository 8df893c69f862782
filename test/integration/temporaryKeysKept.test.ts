/**
 * Issue 14 in the real VS Code: `temporary` and `agency` profiles keep their temporary AK/SK in
 * SecretStorage, so a fresh client (as after a restart: the clients are rebuilt, nothing is left in
 * memory but the project ids looked up) reads a key with one request; new credentials drop them. A
 * temporary profile signing in with a password keeps its token too, so new keys cost no sign-in. An
 * agency profile without `projectId` finds the delegating account's project with its temporary keys.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LOCAL_AGENCY } from '../ecs-server';
import { fixture, storedProfiles, writeProfiles, type Fixture } from './fixture';
import { freshClients } from './freshClients';
import { confirmingModals } from './modalAnswer';
import { readOwner, restoredAfterSuite, withProfiles } from './support/testSetup';
import { CommandId } from '../../src/commandBase/commandIds';

describe('temporary keys kept across restarts', () => {
  const temporary = 'Kept temporary keys';
  const source = 'Kept keys source';
  const agency = 'Kept agency keys';
  let f: Fixture;
  restoredAfterSuite();

  before(async () => {
    f = await fixture();
    const { domain, user, password } = f.server.credentials;
    const signIn = { region: f.server.region, ecsEndpoint: f.server.url, iamEndpoint: f.server.url };
    await withProfiles(
      // Neither names its project: each looks it up from the region.
      { name: temporary, ...signIn, auth: 'temporary', domain, user, discoverServers: false },
      { name: source, ...signIn, auth: 'password', domain, user, discoverServers: false },
      {
        name: agency,
        ...signIn,
        auth: 'agency',
        sourceProfile: source,
        agencyDomain: LOCAL_AGENCY.domainName,
        agencyName: LOCAL_AGENCY.name,
        discoverServers: false,
      },
    );
    for (const profile of [temporary, source]) await setPassword(profile, password);
  });

  async function setPassword(profile: string, password: string): Promise<void> {
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, { profile, credentials: { password } }),
    );
  }

  const read = readOwner;

  /** The requests of a read: IAM (`v3`, `v3.0`) and the key's GET (`v2.1`). */
  const routes = (): string[] =>
    f.server.requests
      .filter((r) => r.path.startsWith('/v3') || r.path.endsWith('/metadata/owner'))
      .map((r) => `${r.method} ${r.path.split('/')[1]}`);

  it('a temporary profile: a fresh client reads a key with one request, signed with the kept keys', async () => {
    f.server.clearRequests();
    assert.equal(await read(temporary), 'team-web');
    // One token: the project lookup's (scoped to the region's project) buys the keys too.
    assert.deepEqual(routes(), ['POST v3', 'POST v3.0', 'GET v2.1']);
    const issued = f.server.requests.find((r) => r.path.endsWith('/metadata/owner'))?.headers.authorization;
    f.server.clearRequests();
    await freshClients(21);
    assert.equal(await read(temporary), 'team-web');
    assert.deepEqual(routes(), ['GET v2.1'], f.server.requests.map((r) => r.path).join(', '));
    const signed = f.server.requests.find((r) => r.path.endsWith('/metadata/owner'))?.headers.authorization;
    assert.equal(/Access=(\w+)/.exec(signed ?? '')?.[1], /Access=(\w+)/.exec(issued ?? '')?.[1]);
  });

  it('a temporary profile whose kept keys no longer apply buys new ones with its kept token: no sign-in', async () => {
    await read(temporary);
    // A new lifetime means new keys (they were issued for the old one); the token still applies.
    await writeProfiles(
      storedProfiles()?.map((p) => (p.name === temporary ? { ...p, durationSeconds: 1800 } : p)),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    f.server.clearRequests();
    assert.equal(await read(temporary), 'team-web');
    assert.deepEqual(routes(), ['POST v3.0', 'GET v2.1'], f.server.requests.map((r) => r.path).join(', '));
  });

  it("an agency profile without a project id finds the delegating account's project with its keys, one securitytokens request", async () => {
    f.server.clearRequests();
    assert.equal(await read(agency), 'team-web');
    assert.deepEqual(routes(), ['POST v3', 'POST v3.0', 'GET v3', 'GET v2.1']);
    const lookup = f.server.requests.find((r) => r.path === '/v3/auth/projects');
    assert.match(lookup?.headers.authorization ?? '', /^SDK-HMAC-SHA256 Access=TMP/);
    assert.ok(lookup?.headers['x-security-token']);
  });

  it('an agency profile: a fresh client reads a key with one request, the kept keys', async () => {
    await read(agency);
    f.server.clearRequests();
    await freshClients(22);
    assert.equal(await read(agency), 'team-web');
    assert.deepEqual(routes(), ['GET v2.1'], f.server.requests.map((r) => r.path).join(', '));
  });

  it("new credentials of the source drop the agency's kept keys; new credentials drop a temporary profile's", async () => {
    const { password } = f.server.credentials;
    await setPassword(source, password);
    await setPassword(temporary, password);
    await new Promise((resolve) => setTimeout(resolve, 200));
    f.server.clearRequests();
    await freshClients(23);
    assert.equal(await read(agency), 'team-web');
    assert.deepEqual(routes(), ['POST v3', 'POST v3.0', 'GET v2.1']);
    f.server.clearRequests();
    assert.equal(await read(temporary), 'team-web');
    // Its project is looked up again too (a token scoped by the region's name): nothing was kept.
    assert.deepEqual(routes(), ['POST v3', 'POST v3.0', 'GET v2.1']);
  });
});
