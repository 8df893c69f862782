/**
 * Profiles: settings written by the commands, endpoint defaults from the region, the test call of
 * Add Profile, Add/Remove Server, Remove Profile taking its secrets along, password sign-in
 * looking the project id up.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProfileSetting } from '../../src/profiles/profile';
import {
  childrenOf,
  eventually,
  fixture,
  profileRoot,
  storedProfiles,
  writeProfiles,
  type Fixture,
} from './fixture';

describe('profiles', () => {
  let f: Fixture;
  let saved: ProfileSetting[] | undefined;

  before(async () => {
    f = await fixture();
  });

  beforeEach(() => {
    saved = storedProfiles();
  });

  afterEach(async () => {
    for (const p of storedProfiles() ?? []) {
      if (!saved?.some((s) => s.name === p.name)) {
        await vscode.commands.executeCommand('ecsMetadata.removeProfile', { profile: p.name });
      }
    }
    await writeProfiles(saved);
  });

  it('Add Profile makes a test call, then saves the settings entry and nothing secret in settings', async () => {
    f.server.clearRequests();
    const name = await vscode.commands.executeCommand('ecsMetadata.addProfile', {
      profile: { ...f.profile, name: 'Added', servers: [] },
      credentials: { accessKey: f.server.credentials.accessKey, secretKey: f.server.credentials.secretKey },
    });
    assert.equal(name, 'Added');
    assert.ok(
      f.server.requests.some((r) => r.path.startsWith(`/v2.1/${f.server.projectId}/servers`)),
      'a test call',
    );
    const entry = storedProfiles()?.find((p) => p.name === 'Added');
    assert.equal(entry?.auth, 'aksk');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('ecsMetadata').inspect('profiles'));
    assert.ok(!settings.includes(f.server.credentials.secretKey), 'SK absent from settings');
    assert.ok(!settings.includes(f.server.credentials.accessKey), 'AK absent from settings');
    const root = await profileRoot(f.api, 'Added');
    const servers = await childrenOf(f.api, root.node);
    assert.equal(servers.length, f.seed.servers.length, 'the new profile works with its stored credentials');
  });

  it('Add Profile saves nothing when the test call is rejected', async () => {
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('ecsMetadata.addProfile', {
          profile: { ...f.profile, name: 'Wrong key' },
          credentials: { accessKey: f.server.credentials.accessKey, secretKey: 'not-the-secret-key-0000' },
        }),
      ),
      (err: Error) => {
        assert.match(err.message, /rejected the credentials/);
        assert.ok(!err.message.includes('not-the-secret-key-0000'));
        return true;
      },
    );
    assert.equal(
      storedProfiles()?.find((p) => p.name === 'Wrong key'),
      undefined,
    );
  });

  it('defaults endpoints from the region for Huawei Cloud', async () => {
    await writeProfiles([...(saved ?? []), { name: 'Region only', region: 'cn-north-4', auth: 'aksk' }]);
    const root = await profileRoot(f.api, 'Region only');
    const profile = (root.node as { profile: { ecsEndpoint: string; iamEndpoint: string } }).profile;
    assert.equal(profile.ecsEndpoint, 'https://ecs.cn-north-4.myhuaweicloud.com');
    assert.equal(profile.iamEndpoint, 'https://iam.cn-north-4.myhuaweicloud.com');
  });

  it('Add Server and Remove Server edit the configured list', async () => {
    const extra = f.seed.servers[3];
    await vscode.commands.executeCommand('ecsMetadata.addServer', {
      profile: f.profileName,
      serverId: extra.id,
    });
    const entry = storedProfiles()?.find((p) => p.name === f.profileName);
    assert.deepEqual(entry?.servers?.at(-1), { id: extra.id });
    const configured = await eventually(async () => {
      const root = await profileRoot(f.api, f.profileName);
      const shown = (await childrenOf(f.api, root.node)).find((c) => c.label === extra.name);
      return shown?.item.contextValue === 'server.configured' ? shown : undefined;
    }, 'the added server to show as configured');
    await vscode.commands.executeCommand('ecsMetadata.removeServer', configured.node);
    assert.ok(
      !storedProfiles()
        ?.find((p) => p.name === f.profileName)
        ?.servers?.some((s) => s.id === extra.id),
    );
  });

  it('Add Server refuses an id that is not a server id', async () => {
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('ecsMetadata.addServer', {
          profile: f.profileName,
          serverId: '../../x',
        }),
      ),
    );
    assert.ok(
      !storedProfiles()
        ?.find((p) => p.name === f.profileName)
        ?.servers?.some((s) => s.id === '../../x'),
    );
  });

  it('Remove Profile removes its secrets too', async () => {
    await vscode.commands.executeCommand('ecsMetadata.addProfile', {
      profile: { ...f.profile, name: 'Short-lived', servers: [] },
      credentials: { accessKey: f.server.credentials.accessKey, secretKey: f.server.credentials.secretKey },
    });
    await vscode.commands.executeCommand('ecsMetadata.removeProfile', { profile: 'Short-lived' });
    assert.equal(
      storedProfiles()?.find((p) => p.name === 'Short-lived'),
      undefined,
    );
    // The same profile written back without credentials must ask for them: the secret is gone.
    await writeProfiles([...(saved ?? []), { ...f.profile, name: 'Short-lived', servers: [] }]);
    const root = await profileRoot(f.api, 'Short-lived');
    const [message] = await childrenOf(f.api, root.node);
    assert.equal(message.item.contextValue, 'message');
    assert.equal(message.label, 'Credentials needed');
  });

  it('password sign-in without a project id looks it up from the region', async () => {
    const { domain, user, password } = f.server.credentials;
    await writeProfiles([
      ...(saved ?? []),
      {
        name: 'Password',
        region: f.server.region,
        ecsEndpoint: f.server.url,
        iamEndpoint: f.server.url,
        auth: 'password',
        domain,
        user,
        discoverServers: true,
      },
    ]);
    await vscode.commands.executeCommand('ecsMetadata.setCredentials', {
      profile: 'Password',
      credentials: { password },
    });
    f.server.clearRequests();
    const root = await profileRoot(f.api, 'Password');
    const servers = await childrenOf(f.api, root.node);
    assert.equal(servers.length, f.seed.servers.length);
    assert.ok(
      f.server.requests.some((r) => r.path === '/v3/projects'),
      'looked the project up',
    );
  });
});
