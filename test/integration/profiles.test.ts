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
  type Fixture,
  fixture,
  profileRoot,
  storedProfiles,
  writeProfiles,
} from './fixture';
import { profilesBeforeTest } from './support/testSetup';
import { translated } from './l10nBundle';
import { confirmingModals } from './modalAnswer';
import { CommandId } from '../../src/commandBase/commandIds';

describe('profiles', () => {
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  it('Add Profile makes a test call, then saves the settings entry and nothing secret in settings', async () => {
    f.server.clearRequests();
    const name = await vscode.commands.executeCommand(CommandId.addProfile, {
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
        vscode.commands.executeCommand(CommandId.addProfile, {
          profile: { ...f.profile, name: 'Wrong key' },
          credentials: { accessKey: f.server.credentials.accessKey, secretKey: 'not-the-secret-key-0000' },
        }),
      ),
      (err: Error) => {
        assert.match(err.message, /IAM refused the signature/);
        assert.ok(!err.message.includes('not-the-secret-key-0000'));
        return true;
      },
    );
    assert.equal(
      storedProfiles()?.find((p) => p.name === 'Wrong key'),
      undefined,
    );
  });

  it('Add Profile refuses a scripted profile that does not fit the schema, storing and sending nothing', async () => {
    const name = 'Checked';
    const credentials = {
      accessKey: f.server.credentials.accessKey,
      secretKey: f.server.credentials.secretKey,
    };
    const valid: ProfileSetting = { ...f.profile, name, servers: [] };
    const cases: [unknown, string][] = [
      [
        { ...valid, secretKey: 'in-settings' },
        translated(
          'The profile has an unknown field "{0}". Known fields: {1}.',
          'secretKey',
          'name, region, regions, ecsEndpoint, iamEndpoint, projectId, projectName, auth, domain, domainId, user, durationSeconds, sourceProfile, agencyDomain, agencyName, sessionUser, servers, discoverServers',
        ),
      ],
      [
        { ...valid, auth: 'ak' },
        translated(
          'The profile field "auth" must be one of {0}.',
          '"aksk", "password", "token", "temporary", "agency"',
        ),
      ],
      [
        { ...valid, durationSeconds: 60 },
        translated('The profile field "{0}" must be a whole number from 900 to 86400.', 'durationSeconds'),
      ],
      [{ ...valid, projectId: 42 }, translated('The profile field "{0}" must be a string.', 'projectId')],
      [
        { ...valid, regions: ['local-1', 'Local 2'] },
        translated('"{0}" is not a region id. Region ids look like cn-north-4.', 'Local 2'),
      ],
      [
        { ...valid, regions: [] },
        translated('The profile field "regions" must be a list of region ids such as {0}.', '["cn-north-4"]'),
      ],
      [
        { ...valid, discoverServers: 'yes' },
        translated('The profile field "{0}" must be true or false.', 'discoverServers'),
      ],
      [
        { ...valid, region: 'North 4' },
        translated('"{0}" is not a region id. Region ids look like cn-north-4.', 'North 4'),
      ],
      [
        { ...valid, servers: [{ id: 'web-01' }] },
        translated(
          '"{0}" is not a server id. A server id is a UUID such as 998af54b-5762-4041-abc1-f98a2c27b3a2.',
          'web-01',
        ),
      ],
      [
        { ...valid, servers: [{ id: f.seed.servers[0].id, status: 'ACTIVE' }] },
        translated('The profile field "servers" must be a list of {0}.', '{ id, name?, region? }'),
      ],
      [
        { ...valid, iamEndpoint: 'http://iam.example.com' },
        translated(
          'The profile field "{0}": {1}',
          'iamEndpoint',
          translated(
            'Use https:// for {0}. Plain http:// is allowed only for this machine (127.0.0.1, ::1, localhost).',
            'iam.example.com',
          ),
        ),
      ],
    ];
    f.server.clearRequests();
    for (const [profile, expected] of cases) {
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand(CommandId.addProfile, { profile, credentials })),
        (err: Error) => {
          assert.equal(err.message, expected);
          return true;
        },
      );
    }
    assert.deepEqual(f.server.requests, [], 'no test call for a refused profile');
    assert.deepEqual(storedProfiles(), profilesBeforeTest());
    // The same profile written by hand has no credentials: none were stored for it.
    await writeProfiles([...profilesBeforeTest(), valid]);
    const [message] = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
    assert.equal(message.label, 'Credentials needed');
  });

  it('Add Profile leaves no secret behind when the settings cannot be written', async () => {
    const name = 'Unsaved';
    // An unsaved edit of settings.json makes VS Code refuse every settings write until it is saved.
    await vscode.commands.executeCommand('workbench.action.openSettingsJson');
    await eventually(
      async () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith('/settings.json') ? true : undefined,
      'settings.json in an editor',
    );
    await vscode.commands.executeCommand('type', { text: ' ' });
    try {
      await assert.rejects(
        Promise.resolve(
          vscode.commands.executeCommand(CommandId.addProfile, {
            profile: { ...f.profile, name, servers: [] },
            credentials: {
              accessKey: f.server.credentials.accessKey,
              secretKey: f.server.credentials.secretKey,
            },
          }),
        ),
        /unsaved changes/,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    assert.equal(
      storedProfiles()?.find((p) => p.name === name),
      undefined,
    );
    await writeProfiles([...profilesBeforeTest(), { ...f.profile, name, servers: [] }]);
    const [message] = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
    assert.equal(message.label, 'Credentials needed', 'the secret was removed with the failed save');
  });

  it('defaults endpoints from the region for Huawei Cloud', async () => {
    await writeProfiles([
      ...profilesBeforeTest(),
      { name: 'Region only', region: 'cn-north-4', auth: 'aksk' },
    ]);
    const root = await profileRoot(f.api, 'Region only');
    const profile = (root.node as { profile: { ecsEndpoint: string; iamEndpoint: string } }).profile;
    assert.equal(profile.ecsEndpoint, 'https://ecs.cn-north-4.myhuaweicloud.com');
    assert.equal(profile.iamEndpoint, 'https://iam.cn-north-4.myhuaweicloud.com');
  });

  it('Add Server and Remove Server edit the configured list', async () => {
    const extra = f.seed.servers[3];
    await vscode.commands.executeCommand(CommandId.addServer, {
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
    await vscode.commands.executeCommand(CommandId.removeServer, configured.node);
    assert.ok(
      !storedProfiles()
        ?.find((p) => p.name === f.profileName)
        ?.servers?.some((s) => s.id === extra.id),
    );
  });

  it('Add Server refuses an id that is not a server id', async () => {
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.addServer, {
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
    await vscode.commands.executeCommand(CommandId.addProfile, {
      profile: { ...f.profile, name: 'Short-lived', servers: [] },
      credentials: { accessKey: f.server.credentials.accessKey, secretKey: f.server.credentials.secretKey },
    });
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.removeProfile, { profile: 'Short-lived' }),
    );
    assert.equal(
      storedProfiles()?.find((p) => p.name === 'Short-lived'),
      undefined,
    );
    // The same profile written back without credentials must ask for them: the secret is gone.
    await writeProfiles([...profilesBeforeTest(), { ...f.profile, name: 'Short-lived', servers: [] }]);
    const root = await profileRoot(f.api, 'Short-lived');
    const [message] = await childrenOf(f.api, root.node);
    assert.equal(message.item.contextValue, 'message');
    assert.equal(message.label, 'Credentials needed');
  });

  it('password sign-in without a project id looks it up from the region', async () => {
    const { domain, user, password } = f.server.credentials;
    await writeProfiles([
      ...profilesBeforeTest(),
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
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: 'Password',
        credentials: { password },
      }),
    );
    f.server.clearRequests();
    const root = await profileRoot(f.api, 'Password');
    const servers = await childrenOf(f.api, root.node);
    assert.equal(servers.length, f.seed.servers.length);
    // The token scoped by the region's project name names the project: no project listing needed.
    assert.ok(
      f.server.requests.some((r) => r.path === '/v3/auth/tokens'),
      'signed in for the region',
    );
    assert.ok(!f.server.requests.some((r) => r.path === '/v3/projects'), 'listed projects needlessly');
  });
});
