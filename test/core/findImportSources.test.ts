import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findImportSources, readSourceFile } from '../../src/profileImport/findImportSources';
import { SourceParseError } from '../../src/profileImport/sourceParseError';
import { importFixtureDir } from './importFixtures';

describe('finding every import source present', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-import-home-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  const place = (from: string, to: string): void => {
    fs.mkdirSync(path.dirname(path.join(home, to)), { recursive: true });
    fs.copyFileSync(path.join(importFixtureDir, from), path.join(home, to));
  };
  const names = (found: ReturnType<typeof findImportSources>): string[] =>
    found.scans.flatMap((s) => s.candidates.map((c) => `${c.source}:${c.name}`));

  it('finds clouds.yaml (+ secure.yaml), OS_* and Huawei variables and KooCLI profiles together', () => {
    place('clouds.yaml', '.config/openstack/clouds.yaml');
    place('secure.yaml', '.config/openstack/secure.yaml');
    place('koocli-config.json', '.hcloud/config.json');
    const found = findImportSources({
      env: {
        OS_CLOUD: 'devstack',
        OS_AUTH_URL: 'https://k.example/v3',
        OS_USERNAME: 'u',
        OS_USER_DOMAIN_NAME: 'D',
        HW_ACCESS_KEY: 'QTWAOYTTINDUT2QVKYUC',
        HW_SECRET_KEY: 'sk',
        HW_REGION_NAME: 'cn-north-4',
      },
      home,
    });
    assert.deepEqual(found.errors, []);
    assert.deepEqual(names(found), [
      'cloudsYaml:devstack',
      'cloudsYaml:huawei-bj4',
      'cloudsYaml:by-domain-id',
      'osEnv:envvars',
      'huaweiEnv:huaweicloud-env',
      'koocli:prod',
      'koocli:encrypted',
      'koocli:no-keys',
      'koocli:cross-account',
    ]);
    const devstack = found.scans[0].candidates[0];
    assert.equal(devstack.isDefault, true, 'OS_CLOUD marks the default');
    assert.deepEqual(devstack.secret, { password: 'devstack-Passw0rd' }, 'secure.yaml merged');
  });

  it('reports a broken file by name and line and still offers the other sources', () => {
    place('broken.yaml', '.config/openstack/clouds.yaml');
    place('koocli-config.json', '.hcloud/config.json');
    const found = findImportSources({ env: {}, home });
    assert.equal(found.errors.length, 1);
    assert.equal(found.errors[0].file, path.join(home, '.config/openstack/clouds.yaml'));
    assert.equal(found.errors[0].line, 6);
    assert.ok(names(found).includes('koocli:prod'));
  });

  it('finds nothing in an empty home and environment', () => {
    assert.deepEqual(names(findImportSources({ env: {}, home })), []);
  });

  it('reads a file the user picked by its kind, and names a missing one', () => {
    assert.equal(
      readSourceFile(path.join(importFixtureDir, 'koocli-config.json')).candidates[0].source,
      'koocli',
    );
    assert.equal(
      readSourceFile(path.join(importFixtureDir, 'clouds.yaml')).candidates[0].source,
      'cloudsYaml',
    );
    assert.throws(
      () => readSourceFile(path.join(home, 'nope.yaml')),
      (e: unknown) =>
        e instanceof SourceParseError &&
        e.file === path.join(home, 'nope.yaml') &&
        e.problem.code === 'fileMissing',
    );
  });
});
