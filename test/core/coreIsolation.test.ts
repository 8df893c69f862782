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

describe('the credential-file readers stay pure Node', () => {
  const files = sourceFiles(path.join(root, 'src', 'profileImport'));

  it('has no file under src/profileImport that imports vscode or the VS Code layer', () => {
    assert.ok(files.length >= 5, `found ${files.length}`);
    // The pure core is the one room beside it they may use (the endpoint rules, for instance), and the
    // YAML parser comes through its lazy loader (pure Node, like the parser itself).
    const offenders = refusedImports(
      files,
      (m) =>
        m === 'vscode' ||
        (m.startsWith('../') && m !== '../core' && !m.startsWith('../core/') && m !== '../bundling/loadYaml'),
    );
    assert.deepEqual(offenders, []);
  });
});

describe('bulk edit stays pure Node', () => {
  const files = sourceFiles(path.join(root, 'src', 'bulk'));

  it('has no file under src/bulk that imports vscode or the VS Code layer', () => {
    assert.ok(files.length >= 3, `found ${files.length}`);
    // The core, and the pure change arithmetic of metadata/, are what it builds on.
    const offenders = refusedImports(
      files,
      (m) =>
        m === 'vscode' ||
        (m.startsWith('../') && !m.startsWith('../core') && m !== '../metadata/metadataChange'),
    );
    assert.deepEqual(offenders, []);
  });
});
