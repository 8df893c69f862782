/**
 * Security review (issue 21, item 2) in the real VS Code: a token that reaches IAM — for the service
 * catalog of a profile without an ECS endpoint, or to assume an agency as its source — is bound to
 * that IAM endpoint; an agency profile (no secret of its own) is bound to the ECS endpoint its
 * temporary keys were first sent to. Moved in settings, nothing reaches the new host until the
 * person confirms.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProfileSetting } from '../../src/profiles/profile';
import { fixture, writeProfiles, type Fixture } from './fixture';
import {
  localAgencyProfile,
  profilesBeforeTest,
  readOwner,
  useSecondServer,
  withShownProfiles,
} from './support/testSetup';
import { confirmingModals, decliningModals, type ModalShown } from './modalAnswer';
import { CommandId } from '../../src/commandBase/commandIds';

describe('security: a token and an agency are bound to where they go', () => {
  let f: Fixture;
  // Accepts the same token: what matters is whether it is sent, not whether it works.
  const other = useSecondServer();

  before(async () => {
    f = await fixture();
  });

  const addProfiles = withShownProfiles;

  const read = readOwner;

  const storeToken = (profile: string): Thenable<unknown> =>
    confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile,
        credentials: { token: f.server.credentials.token },
      }),
    );

  /** A profile with both endpoints at the local server, as an agency's source. */
  const sourceOf = (name: string, auth: 'token' | 'aksk'): ProfileSetting => ({
    name,
    ecsEndpoint: f.server.url,
    iamEndpoint: f.server.url,
    projectId: f.server.projectId,
    auth,
    discoverServers: false,
  });

  /** An agency profile through the local agency, acting with `source`'s credentials. */
  const agencyOf = (name: string, source: string, ecsEndpoint: string): ProfileSetting =>
    localAgencyProfile(f.server, name, source, { ecsEndpoint });

  /** The read is refused naming both hosts, and the new host saw no request at all. */
  async function heldBack(profile: string): Promise<void> {
    other().clearRequests();
    const refusal = await Promise.resolve(read(profile)).then(
      () => undefined,
      (err: Error) => err,
    );
    assert.deepEqual(
      other().requests.map((r) => `${r.method} ${r.path}`),
      [],
      'the moved endpoint received a request',
    );
    assert.ok(refusal, 'the read was not refused');
    assert.ok(
      refusal.message.includes(f.server.url) && refusal.message.includes(other().url),
      refusal.message,
    );
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
    await writeProfiles([...profilesBeforeTest(), { ...profile, iamEndpoint: other().url }]);
    await heldBack(name);
    // Confirmed, the token goes to the new host.
    assert.equal(
      await confirmingModals(() =>
        vscode.commands.executeCommand(CommandId.confirmEndpoints, { profile: name }),
      ),
      true,
    );
    assert.equal(await read(name), f.seed.servers[0].metadata.owner);
    assert.ok(other().requests.some((r) => r.path === '/v3/auth/tokens'));
  });

  it("a token that is an agency's source: a moved iamEndpoint of the source gets no assume_role", async () => {
    const source = 'Token source';
    const name = 'Agency of a token';
    const sourceProfile = sourceOf(source, 'token');
    const agency = agencyOf(name, source, f.server.url);
    await addProfiles(sourceProfile, agency);
    await storeToken(source);
    assert.equal(await read(name), f.seed.servers[0].metadata.owner);
    await writeProfiles([...profilesBeforeTest(), { ...sourceProfile, iamEndpoint: other().url }, agency]);
    await heldBack(name);
  });

  it('a moved ecsEndpoint of an agency gets no temporary keys until confirmed in the modal', async () => {
    const source = 'Keys of an agency';
    const name = 'Bound agency';
    const sourceProfile = sourceOf(source, 'aksk');
    await addProfiles(sourceProfile, agencyOf(name, source, f.server.url));
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: source,
        credentials: { accessKey: f.server.credentials.accessKey, secretKey: f.server.credentials.secretKey },
      }),
    );
    assert.equal(await read(name), f.seed.servers[0].metadata.owner, 'the first use works (and binds)');
    await writeProfiles([...profilesBeforeTest(), sourceProfile, agencyOf(name, source, other().url)]);
    await heldBack(name);

    // Declined: still nothing sent. Confirmed: the modal named the new host, and requests go there.
    const confirm = (): Thenable<unknown> =>
      vscode.commands.executeCommand(CommandId.confirmEndpoints, { profile: name });
    await assert.rejects(Promise.resolve(decliningModals(confirm)));
    await assert.rejects(Promise.resolve(read(name)));
    assert.deepEqual(other().requests, []);
    const shown: ModalShown[] = [];
    assert.equal(await confirmingModals(confirm, shown), true);
    assert.equal(shown.length, 1);
    assert.ok(shown[0].detail?.includes(other().url), shown[0].detail);
    await Promise.resolve(read(name)).catch(() => undefined);
    assert.ok(other().requests.length > 0, 'the confirmed endpoint was not used');
  });
});
