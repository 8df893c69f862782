/**
 * Import Profiles (script form) in a real VS Code: a clouds.yaml, OS_* variables and a KooCLI
 * config.json, each read through the profile it became. The clouds.yaml and OS_* clouds name no
 * compute endpoint: it comes from the local server's service catalog.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually, type Fixture, fixture, profileRoot, storedProfiles, writeProfiles } from './fixture';
import { translated } from './l10nBundle';
import { closePanel } from './panelTabs';
import { LOCAL_AGENCY } from '../ecs-server';
import { CommandId } from '../../src/commandBase/commandIds';

interface ImportResult {
  created: string[];
  skipped: { name: string; reason: string; message: string }[];
}

describe(CommandId.importProfiles, () => {
  let f: Fixture;
  let dir: string;
  let web01: Fixture['seed']['servers'][number];

  before(async () => {
    f = await fixture();
    web01 = f.seed.servers[0];
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-import-'));
  });

  afterEach(async () => {
    // Reading a key opens the value panel; later suites expect the editor area as they left it.
    await closePanel();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const importProfiles = (arg: object): Thenable<ImportResult> =>
    vscode.commands.executeCommand<ImportResult>(CommandId.importProfiles, arg);

  const readOwner = (profile: string): Thenable<string | undefined> =>
    vscode.commands.executeCommand<string | undefined>(CommandId.getMetadataKey, {
      profile,
      serverId: web01.id,
      key: 'owner',
    });

  function cloudsYaml(): string {
    const c = f.server.credentials;
    const file = path.join(dir, 'clouds.yaml');
    fs.writeFileSync(
      file,
      [
        'clouds:',
        '  local-openstack:',
        '    auth:',
        `      auth_url: ${f.server.url}/v3`,
        `      username: ${c.user}`,
        `      user_domain_name: ${c.domain}`,
        '      project_name: local-1',
        '    region_name: local-1',
        '    identity_api_version: 3',
        '  lab:',
        '    auth:',
        `      auth_url: ${f.server.url}/v3`,
        '      username: x',
        '      user_domain_name: y',
        '    verify: false',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'secure.yaml'),
      `clouds:\n  local-openstack:\n    auth:\n      password: '${c.password}'\n`,
    );
    return file;
  }

  it('reads a clouds.yaml with the YAML parser of dist/yamlParser.js, loaded apart from the activation bundle', async () => {
    const extension = vscode.extensions.getExtension('ecs-tools.ecs-metadata-explorer');
    assert.ok(extension?.isActive, 'the extension is active');
    const lazyEntry = path.join(extension.extensionPath, 'dist', 'yamlParser.js');
    const result = await importProfiles({
      source: 'cloudsYaml',
      path: cloudsYaml(),
      clouds: ['local-openstack'],
    });
    assert.deepEqual(result.created, ['local-openstack']);
    assert.ok(require.cache[lazyEntry], `${lazyEntry} was not loaded by the import`);
  });

  it('clouds.yaml + secure.yaml: a password profile with no endpoint typed reads a key via the catalog', async () => {
    const result = await importProfiles({ source: 'cloudsYaml', path: cloudsYaml() });
    assert.deepEqual(result.created, ['local-openstack']);
    assert.deepEqual(
      result.skipped.map((s) => [s.name, s.reason]),
      [['lab', 'verifyDisabled']],
    );
    const entry = storedProfiles()?.find((p) => p.name === 'local-openstack');
    assert.equal(entry?.ecsEndpoint, undefined, 'no endpoint written');
    assert.equal(entry?.iamEndpoint, f.server.url, 'auth_url without /v3');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('ecsMetadata').inspect('profiles'));
    assert.ok(!settings.includes(f.server.credentials.password), 'the password is not in settings');

    f.server.clearRequests();
    assert.equal(await readOwner('local-openstack'), web01.metadata.owner);
    const tokenRequests = f.server.requests.filter((r) => r.path === '/v3/auth/tokens');
    assert.ok(
      tokenRequests.some((r) => r.query === ''),
      'one token request asks for the catalog',
    );
    const root = await eventually(async () => {
      const node = await profileRoot(f.api, 'local-openstack');
      return String(node.item.tooltip).includes(f.server.url) ? node : undefined;
    }, 'the tooltip to name the endpoint from the catalog');
    assert.ok(
      String(root.item.tooltip).includes(
        translated('ECS endpoint: {0} (from the service catalog)', f.server.url),
      ),
    );
  });

  it('never overwrites: importing the same cloud again skips it as existing', async () => {
    const file = cloudsYaml();
    await importProfiles({ source: 'cloudsYaml', path: file, clouds: ['local-openstack'] });
    const before = JSON.stringify(storedProfiles());
    const again = await importProfiles({ source: 'cloudsYaml', path: file, clouds: ['local-openstack'] });
    assert.deepEqual(again.created, []);
    assert.deepEqual(
      again.skipped.map((s) => [s.name, s.reason, s.message]),
      [['local-openstack', 'exists', translated('A profile named "{0}" already exists.', 'local-openstack')]],
    );
    assert.equal(JSON.stringify(storedProfiles()), before);
  });

  it('clouds.yaml with only user_domain_id: imported with the domain id, and a key is read through it', async () => {
    const c = f.server.credentials;
    const file = path.join(dir, 'clouds.yaml');
    fs.writeFileSync(
      file,
      [
        'clouds:',
        '  by-domain-id:',
        '    auth:',
        `      auth_url: ${f.server.url}/v3`,
        `      username: ${c.user}`,
        `      password: '${c.password}'`,
        `      user_domain_id: ${c.domainId}`,
        '      project_name: local-1',
        '    region_name: local-1',
        '',
      ].join('\n'),
    );
    const result = await importProfiles({ source: 'cloudsYaml', path: file });
    assert.deepEqual(result, { created: ['by-domain-id'], skipped: [] });
    const entry = storedProfiles()?.find((p) => p.name === 'by-domain-id');
    assert.equal(entry?.domainId, c.domainId);
    assert.equal(entry?.domain, undefined);
    f.server.clearRequests();
    assert.equal(await readOwner('by-domain-id'), web01.metadata.owner);
    const token = f.server.requests.find((r) => r.method === 'POST' && r.path === '/v3/auth/tokens');
    assert.ok(token?.body.includes(`"domain":{"id":"${c.domainId}"}`), 'signed in with the domain id');
  });

  it('OS_* variables: one cloud named by OS_CLOUD_NAME reads a key, project id from the token', async () => {
    const c = f.server.credentials;
    const result = await importProfiles({
      source: 'env',
      env: {
        OS_CLOUD_NAME: 'from-openrc',
        OS_AUTH_URL: `${f.server.url}/v3/`,
        OS_USERNAME: c.user,
        OS_PASSWORD: c.password,
        OS_USER_DOMAIN_NAME: c.domain,
        OS_PROJECT_ID: f.server.projectId,
        OS_REGION_NAME: 'local-1',
      },
    });
    assert.deepEqual(result, { created: ['from-openrc'], skipped: [] });
    assert.equal(await readOwner('from-openrc'), web01.metadata.owner);
  });

  it('KooCLI config.json: plain AK/SK are stored in the keyring and work; encrypted ones are not guessed', async () => {
    const c = f.server.credentials;
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        current: 'koo-local',
        profiles: [
          {
            name: 'koo-local',
            mode: 'AKSK',
            accessKeyId: c.accessKey,
            secretAccessKey: c.secretKey,
            region: 'local-1',
            projectId: f.server.projectId,
          },
          {
            name: 'koo-encrypted',
            mode: 'AKSK',
            accessKeyId: 'bG9jYWw=:0f1e2d3c',
            secretAccessKey: 'c2VjcmV0LWVuY3J5cHRlZA==:4b5a6978',
            region: 'local-1',
            projectId: f.server.projectId,
          },
          {
            name: 'koo-agency',
            mode: 'ecsAgency',
            region: 'local-1',
            projectId: f.server.projectId,
            sourceProfile: 'koo-local',
            agencyDomainName: LOCAL_AGENCY.domainName,
            agencyName: LOCAL_AGENCY.name,
          },
          { name: 'koo-sso', mode: 'SSO', region: 'local-1' },
        ],
      }),
    );
    const result = await importProfiles({ source: 'koocli', path: file });
    assert.deepEqual(result.created, ['koo-local', 'koo-encrypted', 'koo-agency']);
    assert.deepEqual(
      result.skipped.map((s) => [s.name, s.reason, s.message]),
      [['koo-sso', 'unsupportedMode', translated('Sign-in mode "{0}" is not supported yet.', 'SSO')]],
    );
    const agency = storedProfiles()?.find((p) => p.name === 'koo-agency');
    assert.deepEqual(
      [agency?.auth, agency?.sourceProfile, agency?.agencyDomain, agency?.agencyName],
      ['agency', 'koo-local', LOCAL_AGENCY.domainName, LOCAL_AGENCY.name],
    );
    const settings = JSON.stringify(vscode.workspace.getConfiguration('ecsMetadata').inspect('profiles'));
    assert.ok(!settings.includes(c.secretKey) && !settings.includes(c.accessKey), 'no key in settings');
    // Region local-1 names no real Huawei endpoint; point the imported profiles at the local server.
    await writeProfiles(
      storedProfiles()?.map((p) =>
        p.name.startsWith('koo-') ? { ...p, ecsEndpoint: f.server.url, iamEndpoint: f.server.url } : p,
      ),
    );
    await confirmMovedEndpoint('koo-local');
    assert.equal(await readOwner('koo-local'), web01.metadata.owner);
    await assert.rejects(Promise.resolve(readOwner('koo-encrypted')), (err: Error) =>
      err.message.includes(translated('Profile "{0}" has no credentials yet.', 'koo-encrypted')),
    );
    // Its source signs with AK/SK: the keys sign assume_role, the agency's temporary keys the read.
    f.server.clearRequests();
    assert.equal(await readOwner('koo-agency'), web01.metadata.owner);
    const assumed = f.server.requests.filter((r) => r.path === '/v3.0/OS-CREDENTIAL/securitytokens');
    assert.deepEqual(
      assumed.map((r) => [
        r.status,
        r.headers.authorization?.startsWith(`SDK-HMAC-SHA256 Access=${c.accessKey},`),
      ]),
      [[201, true]],
    );
  });

  it('Huawei variables: HW_ACCESS_KEY/SECRET_KEY/REGION_NAME/PROJECT_ID become an AK/SK profile that works', async () => {
    const c = f.server.credentials;
    const result = await importProfiles({
      source: 'env',
      env: {
        HW_ACCESS_KEY: c.accessKey,
        HW_SECRET_KEY: c.secretKey,
        HW_REGION_NAME: 'local-1',
        HW_PROJECT_ID: f.server.projectId,
      },
    });
    assert.deepEqual(result.created, ['huaweicloud-env']);
    await writeProfiles(
      storedProfiles()?.map((p) => (p.name === 'huaweicloud-env' ? { ...p, ecsEndpoint: f.server.url } : p)),
    );
    await confirmMovedEndpoint('huaweicloud-env');
    assert.equal(await readOwner('huaweicloud-env'), web01.metadata.owner);
  });

  it('a cloud asked for by name that is not in the file is skipped with a sentence, not a code', async () => {
    const result = await importProfiles({ source: 'cloudsYaml', path: cloudsYaml(), clouds: ['nope'] });
    assert.deepEqual(
      result.skipped.map((s) => [s.name, s.reason, s.message]),
      [['nope', 'notInFile', translated('There is no entry of this name in the file.')]],
    );
  });

  it('a broken clouds.yaml rejects with the file and the line', async () => {
    const file = path.join(dir, 'clouds.yaml');
    fs.writeFileSync(file, 'clouds:\n  a:\n    auth:\n      username: u\n     password: p\n');
    await assert.rejects(
      Promise.resolve(importProfiles({ source: 'cloudsYaml', path: file })),
      (err: Error) => {
        assert.ok(
          err.message.startsWith(`${translated('Could not read {0}, line {1}: {2}', file, 5, '')}`),
          err.message,
        );
        assert.ok(err.message.endsWith(translated('not valid YAML ({0}).', 'BAD_INDENT')), err.message);
        return true;
      },
    );
  });
});

/**
 * The imported secrets are bound to the endpoint they came with; a test that repoints the profile
 * confirms the move as a person would (the modal answered with "Send to New Endpoints").
 */
async function confirmMovedEndpoint(profile: string): Promise<void> {
  const original = vscode.window.showWarningMessage;
  (vscode.window as { showWarningMessage: unknown }).showWarningMessage = (
    _message: string,
    _options: vscode.MessageOptions,
    ...items: string[]
  ) => Promise.resolve(items.find((i) => i === translated('Send to New Endpoints')));
  try {
    assert.equal(await vscode.commands.executeCommand(CommandId.confirmEndpoints, { profile }), true);
  } finally {
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = original;
  }
}
