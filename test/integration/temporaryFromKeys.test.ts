/**
 * Permanent AK/SK as the source of temporary credentials and of an agency, in the real VS Code: a
 * `temporary` profile whose stored credentials are AK/SK reads a key with temporary keys it obtains
 * by signing the securitytokens request; an agency acts with an `aksk` source profile; a person
 * setting a temporary profile's credentials chooses "Permanent access key" and types AK and SK;
 * Add Profile's temporary path offers the same choice and counts its steps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProfileSetting } from '../../src/profiles/profile';
import type { RecordedRequest } from '../ecs-server';
import { type Fixture, fixture, profileRoot, storedProfiles, writeProfiles } from './fixture';
import { localAgencyProfile, readOwner, withShownProfiles } from './support/testSetup';
import { translated } from './l10nBundle';
import { pickAt, stepShown, typeAt } from './stepAnswers';
import { CommandId } from '../../src/commandBase/commandIds';

const SECURITY_TOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

describe('permanent AK/SK as the source of temporary keys and of agencies', () => {
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  /** A temporary profile with no account or user: its keys are what it stores. */
  function keyProfile(name: string): ProfileSetting {
    return {
      name,
      ecsEndpoint: f.server.url,
      iamEndpoint: f.server.url,
      projectId: f.server.projectId,
      auth: 'temporary',
      durationSeconds: 900,
      discoverServers: false,
    };
  }

  const addProfiles = withShownProfiles;

  /** Stores the server's permanent AK/SK as `profile`'s credentials. */
  async function setPermanentKeys(profile: string): Promise<void> {
    const { accessKey, secretKey } = f.server.credentials;
    await vscode.commands.executeCommand(CommandId.setCredentials, {
      profile,
      credentials: { accessKey, secretKey },
    });
  }

  const read = readOwner;

  const accessKeyOf = (request: RecordedRequest): string | undefined =>
    /^SDK-HMAC-SHA256 Access=([^,\s]+)/.exec(request.headers.authorization ?? '')?.[1];

  /** The securitytokens requests since the last clear, and the metadata reads. */
  const issued = (): RecordedRequest[] => f.server.requests.filter((r) => r.path === SECURITY_TOKENS);
  const reads = (): RecordedRequest[] => f.server.requests.filter((r) => r.path.endsWith('/metadata/owner'));

  /** The permanent keys signed the securitytokens request, temporary keys the read; no token anywhere. */
  function assertSignedWithTemporaryKeys(): void {
    const { accessKey } = f.server.credentials;
    assert.equal(issued().length, 1);
    assert.equal(issued()[0].status, 201, 'the server checked the signature with the official signer');
    assert.equal(accessKeyOf(issued()[0]), accessKey);
    assert.equal(issued()[0].headers['x-auth-token'], undefined);
    assert.ok(!f.server.requests.some((r) => r.path === '/v3/auth/tokens'), 'no password sign-in');
    // The key read: signed with temporary keys, which no other profile here has (the fixture's own
    // AK/SK profile may read its servers meanwhile, with the same permanent keys).
    const ours = reads().filter((r) => /^TMP/.test(accessKeyOf(r) ?? ''));
    assert.ok(ours.length > 0, 'the key was read with temporary keys');
    assert.ok(ours.every((r) => r.headers['x-security-token']));
  }

  it('a temporary profile with stored AK/SK reads a key signed with temporary keys', async () => {
    const name = 'Temporary from keys';
    await addProfiles(keyProfile(name));
    await setPermanentKeys(name);
    f.server.clearRequests();
    assert.equal(await read(name), 'team-web');
    assertSignedWithTemporaryKeys();
  });

  it('without a project id: the project is found with the temporary keys, the permanent keys sign only securitytokens', async () => {
    const name = 'Temporary from keys, project looked up';
    const { projectId, ...noProject } = keyProfile(name);
    await addProfiles({ ...noProject, projectName: f.server.region });
    await setPermanentKeys(name);
    const { accessKey } = f.server.credentials;
    f.server.clearRequests();
    assert.equal(await read(name), 'team-web');
    // Left out: the fixture's own AK/SK profile listing its servers meanwhile, with the same keys.
    const ours = f.server.requests.filter(
      (r) => !(r.path.startsWith('/v2.1') && accessKeyOf(r) === accessKey),
    );
    const routes = ours.map((r) => `${r.method} ${r.path.split('/').slice(0, 3).join('/')} ${r.status}`);
    assert.deepEqual(
      routes.slice(0, 2),
      ['POST /v3.0/OS-CREDENTIAL 201', 'GET /v3/auth 200'],
      routes.join(', '),
    );
    assert.ok(
      routes.length > 2 && routes.slice(2).every((r) => r === `GET /v2.1/${projectId} 200`),
      routes.join(', '),
    );
    const [issued, ...signedWithTemporary] = ours;
    assert.equal(accessKeyOf(issued), accessKey);
    for (const r of signedWithTemporary) assert.match(accessKeyOf(r) ?? '', /^TMP/);
  });

  it('a temporary profile refuses keys with a security token: they are not permanent', async () => {
    const name = 'Temporary from pasted keys';
    await addProfiles(keyProfile(name));
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.setCredentials, {
          profile: name,
          credentials: { ...f.server.credentials.temporary },
        }),
      ),
      (error: Error) =>
        error.message ===
        translated(
          'Profile "{0}" obtains temporary keys with a password or a permanent access key; keys with a security token are temporary already (an "aksk" profile takes them).',
          name,
        ),
    );
  });

  it('an agency acts with an aksk source profile: its keys sign assume_role', async () => {
    const name = 'Agency with keys';
    await addProfiles(localAgencyProfile(f.server, name, f.profileName));
    f.server.clearRequests();
    assert.equal(await read(name), 'team-web');
    const [assumed] = issued();
    assert.equal(assumed.status, 201);
    assert.equal(accessKeyOf(assumed), f.server.credentials.accessKey);
    assert.equal(JSON.parse(assumed.body).auth.identity.methods[0], 'assume_role');
    // The agency's read: signed with temporary keys (the fixture's own profile may read meanwhile
    // with the source's permanent keys).
    assert.ok(reads().some((r) => /^TMP/.test(accessKeyOf(r) ?? '')));
  });

  it('an aksk source whose IAM endpoint was moved in settings: its keys sign nothing until confirmed', async () => {
    const source = 'Keys source moved';
    const name = 'Agency with moved source';
    const sourceProfile: ProfileSetting = {
      name: source,
      ecsEndpoint: f.server.url,
      iamEndpoint: f.server.url,
      projectId: f.server.projectId,
      auth: 'aksk',
      discoverServers: false,
    };
    await addProfiles(sourceProfile, localAgencyProfile(f.server, name, source));
    await setPermanentKeys(source);
    const moved = f.server.url.replace('127.0.0.1', 'localhost');
    await writeProfiles(storedProfiles()?.map((p) => (p.name === source ? { ...p, iamEndpoint: moved } : p)));
    f.server.clearRequests();
    await assert.rejects(Promise.resolve(read(name)), (error: Error) =>
      error.message.includes(
        translated(
          'The credentials of profile "{0}" were entered for other settings and were not sent. Changed: {1}. Confirm the change to send them, or set the credentials again.',
          source,
          translated('{0}: {1} → {2}', translated('IAM endpoint'), f.server.url, moved),
        ),
      ),
    );
    assert.deepEqual(f.server.requests, [], 'no signature went anywhere');
  });

  const type = (prompt: string, value: string): Promise<vscode.InputBox> => typeAt(f.api, prompt, value);
  const pick = (prompt: string, label: string): Promise<vscode.QuickPick<vscode.QuickPickItem>> =>
    pickAt(f.api, prompt, label);

  const which = (): string => translated('What obtains the temporary access keys?');

  it('Set Credentials on a temporary profile: the person picks "Permanent access key" and types AK and SK', async () => {
    const name = 'Temporary keys set by a person';
    await addProfiles(keyProfile(name));
    const root = await profileRoot(f.api, name);
    // As from the profile's context menu: the tree node is the argument.
    const done = Promise.resolve(vscode.commands.executeCommand(CommandId.setCredentials, root.node));
    const choice = await pick(which(), translated('Permanent access key (AK/SK)'));
    assert.deepEqual(
      choice.items.map((i) => i.label),
      [translated('IAM password'), translated('Permanent access key (AK/SK)')],
    );
    const accessKey = (await type(
      translated('Access key ID (AK)'),
      f.server.credentials.accessKey,
    )) as vscode.InputBox;
    assert.equal(accessKey.totalSteps, 3, 'the choice, AK and SK');
    // An access key id is not a secret (it is in every signed request): shown as typed.
    assert.equal(accessKey.password, false, 'the AK box is masked');
    const secretKey = (await type(
      translated('Secret access key (SK)'),
      f.server.credentials.secretKey,
    )) as vscode.InputBox;
    assert.equal(secretKey.password, true, 'the SK box is not masked');
    assert.equal(await done, true, 'the sign-in check passed and the keys were stored');
    assert.ok(issued().some((r) => r.status === 201 && accessKeyOf(r) === f.server.credentials.accessKey));

    f.server.clearRequests();
    assert.equal(await read(name), 'team-web');
    assertSignedWithTemporaryKeys();
  });

  it('Set Credentials on a temporary profile: "IAM password" asks one masked box', async () => {
    const name = 'Temporary password set by a person';
    const { domain, user, password } = f.server.credentials;
    await addProfiles({ ...keyProfile(name), domain, user });
    const root = await profileRoot(f.api, name);
    const done = Promise.resolve(vscode.commands.executeCommand(CommandId.setCredentials, root.node));
    await pick(which(), translated('IAM password'));
    const box = await type(
      translated('IAM user password (sent only to {0})', new URL(f.server.url).host),
      password,
    );
    assert.equal(box.totalSteps, 2, 'the choice and the password');
    assert.equal(await done, true);
    f.server.clearRequests();
    assert.equal(await read(name), 'team-web');
    assert.ok(
      f.server.requests.some((r) => r.path === '/v3/auth/tokens'),
      'the password signs in',
    );
  });

  it('Add Profile: temporary keys obtained with a permanent access key, other cloud, 10 steps, no account or user', async () => {
    const name = 'Wizard temporary keys';
    const { accessKey, secretKey } = f.server.credentials;
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addProfile));
    await type(translated('A name for this profile'), name);
    await pick(
      translated('Huawei Cloud region, or another cloud'),
      translated('Other OpenStack-compatible cloud…'),
    );
    await type(
      translated(
        'Compute (Nova) endpoint, as in the service catalog: https://host:8774 — a trailing /v2.1 or /v2.1/{project_id} is fine',
      ),
      f.server.url,
    );
    await pick(translated('How to sign in'), translated('Temporary access keys'));
    const choice = await pick(which(), translated('Permanent access key (AK/SK)'));
    assert.equal(choice.step, 5);
    const identity = await type(
      translated('Identity (Keystone) endpoint, the OS_AUTH_URL: https://host:5000/v3 — with or without /v3'),
      f.server.url,
    );
    assert.equal(identity.totalSteps, 10, 'other cloud + temporary keys: 10 steps');
    const project = await type(translated('Project id'), f.server.projectId);
    assert.equal(project.step, 7, 'no account or user name is asked');
    await type(translated('Access key ID (AK)'), accessKey);
    const sk = await type(translated('Secret access key (SK)'), secretKey);
    assert.equal(sk.step, 9, 'no security token is asked');
    const servers = await stepShown(f.api, 10);
    const summary = servers.placeholder ?? servers.prompt ?? '';
    assert.ok(
      summary.includes(translated('Temporary access keys obtained with the permanent access key ✓')),
      summary,
    );
    await pick(summary, translated("Show the project's servers"));
    assert.equal(await added, name);

    const entry = storedProfiles()?.find((p) => p.name === name);
    assert.deepEqual(
      [entry?.auth, entry?.domain, entry?.user, entry?.iamEndpoint],
      ['temporary', undefined, undefined, f.server.url],
    );
    assert.ok(!JSON.stringify(entry).includes(secretKey), 'no key in settings');
    f.server.clearRequests();
    assert.equal(await read(name), 'team-web');
    assertSignedWithTemporaryKeys();
  });
});
