/**
 * Credentials: `setCredentials({ profile, credentials })` stores in SecretStorage (asking first only
 * when it would replace others: scriptedConfirmations.test.ts),
 * every sign-in method works from what was stored, nothing secret reaches settings, and bad input
 * or rejected secrets give a message with a way to fix it and no secret in it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, fixture, profileRoot, writeProfiles, type Fixture } from './fixture';
import { profilesBeforeTest, withLocalProfile } from './support/testSetup';
import { CredentialStore, keyringMessage } from '../../src/credentials/credentialStore';
import { SetupError } from '../../src/errors/setupError';
import type { ProfileSetting } from '../../src/profiles/profile';
import { translated } from './l10nBundle';
import { confirmingModals } from './modalAnswer';
import { CommandId } from '../../src/commandBase/commandIds';

describe('credentials', () => {
  let f: Fixture;
  const name = 'Credentials test';

  before(async () => {
    f = await fixture();
  });

  const useProfile = (setting: Partial<ProfileSetting>, credentials: object): Promise<ProfileSetting> =>
    withLocalProfile(name, setting, credentials);

  async function serversShown(): Promise<string[]> {
    const root = await profileRoot(f.api, name);
    return (await childrenOf(f.api, root.node)).map((c) => c.item.contextValue ?? '');
  }

  it('stores AK/SK with a security token and signs with it', async () => {
    const t = f.server.credentials.temporary;
    await useProfile({}, { accessKey: t.accessKey, secretKey: t.secretKey, securityToken: t.securityToken });
    f.server.clearRequests();
    assert.ok((await serversShown()).every((v) => v === 'server.discovered'));
    assert.equal(f.server.requests[0]?.headers['x-security-token'], t.securityToken);
  });

  it('stores a token and sends it as X-Auth-Token', async () => {
    await useProfile({ auth: 'token' }, { token: f.server.credentials.token });
    f.server.clearRequests();
    assert.ok((await serversShown()).every((v) => v === 'server.discovered'));
    assert.equal(f.server.requests[0]?.headers['x-auth-token'], f.server.credentials.token);
  });

  it('keeps every secret out of settings', async () => {
    const t = f.server.credentials.temporary;
    await useProfile({}, { accessKey: t.accessKey, secretKey: t.secretKey, securityToken: t.securityToken });
    const all = JSON.stringify(vscode.workspace.getConfiguration('ecsMetadata').inspect('profiles'));
    for (const secret of [t.secretKey, t.securityToken, f.server.credentials.secretKey]) {
      assert.ok(!all.includes(secret));
    }
  });

  it('new credentials take effect at once (the cached client is dropped)', async () => {
    await useProfile({}, { accessKey: f.server.credentials.accessKey, secretKey: 'wrong-secret-key-000000' });
    const [rejected] = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
    assert.equal(rejected.label, 'Signature refused');
    assert.ok(!String(rejected.item.tooltip).includes('wrong-secret-key-000000'));
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: name,
        credentials: { accessKey: f.server.credentials.accessKey, secretKey: f.server.credentials.secretKey },
      }),
    );
    const root = await profileRoot(f.api, name);
    await vscode.commands.executeCommand(CommandId.refreshNode, root.node);
    assert.ok((await serversShown()).every((v) => v === 'server.discovered'));
  });

  it('names a changed sign-in method as Add Profile names it, not by its setting value', async () => {
    const c = f.server.credentials;
    await useProfile({}, { accessKey: c.accessKey, secretKey: c.secretKey });
    await writeProfiles([
      ...profilesBeforeTest(),
      { ...f.profile, servers: [], name, auth: 'temporary', iamEndpoint: f.server.url },
    ]);
    const [held] = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
    const change = translated(
      '{0}: {1} → {2}',
      translated('sign-in method'),
      translated('Access key (AK/SK)'),
      translated('Temporary access keys'),
    );
    assert.ok(String(held.item.tooltip).includes(change), String(held.item.tooltip));
  });

  it('refuses credentials for a profile that does not exist, storing nothing', async () => {
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.setCredentials, {
          profile: name,
          credentials: {
            accessKey: f.server.credentials.accessKey,
            secretKey: f.server.credentials.secretKey,
          },
        }),
      ),
      (err: Error) => {
        assert.equal(
          err.message,
          translated('There is no profile named "{0}" in the ecsMetadata.profiles setting.', name),
        );
        return true;
      },
    );
    await writeProfiles([...profilesBeforeTest(), { ...f.profile, servers: [], name }]);
    const [message] = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
    assert.equal(message.label, 'Credentials needed');
  });

  it('rejects credentials of the wrong shape or for another sign-in method', async () => {
    await writeProfiles([...profilesBeforeTest(), { ...f.profile, servers: [], name }]);
    await profileRoot(f.api, name);
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.setCredentials, { profile: name, credentials: {} }),
      ),
    );
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.setCredentials, {
          profile: name,
          credentials: { password: 'secret-password-x' },
        }),
      ),
      (err: Error) =>
        !err.message.includes('secret-password-x') &&
        // The method as the person chose it in Add Profile, not the setting value "aksk".
        err.message.includes(
          translated(
            'Profile "{0}" signs in with {1}; these credentials do not fit.',
            name,
            translated('Access key (AK/SK)'),
          ),
        ),
    );
    const root = await profileRoot(f.api, name);
    assert.equal((await childrenOf(f.api, root.node))[0].label, 'Credentials needed');
    assert.ok(
      String(root.item.tooltip).includes(translated('Sign-in: {0}', translated('Access key (AK/SK)'))),
      String(root.item.tooltip),
    );
  });
});

describe('credentials: an unusable keyring', () => {
  /** A SecretStorage like the one on Linux without a Secret Service: every call fails. */
  function brokenKeyring(): vscode.SecretStorage {
    const fail = (): Promise<never> =>
      Promise.reject(new Error('Cannot autolaunch D-Bus without X11 (SK=do-not-show-me)'));
    return {
      get: fail,
      store: fail,
      delete: fail,
      onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event,
    };
  }

  it('says what to do and never falls back to settings or echoes the failure', async () => {
    const store = new CredentialStore(brokenKeyring());
    try {
      for (const action of [
        () => store.get('p'),
        () =>
          store.set('p', {
            credentials: { accessKey: 'AK', secretKey: 'do-not-show-me' },
            boundTo: { auth: 'aksk', ecsOrigin: 'https://ecs.example.com' },
          }),
        () => store.delete('p'),
      ]) {
        const err = await action().then(
          () => assert.fail('expected the keyring failure to surface'),
          (e: unknown) => e,
        );
        assert.ok(err instanceof SetupError);
        assert.equal(err.kind, 'keyring');
        assert.equal(err.message, keyringMessage());
        assert.match(err.message, /gnome-keyring|KWallet/);
        assert.doesNotMatch(JSON.stringify({ ...err, message: err.message }), /do-not-show-me|D-Bus/);
      }
      const settings = JSON.stringify(vscode.workspace.getConfiguration('ecsMetadata'));
      assert.doesNotMatch(settings, /do-not-show-me/);
    } finally {
      store.dispose();
    }
  });
});
