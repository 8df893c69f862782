/**
 * Security review (issue 21, item 2) in the real VS Code: an agency profile stores no secret, but its
 * temporary keys (bought with its source's credentials) go to its own ECS endpoint. The first use
 * binds the agency to that endpoint; moved in settings, nothing reaches the new host until the
 * person confirms.
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
import { confirmingModals, decliningModals, type ModalShown } from './modalAnswer';

type RunningServer = Awaited<ReturnType<typeof startEcsServer>>;

describe('security: an agency is bound to the ECS endpoint it was first used with', () => {
  let f: Fixture;
  let other: RunningServer;
  let saved: ProfileSetting[] | undefined;
  const source = 'Keys of an agency';
  const name = 'Bound agency';

  before(async () => {
    f = await fixture();
    other = await startEcsServer({ seed: f.seed });
  });

  after(() => other.close());

  beforeEach(() => {
    saved = storedProfiles();
  });

  afterEach(() => restoreProfiles(saved));

  const sourceProfile = (): ProfileSetting => ({
    name: source,
    ecsEndpoint: f.server.url,
    iamEndpoint: f.server.url,
    projectId: f.server.projectId,
    auth: 'aksk',
    discoverServers: false,
  });
  const agency = (ecsEndpoint: string): ProfileSetting => ({
    name,
    ecsEndpoint,
    projectId: f.server.projectId,
    auth: 'agency',
    sourceProfile: source,
    agencyDomain: LOCAL_AGENCY.domainName,
    agencyName: LOCAL_AGENCY.name,
    discoverServers: false,
  });

  const read = (): Thenable<string | undefined> =>
    vscode.commands.executeCommand<string | undefined>('ecsMetadata.getMetadataKey', {
      profile: name,
      serverId: f.seed.servers[0].id,
      key: 'owner',
    });

  it('a moved ecsEndpoint of the agency gets nothing until confirmed in the modal', async () => {
    await writeProfiles([...(saved ?? []), sourceProfile(), agency(f.server.url)]);
    await profileRoot(f.api, name);
    await confirmingModals(() =>
      vscode.commands.executeCommand('ecsMetadata.setCredentials', {
        profile: source,
        credentials: { accessKey: f.server.credentials.accessKey, secretKey: f.server.credentials.secretKey },
      }),
    );
    assert.equal(await read(), f.seed.servers[0].metadata.owner, 'the first use works (and binds)');

    await writeProfiles([...(saved ?? []), sourceProfile(), agency(other.url)]);
    other.clearRequests();
    const refusal = await Promise.resolve(read()).then(
      () => undefined,
      (err: Error) => err,
    );
    assert.deepEqual(
      other.requests.map((r) => `${r.method} ${r.path}`),
      [],
      'the moved ECS endpoint received a request',
    );
    assert.ok(refusal, 'the read was not refused');
    assert.ok(refusal.message.includes(f.server.url) && refusal.message.includes(other.url), refusal.message);

    // Declined: still nothing sent. Confirmed: the modal named the new host, and requests go there.
    await assert.rejects(
      Promise.resolve(
        decliningModals(() =>
          vscode.commands.executeCommand('ecsMetadata.confirmEndpoints', { profile: name }),
        ),
      ),
    );
    await assert.rejects(Promise.resolve(read()));
    assert.deepEqual(other.requests, []);
    const shown: ModalShown[] = [];
    assert.equal(
      await confirmingModals(
        () => vscode.commands.executeCommand('ecsMetadata.confirmEndpoints', { profile: name }),
        shown,
      ),
      true,
    );
    assert.equal(shown.length, 1);
    assert.ok(shown[0].detail?.includes(other.url), shown[0].detail);
    await Promise.resolve(read()).catch(() => undefined);
    assert.ok(other.requests.length > 0, 'the confirmed endpoint was not used');
  });
});
