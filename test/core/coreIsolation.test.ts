import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const coreDir = path.join(root, 'src', 'core');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file names in import/export-from, require() or import(). */
function importedModules(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** The imports of `files` that `refused` turns away, as `file → module`. */
function refusedImports(files: string[], refused: (module: string) => boolean): string[] {
  return files.flatMap((file) =>
    importedModules(fs.readFileSync(file, 'utf8'))
      .filter(refused)
      .map((m) => `${path.basename(file)} → ${m}`),
  );
}

describe('the core stays pure Node', () => {
  const files = sourceFiles(coreDir);

  it('finds the core sources (the scan itself works)', () => {
    assert.ok(files.length >= 10, `found ${files.length}`);
    assert.ok(
      importedModules('import x from \'vscode\';\nconst y = require("vscode");').every((m) => m === 'vscode'),
    );
  });

  it('has no file under src/core that imports vscode', () => {
    const offenders = files.filter((file) =>
      importedModules(fs.readFileSync(file, 'utf8')).includes('vscode'),
    );
    assert.deepEqual(offenders, []);
  });

  it('imports nothing from outside src/core except Node built-ins and node-fetch', () => {
    const outside = refusedImports(
      files,
      (m) => !m.startsWith('./') && !m.startsWith('node:') && m !== 'node-fetch',
    );
    assert.deepEqual(outside, []);
  });
});

/** Rooms beside the core that stay pure Node: what each may import from outside itself, and why. */
const pureRooms: { title: string; dir: string; atLeast: number; refused: (module: string) => boolean }[] = [
  {
    title: 'the credential-file readers stay pure Node',
    dir: 'profileImport',
    atLeast: 5,
    // The pure core is the one room beside it they may use (the endpoint rules, for instance), and the
    // YAML parser comes through its lazy loader (pure Node, like the parser itself).
    refused: (m) =>
      m === 'vscode' ||
      (m.startsWith('../') && m !== '../core' && !m.startsWith('../core/') && m !== '../bundling/loadYaml'),
  },
  {
    title: 'bulk edit stays pure Node',
    dir: 'bulk',
    atLeast: 3,
    // The core, and the pure change arithmetic of metadata/, are what it builds on.
    refused: (m) =>
      m === 'vscode' ||
      (m.startsWith('../') && !m.startsWith('../core') && m !== '../metadata/metadataChange'),
  },
];

for (const room of pureRooms) {
  describe(room.title, () => {
    const files = sourceFiles(path.join(root, 'src', room.dir));

    it(`has no file under src/${room.dir} that imports vscode or the VS Code layer`, () => {
      assert.ok(files.length >= room.atLeast, `found ${files.length}`);
      assert.deepEqual(refusedImports(files, room.refused), []);
    });
  });
}
