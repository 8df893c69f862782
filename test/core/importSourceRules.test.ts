/**
 * Import does not trust the repository that is open (issue 21, item 3): every clouds.yaml present is
 * listed, the workspace folder's is skipped when the workspace is not trusted, OS_CLOUD pre-ticks a
 * cloud only from the user's own files, a secure.yaml linked from elsewhere is refused, and a file
 * too large, an alias bomb or a parse error is that source's error while every other source is
 * still offered.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_SOURCE_BYTES } from '../../src/profileImport/cloudsYamlLocation';
import { findImportSources, type FoundSources } from '../../src/profileImport/findImportSources';
import { importFixtureDir } from './importFixtures';

/** One cloud whose auth_url names `host`, with the given name. */
const cloudsYaml = (name: string, host: string, password?: string): string =>
  [
    'clouds:',
    `  ${name}:`,
    '    auth:',
    `      auth_url: https://${host}:5000/v3`,
    '      username: demo',
    '      user_domain_name: Default',
    ...(password ? [`      password: ${password}`] : []),
    '    region_name: RegionOne',
    '',
  ].join('\n');

describe('import sources: what a repository cannot do', () => {
  let home: string;
  let cwd: string;
  let userDir: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-import-home-'));
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-import-repo-'));
    userDir = path.join(home, '.config', 'openstack');
    fs.mkdirSync(userDir, { recursive: true });
  });
  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  const clouds = (found: FoundSources): string[] =>
    found.scans.flatMap((s) => s.candidates.map((c) => `${c.name}@${c.iamEndpoint ?? ''}@${c.origin}`));
  const userFile = (): string => path.join(userDir, 'clouds.yaml');
  const repoFile = (): string => path.join(cwd, 'clouds.yaml');

  it("lists every clouds.yaml found: the workspace folder's does not hide the user's own", () => {
    fs.writeFileSync(repoFile(), cloudsYaml('prod', 'iam.repo.example'));
    fs.writeFileSync(userFile(), cloudsYaml('prod', 'iam.mine.example'));
    const found = findImportSources({ env: {}, cwd, home });
    assert.deepEqual(clouds(found), [
      `prod@https://iam.repo.example:5000@${repoFile()}`,
      `prod@https://iam.mine.example:5000@${userFile()}`,
    ]);
  });

  it('an untrusted workspace: its clouds.yaml is named as not read, and the user’s own is still offered', () => {
    fs.writeFileSync(repoFile(), cloudsYaml('prod', 'iam.repo.example'));
    fs.writeFileSync(userFile(), cloudsYaml('prod', 'iam.mine.example'));
    const found = findImportSources({ env: {}, cwd, home, cwdTrusted: false });
    assert.deepEqual(found.untrusted, [repoFile()]);
    assert.deepEqual(clouds(found), [`prod@https://iam.mine.example:5000@${userFile()}`]);
    assert.deepEqual(findImportSources({ env: {}, cwd, home, cwdTrusted: true }).untrusted, []);
  });

  it("OS_CLOUD pre-ticks a cloud only from the user's own files, the first that has it", () => {
    fs.writeFileSync(repoFile(), cloudsYaml('prod', 'iam.repo.example'));
    const ticked = (found: FoundSources): string[] =>
      found.scans.flatMap((s) => s.candidates.filter((c) => c.isDefault).map((c) => c.origin));
    assert.deepEqual(ticked(findImportSources({ env: { OS_CLOUD: 'prod' }, cwd, home })), []);
    fs.writeFileSync(userFile(), cloudsYaml('prod', 'iam.mine.example'));
    const mine = path.join(home, 'mine.yaml');
    fs.writeFileSync(mine, cloudsYaml('prod', 'iam.env.example'));
    assert.deepEqual(ticked(findImportSources({ env: { OS_CLOUD: 'prod' }, cwd, home })), [userFile()]);
    assert.deepEqual(
      ticked(findImportSources({ env: { OS_CLOUD: 'prod', OS_CLIENT_CONFIG_FILE: mine }, cwd, home })),
      [mine],
      'OS_CLIENT_CONFIG_FILE comes first, as the OpenStack CLI reads it',
    );
  });

  it("refuses a secure.yaml that links to a file outside its clouds.yaml's folder; the other sources stay", () => {
    fs.writeFileSync(
      path.join(userDir, 'secure.yaml'),
      'clouds:\n  prod:\n    auth:\n      password: mine\n',
    );
    fs.writeFileSync(repoFile(), cloudsYaml('prod', 'iam.repo.example'));
    fs.symlinkSync(path.join(userDir, 'secure.yaml'), path.join(cwd, 'secure.yaml'));
    fs.mkdirSync(path.join(home, '.hcloud'));
    fs.copyFileSync(
      path.join(importFixtureDir, 'koocli-config.json'),
      path.join(home, '.hcloud', 'config.json'),
    );
    const found = findImportSources({ env: {}, cwd, home });
    assert.deepEqual(
      found.errors.map((e) => [e.file, e.problem.code]),
      [[path.join(cwd, 'secure.yaml'), 'linkElsewhere']],
    );
    assert.ok(!JSON.stringify(found).includes('"mine"'), 'the user’s password was merged');
    assert.ok(found.scans.some((s) => s.candidates.some((c) => c.source === 'koocli')));
  });

  it('follows a secure.yaml link within the same folder (dotfiles)', () => {
    fs.writeFileSync(userFile(), cloudsYaml('prod', 'iam.mine.example'));
    fs.writeFileSync(
      path.join(userDir, 'secure.real.yaml'),
      'clouds:\n  prod:\n    auth:\n      password: mine\n',
    );
    fs.symlinkSync(path.join(userDir, 'secure.real.yaml'), path.join(userDir, 'secure.yaml'));
    const found = findImportSources({ env: {}, home });
    assert.deepEqual(found.errors, []);
    assert.deepEqual(found.scans[0].candidates[0].secret, { password: 'mine' });
  });

  it('a file over 1 MiB is not read: its error in the list, the other files still offered', () => {
    fs.writeFileSync(
      repoFile(),
      cloudsYaml('prod', 'iam.repo.example') + `# ${'x'.repeat(MAX_SOURCE_BYTES)}\n`,
    );
    fs.writeFileSync(userFile(), cloudsYaml('mine', 'iam.mine.example'));
    const found = findImportSources({ env: {}, cwd, home });
    assert.deepEqual(
      found.errors.map((e) => [e.file, e.problem.code]),
      [[repoFile(), 'tooLarge']],
    );
    assert.deepEqual(clouds(found), [`mine@https://iam.mine.example:5000@${userFile()}`]);
  });

  it('a YAML alias bomb is that file’s error, quickly, and the other files are still offered', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0, prev = 'a'; i < 9; i++, prev = `l${i - 1}`) {
      lines.push(`l${i}: &l${i} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    fs.writeFileSync(repoFile(), `${lines.join('\n')}\nclouds: {}\n`);
    fs.writeFileSync(userFile(), cloudsYaml('mine', 'iam.mine.example'));
    const started = Date.now();
    const found = findImportSources({ env: {}, cwd, home });
    assert.ok(Date.now() - started < 2000, 'the aliases were expanded');
    assert.deepEqual(
      found.errors.map((e) => [e.file, e.problem.code]),
      [[repoFile(), 'tooManyAliases']],
    );
    assert.deepEqual(clouds(found), [`mine@https://iam.mine.example:5000@${userFile()}`]);
  });

  it('a parse error in one clouds.yaml leaves the others offered', () => {
    fs.copyFileSync(path.join(importFixtureDir, 'broken.yaml'), repoFile());
    fs.writeFileSync(userFile(), cloudsYaml('mine', 'iam.mine.example'));
    const found = findImportSources({ env: {}, cwd, home });
    assert.deepEqual(
      found.errors.map((e) => [e.file, e.line]),
      [[repoFile(), 6]],
    );
    assert.deepEqual(clouds(found), [`mine@https://iam.mine.example:5000@${userFile()}`]);
  });
});
