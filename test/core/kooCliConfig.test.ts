import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { kooCliConfigPath, parseKooCliConfig } from '../../src/profileImport/kooCliConfig';
import { SourceParseError } from '../../src/profileImport/sourceParseError';
import { importFixture } from './importFixtures';

describe('KooCLI config.json import', () => {
  const file = importFixture('koocli-config.json');

  it('imports an AKSK profile with its plain keys, region and project id, marking `current`', () => {
    const prod = parseKooCliConfig(file).candidates.find((c) => c.name === 'prod');
    assert.deepEqual(prod, {
      name: 'prod',
      source: 'koocli',
      origin: file.path,
      auth: 'aksk',
      region: 'cn-north-4',
      projectId: '9c53a566cb3443ab910cf0daebca90c4',
      isDefault: true,
      secret: {
        accessKey: 'QTWAOYTTINDUT2QVKYUC',
        secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
      },
    });
  });

  it('leaves encrypted keys out (to be asked for), and says when there are none', () => {
    const { candidates } = parseKooCliConfig(file);
    const encrypted = candidates.find((c) => c.name === 'encrypted');
    assert.equal(encrypted?.secret, undefined);
    assert.equal(encrypted?.missingSecret, 'encrypted');
    assert.equal(encrypted?.region, 'ap-southeast-1');
    assert.ok(
      !JSON.stringify(candidates).includes('ZW5jcnlwdGVk'),
      'no part of the encrypted key is carried',
    );
    const noKeys = candidates.find((c) => c.name === 'no-keys');
    assert.equal(noKeys?.missingSecret, 'absent');
  });

  it('imports an ecsAgency profile as an agency profile acting with its source profile, without a secret', () => {
    const agency = parseKooCliConfig(file).candidates.find((c) => c.name === 'cross-account');
    assert.deepEqual(agency, {
      name: 'cross-account',
      source: 'koocli',
      origin: file.path,
      auth: 'agency',
      agency: { sourceProfile: 'prod', agencyDomain: 'partner-account', agencyName: 'ecs-readers' },
      region: 'cn-north-4',
    });
  });

  it('skips an ecsAgency profile that lacks the agency fields, naming them', () => {
    const scan = parseKooCliConfig({
      path: file.path,
      text: JSON.stringify({ profiles: [{ name: 'half', mode: 'ecsAgency', agencyName: 'ops' }] }),
    });
    assert.deepEqual(
      scan.skipped.map((s) => [s.name, s.reason, s.detail]),
      [['half', 'incomplete', 'sourceProfile, agencyDomainName']],
    );
    assert.equal(scan.candidates.length, 0);
  });

  it('skips SSO profiles, naming the mode', () => {
    assert.deepEqual(
      parseKooCliConfig(file).skipped.map((s) => [s.name, s.reason, s.detail]),
      [['sso-login', 'unsupportedMode', 'SSO']],
    );
  });

  it('imports only the named profiles when asked', () => {
    const { candidates, skipped } = parseKooCliConfig(file, ['no-keys', 'ghost']);
    assert.deepEqual(
      candidates.map((c) => c.name),
      ['no-keys'],
    );
    assert.deepEqual(
      skipped.map((s) => [s.name, s.reason, s.detail]),
      [['ghost', 'notInFile', undefined]],
    );
  });

  it('names the file and line of a JSON error', () => {
    const broken = importFixture('koocli-broken.json');
    assert.throws(
      () => parseKooCliConfig(broken),
      (error: unknown) =>
        error instanceof SourceParseError &&
        error.file === broken.path &&
        error.line === 4 &&
        error.problem.code === 'jsonSyntax',
    );
  });

  it('names a JSON file without a "profiles" list by a code', () => {
    assert.throws(
      () => parseKooCliConfig({ path: 'c.json', text: '{"clouds": {}}' }),
      (error: unknown) =>
        error instanceof SourceParseError && error.line === 1 && error.problem.code === 'noProfilesList',
    );
  });

  it('lives at ~/.hcloud/config.json', () => {
    assert.equal(kooCliConfigPath('/home/u'), path.join('/home/u', '.hcloud', 'config.json'));
    assert.equal(kooCliConfigPath(), path.join(os.homedir(), '.hcloud', 'config.json'));
  });
});
