/**
 * Security review (issue 21, item 2) in the real VS Code: a token that reaches IAM — for the service
 * catalog of a profile without an ECS endpoint, or to assume an agency as its source — is bound to
 * that IAM endpoint. Moved in settings, the token is held back: no request reaches the new host
 * until the person confirms.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEcsServer } from '../ecs-server';
import { LOCAL_AGENCY } from '../ecs-server/agencies';
import type { ProfileSetting } from '../../src/profiles/profile';
import {
  fixture,
  profileRoot,
  restoreProfiles,
  storedProfiles,
  writeProfiles,
  type Fixture,
} from './fixture';
import { confirmingModals } from './modalAnswer';

type RunningServer = Awaited<ReturnType<typeof startEcsServer>>;

describe('security: a token is bound to the IAM endpoint it goes to', () => {
  let f: Fixture;
  let other: RunningServer;
  let saved: ProfileSetting[] | undefined;

  before(async () => {
    f = await fixture();
    // Accepts the same token: what matters is whether it is sent, not whether it works.
    other = await startEcsServer({ seed: f.seed });
  });

  after(() => other.close());

  beforeEach(() => {
    saved = storedProfiles();
  });

  afterEach(() => restoreProfiles(saved));

  async function addProfiles(...profiles: ProfileSetting[]): Promise<void> {
    await writeProfiles([...(saved ?? []), ...profiles]);
    for (const p of profiles) await profileRoot(f.api, p.name);
  }

  const read = (profile: string): Thenable<string | undefined> =>
    vscode.commands.executeCommand<string | undefined>('ecsMetadata.getMetadataKey', {
      profile,
      serverId: f.seed.servers[0].id,
      key: 'owner',
    });

  const storeToken = (profile: string): Thenable<unknown> =>
    confirmingModals(() =>
      vscode.commands.executeCommand('ecsMetadata.setCredentials', {
        profile,
        credentials: { token: f.server.credentials.token },
      }),
    );

  /** The read is refused naming both IAM hosts, and the new host saw no request at all. */
  async function heldBack(profile: string): Promise<void> {
    other.clearRequests();
    const refusal = await Promise.resolve(read(profile)).then(
      () => undefined,
      (err: Error) => err,
    );
    assert.deepEqual(
      other.requests.map((r) => `${r.method} ${r.path}`),
      [],
      'the token went to the moved IAM endpoint',
    );
    assert.ok(refusal, 'the read was not refused');
    assert.ok(refusal.message.includes(f.server.url) && refusal.message.includes(other.url), refusal.message);
  }

  it('a token profile that takes its ECS endpoint from the catalog: a moved iamEndpoint gets no token', async () => {
    const name = 'Token via catalog';
    const profile: ProfileSetting = {
      name,
      iamEndpoint: f.server.url,
      region: 'local-1',
      projectId: f.server.projectId,
      auth: 'token',
      discoverServers: false,
    };
    await addProfiles(profile);
    await storeToken(name);
    assert.equal(await read(name), f.seed.servers[0].metadata.owner);
    await writeProfiles([...(saved ?? []), { ...profile, iamEndpoint: other.url }]);
    await heldBack(name);
    // Confirmed, the token goes to the new host.
    assert.equal(
      await confirmingModals(() =>
        vscode.commands.executeCommand('ecsMetadata.confirmEndpoints', { profile: name }),
      ),
      true,
    );
    assert.equal(await read(name), f.seed.servers[0].metadata.owner);
    assert.ok(other.requests.some((r) => r.path === '/v3/auth/tokens'));
  });

  it("a token that is an agency's source: a moved iamEndpoint of the source gets no assume_role", async () => {
    const source = 'Token source';
    const name = 'Agency of a token';
    const sourceProfile: ProfileSetting = {
      name: source,
      ecsEndpoint: f.server.url,
      iamEndpoint: f.server.url,
      projectId: f.server.projectId,
      auth: 'token',
      discoverServers: false,
    };
    const agency: ProfileSetting = {
      name,
      ecsEndpoint: f.server.url,
      projectId: f.server.projectId,
      auth: 'agency',
      sourceProfile: source,
      agencyDomain: LOCAL_AGENCY.domainName,
      agencyName: LOCAL_AGENCY.name,
      discoverServers: false,
    };
    await addProfiles(sourceProfile, agency);
    await storeToken(source);
    assert.equal(await read(name), f.seed.servers[0].metadata.owner);
    await writeProfiles([...(saved ?? []), { ...sourceProfile, iamEndpoint: other.url }, agency]);
    await heldBack(name);
  });
});
