/**
 * The root hooks of `support/testSetup.ts` put back what a test changed: a profile added with its
 * credentials, new credentials of a profile that was there before, and a setting. The first test
 * changes them; the second (mocha runs them in order) finds none of it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/commandBase/commandIds';
import { credentialSecretKeys } from '../../src/credentials/credentialStore';
import { fixture, storedProfiles } from './fixture';
import { confirmingModals } from './modalAnswer';
import { withLocalProfile } from './support/testSetup';

describe('test set-up: each test starts from the settings and secrets as they were', () => {
  const added = 'Added by an earlier test';
  const [credentialsKey, agencyKey] = credentialSecretKeys(added);
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('ecsMetadata');
  /** What the first test found before it changed anything. */
  let before: { localSecret: string | undefined; timeout: unknown };

  it('1: a test adds a profile with credentials, stores other credentials for one, changes a setting', async () => {
    const f = await fixture();
    const [localKey] = credentialSecretKeys(f.profileName);
    before = {
      localSecret: await f.api.secrets.get(localKey),
      timeout: config().inspect('requestTimeoutSeconds')?.globalValue,
    };
    assert.ok(before.localSecret, 'the local profile has credentials stored');

    await withLocalProfile(added, {}, 'local keys');
    // A binding as an agency keeps one, stored straight: the set-up puts back every credential key.
    await f.api.secrets.store(agencyKey, JSON.stringify({ auth: 'agency', ecsOrigin: f.server.url }));
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: f.profileName,
        credentials: { accessKey: f.server.credentials.accessKey, secretKey: 'another-secret-key' },
      }),
    );
    await config().update('requestTimeoutSeconds', 42, vscode.ConfigurationTarget.Global);

    assert.ok(storedProfiles()?.some((p) => p.name === added));
    assert.ok(await f.api.secrets.get(credentialsKey), 'the added profile has credentials stored');
    assert.ok(await f.api.secrets.get(agencyKey));
    assert.notEqual(await f.api.secrets.get(localKey), before.localSecret);
  });

  it('2: the next test finds neither the profile nor its secrets, the old credentials and the setting back', async () => {
    const f = await fixture();
    assert.ok(before, 'runs after test 1');
    assert.equal(
      storedProfiles()?.some((p) => p.name === added),
      false,
    );
    assert.equal(
      await f.api.secrets.get(credentialsKey),
      undefined,
      'the added profile left its credentials',
    );
    assert.equal(await f.api.secrets.get(agencyKey), undefined, 'the added profile left its binding');
    assert.equal(await f.api.secrets.get(credentialSecretKeys(f.profileName)[0]), before.localSecret);
    assert.equal(config().inspect('requestTimeoutSeconds')?.globalValue, before.timeout);
    const owner = await vscode.commands.executeCommand(CommandId.getMetadataKey, {
      profile: f.profileName,
      serverId: f.seed.servers[0].id,
      key: 'owner',
    });
    assert.equal(
      owner,
      f.seed.servers[0].metadata.owner,
      'the local profile reads with its own credentials again',
    );
  });
});
