import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCloudsYaml } from '../../src/profileImport/cloudsYaml';
import {
  cloudsYamlCandidates,
  findCloudsYaml,
  readCloudsYaml,
} from '../../src/profileImport/cloudsYamlLocation';
import { normalizeEndpoint } from '../../src/core';
const iamEndpointFromAuthUrl = (url: string): string => normalizeEndpoint(url, 'identity').endpoint;
import { SourceParseError } from '../../src/profileImport/sourceParseError';
import { importFixture, importFixtureDir } from './importFixtures';

describe('clouds.yaml import', () => {
  const file = importFixture('clouds.yaml');
  const secure = importFixture('secure.yaml');

  it('reads a Horizon-shaped cloud: IAM endpoint without /v3, user, domain, project id, region', () => {
    const { candidates } = parseCloudsYaml(file, { secure });
    const devstack = candidates.find((c) => c.name === 'devstack');
    assert.deepEqual(devstack, {
      name: 'devstack',
      source: 'cloudsYaml',
      origin: file.path,
      auth: 'password',
      iamEndpoint: 'https://keystone.example.org:5000',
      region: 'RegionOne',
      projectId: '7f1ee2c4e0b94c4a9d4c1f7e9b1b2a3c',
      domain: 'Default',
      user: 'demo',
      secret: { password: 'devstack-Passw0rd' },
    });
  });

  it('merges the password from secure.yaml; without it the secret is reported absent', () => {
    const withSecure = parseCloudsYaml(file, { secure }).candidates.find((c) => c.name === 'devstack');
    assert.deepEqual(withSecure?.secret, { password: 'devstack-Passw0rd' });
    const alone = parseCloudsYaml(file).candidates.find((c) => c.name === 'devstack');
    assert.equal(alone?.secret, undefined);
    assert.equal(alone?.missingSecret, 'absent');
  });

  it('keeps a project name when there is no id, and points out the cacert', () => {
    const huawei = parseCloudsYaml(file).candidates.find((c) => c.name === 'huawei-bj4');
    assert.equal(huawei?.projectName, 'cn-north-4');
    assert.equal(huawei?.projectId, undefined);
    assert.equal(huawei?.iamEndpoint, 'https://iam.cn-north-4.myhuaweicloud.com');
    assert.equal(huawei?.cacert, '/etc/ssl/certs/corp-root.pem');
  });

  it('refuses verify: false and other auth types, saying why', () => {
    const { candidates, skipped } = parseCloudsYaml(file, { secure });
    assert.deepEqual(
      candidates.map((c) => c.name),
      ['devstack', 'huawei-bj4', 'by-domain-id'],
    );
    assert.deepEqual(
      skipped.map((s) => [s.name, s.reason, s.detail]),
      [
        ['insecure-lab', 'verifyDisabled', undefined],
        ['appcred', 'unsupportedMode', 'v3applicationcredential'],
      ],
    );
    assert.ok(!JSON.stringify(skipped).includes('lab-Passw0rd'), 'a refused cloud carries no secret');
  });

  it('imports a cloud whose user domain is given only by id (user_domain_id), with that id', () => {
    const byId = parseCloudsYaml(file).candidates.find((c) => c.name === 'by-domain-id');
    assert.equal(byId?.domainId, 'default');
    assert.equal(byId?.domain, undefined);
    assert.equal(byId?.auth, 'password');
  });

  it('marks the OS_CLOUD cloud as the default', () => {
    const { candidates } = parseCloudsYaml(file, { defaultCloud: 'huawei-bj4' });
    assert.deepEqual(
      candidates.filter((c) => c.isDefault).map((c) => c.name),
      ['huawei-bj4'],
    );
  });

  it('imports only the named clouds when asked, and names those not in the file', () => {
    const { candidates, skipped } = parseCloudsYaml(file, { only: ['devstack', 'nope'] });
    assert.deepEqual(
      candidates.map((c) => c.name),
      ['devstack'],
    );
    assert.deepEqual(
      skipped.map((s) => [s.name, s.reason, s.detail]),
      [['nope', 'notInFile', undefined]],
    );
  });

  it('skips a cloud that is not a mapping with a code, not with English words', () => {
    const { skipped } = parseCloudsYaml({ path: 'c.yaml', text: 'clouds:\n  odd: just text\n' });
    assert.deepEqual(
      skipped.map((s) => [s.name, s.reason, s.detail]),
      [['odd', 'notMapping', undefined]],
    );
  });

  it('reads scalars as text, so a numeric-looking project id stays as written', () => {
    const scan = parseCloudsYaml({
      path: 'x.yaml',
      text: 'clouds:\n  c:\n    auth:\n      auth_url: https://k.example/v3\n      username: u\n      user_domain_name: D\n      project_id: 1234e5\n',
    });
    assert.equal(scan.candidates[0].projectId, '1234e5');
  });

  it('names the file and the line of a YAML error', () => {
    const broken = importFixture('broken.yaml');
    assert.throws(
      () => parseCloudsYaml(broken),
      (error: unknown) =>
        error instanceof SourceParseError &&
        error.file === broken.path &&
        error.line === 6 &&
        error.problem.code === 'yamlSyntax' &&
        /^[A-Z_]+$/.test(error.problem.detail) &&
        error.message.startsWith(`${broken.path}, line 6: `),
    );
  });

  it('names the line when "clouds" is not a mapping', () => {
    assert.throws(
      () => parseCloudsYaml({ path: 'c.yaml', text: '# header\nclouds:\n  - a\n  - b\n' }),
      (error: unknown) =>
        error instanceof SourceParseError && error.line === 3 && error.problem.code === 'cloudsNotMapping',
    );
  });

  it('names a file whose top level is not a mapping by a code', () => {
    assert.throws(
      () => parseCloudsYaml({ path: 'c.yaml', text: '- a\n- b\n' }),
      (error: unknown) => error instanceof SourceParseError && error.problem.code === 'notCloudsFile',
    );
  });

  it('names the file and line of a broken secure.yaml too', () => {
    assert.throws(
      () => parseCloudsYaml(file, { secure: { path: 'secure.yaml', text: 'clouds:\n  a: [1, 2\n' } }),
      (error: unknown) =>
        error instanceof SourceParseError && error.file === 'secure.yaml' && error.line !== undefined,
    );
  });

  it('strips /v3, /v2.0 and slashes from auth_url', () => {
    assert.equal(iamEndpointFromAuthUrl('https://k.example:5000/v3/'), 'https://k.example:5000');
    assert.equal(iamEndpointFromAuthUrl('https://k.example/identity/v2.0'), 'https://k.example/identity');
    assert.equal(iamEndpointFromAuthUrl('https://k.example/identity'), 'https://k.example/identity');
  });

  describe('locations', () => {
    let home: string;
    let cwd: string;
    beforeEach(() => {
      home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-import-home-'));
      cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-import-cwd-'));
    });
    afterEach(() => {
      fs.rmSync(home, { recursive: true, force: true });
      fs.rmSync(cwd, { recursive: true, force: true });
    });

    it('looks in OS_CLIENT_CONFIG_FILE, the current folder, ~/.config/openstack, /etc/openstack, in that order', () => {
      assert.deepEqual(cloudsYamlCandidates({ env: { OS_CLIENT_CONFIG_FILE: '/x/c.yaml' }, cwd, home }), [
        '/x/c.yaml',
        path.join(cwd, 'clouds.yaml'),
        path.join(cwd, 'clouds.yml'),
        path.join(home, '.config', 'openstack', 'clouds.yaml'),
        path.join(home, '.config', 'openstack', 'clouds.yml'),
        '/etc/openstack/clouds.yaml',
        '/etc/openstack/clouds.yml',
      ]);
    });

    it('finds the first file present and reads secure.yaml beside it', () => {
      const dir = path.join(home, '.config', 'openstack');
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(path.join(importFixtureDir, 'clouds.yaml'), path.join(dir, 'clouds.yaml'));
      fs.copyFileSync(path.join(importFixtureDir, 'secure.yaml'), path.join(dir, 'secure.yaml'));
      const found = findCloudsYaml({ env: {}, cwd, home });
      assert.equal(found, path.join(dir, 'clouds.yaml'));
      const read = readCloudsYaml(found as string);
      assert.equal(read.secure?.path, path.join(dir, 'secure.yaml'));
      fs.writeFileSync(path.join(cwd, 'clouds.yaml'), 'clouds: {}\n');
      assert.equal(
        findCloudsYaml({ env: {}, cwd, home }),
        path.join(cwd, 'clouds.yaml'),
        'the current folder wins',
      );
      const override = path.join(home, 'mine.yaml');
      fs.writeFileSync(override, 'clouds: {}\n');
      assert.equal(findCloudsYaml({ env: { OS_CLIENT_CONFIG_FILE: override }, cwd, home }), override);
    });
  });
});
