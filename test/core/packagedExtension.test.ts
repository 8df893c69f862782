/**
 * What users install: the production bundle that activation loads carries no YAML parser (Import loads
 * `dist/yamlParser.js` when it runs), the `.vsix` holds that entry, and the README — short, the two
 * set-up commands first — links only to files that exist and that the `.vsix` holds.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadYaml } from '../../src/bundling/loadYaml';
import { buildProduction, copyProject, packagedFiles } from '../runner/productionBuild';

const root = path.resolve(__dirname, '..', '..', '..');

/** Strings only the `yaml` package's own code holds (its tag prefix, its error class). */
const yamlParserMarks = ['tag:yaml.org,2002:', 'YAMLParseError'];

/** Relative link and image targets of a Markdown file, code spans and fenced blocks left out. */
export function relativeTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  const targets = [
    ...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g),
    ...prose.matchAll(/<img[^>]*\ssrc="([^"]+)"/g),
  ]
    .map((m) => m[1] as string)
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'));
  return targets.map((t) => decodeURI(t.replace(/#.*$/, '')));
}

/** Every Markdown file for people: the README, CONTRIBUTING and docs/. */
function documents(): string[] {
  const docs = fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md'));
  return ['README.md', 'CONTRIBUTING.md', ...docs.map((f) => `docs/${f}`)];
}

/** The repository paths a document's relative links point to. */
function linkedFiles(document: string): string[] {
  const text = fs.readFileSync(path.join(root, document), 'utf8');
  return relativeTargets(text).map((t) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(document), t)),
  );
}

describe('the packaged extension', function () {
  this.timeout(240_000);
  let tmp: string;
  let dist: string;
  let files: string[];

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-packaged-'));
    const project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    copyProject(root, project);
    dist = await buildProduction(root, project);
    files = await packagedFiles(root, project);
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('activates without the YAML parser: dist/extension.js requires dist/yamlParser.js only when Import runs', () => {
    const bundle = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    const lazy = fs.readFileSync(path.join(dist, 'yamlParser.js'), 'utf8');
    for (const mark of yamlParserMarks) {
      assert.ok(!bundle.includes(mark), `the activation bundle holds YAML parser code ("${mark}")`);
      assert.ok(lazy.includes(mark), `dist/yamlParser.js lacks the YAML parser ("${mark}")`);
    }
    assert.ok(bundle.includes('require("./yamlParser.js")'), 'the bundle does not load ./yamlParser.js');
  });

  it('packs the bundle and its lazily loaded YAML parser into the .vsix', () => {
    assert.ok(files.includes('dist/extension.js'), files.join('\n'));
    assert.ok(files.includes('dist/yamlParser.js'), files.join('\n'));
  });

  it('packs every file the README and docs/ link to, so its images and links work in the .vsix', () => {
    // `vsce ls` names files as in the project, but vsce stores these three under other names: a link
    // to one of them finds nothing in the installed extension (case-sensitive file systems).
    const renamed = new Set(['README.md', 'CHANGELOG.md', 'LICENSE']);
    const inVsix = files.filter((f) => !renamed.has(f));
    const packed = documents().filter((d) => d === 'README.md' || d.startsWith('docs/'));
    for (const document of packed) {
      assert.ok(files.includes(document), `${document} is not in the .vsix`);
      for (const target of linkedFiles(document))
        assert.ok(
          inVsix.includes(target),
          `${document} links to ${target}, which the .vsix leaves out or renames`,
        );
    }
  });
});

describe('the README and the docs', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

  it('keeps the README at most 12 KB', () => {
    assert.ok(Buffer.byteLength(readme) <= 12 * 1024, `README.md is ${Buffer.byteLength(readme)} bytes`);
  });

  it('starts with the two set-up commands, the test one being what CI runs', () => {
    const first = /^# [^\n]+\n\n```sh\n([^\n]+)\n([^\n]+)\n```\n/.exec(readme);
    assert.ok(first, 'README.md does not start with its title and one sh block of two lines');
    const command = (line: string) => (line.split('#')[0] as string).trim();
    assert.equal(command(first[1] as string), 'bash .ci/prereqs.sh && npm ci && npm start');
    const test = command(first[2] as string);
    assert.equal(test, 'bash .ci/prereqs.sh && npm ci && npm test');
    // .ci/run runs the same steps, one a line (npm ci with quieter flags).
    const ci = fs
      .readFileSync(path.join(root, '.ci', 'run'), 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#') && !/^(set|cd) /.test(l))
      .map((l) => l.replace(/ --no-audit --no-fund$/, ''));
    assert.deepEqual(ci, test.split(' && '));
  });

  it('links only to files that exist (README, CONTRIBUTING, docs/)', () => {
    for (const document of documents()) {
      const targets = linkedFiles(document);
      for (const target of targets)
        assert.ok(
          fs.existsSync(path.join(root, target)),
          `${document} links to ${target}, which does not exist`,
        );
    }
    assert.ok(
      linkedFiles('README.md').some((t) => t.startsWith('media/screenshots/')),
      'README shows no screenshot',
    );
  });

  it('finds links and images in Markdown, and not in code', () => {
    const sample = '![a](media/x.png) [b](docs/y.md#z) [c](https://e.com) `[d](no.md)` <img src="m/i.png">';
    assert.deepEqual(relativeTargets(sample).sort(), ['docs/y.md', 'm/i.png', 'media/x.png']);
  });
});

describe('loadYaml', () => {
  it('loads the yaml package once, on first call', () => {
    const yaml = loadYaml();
    assert.equal(loadYaml(), yaml);
    assert.deepEqual(yaml.parse('a: 1'), { a: 1 });
  });
});
