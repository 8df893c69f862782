/**
 * The rooms of src/ and who may import whom: the table in the docs ("Architecture: the rooms and who
 * may import whom") is what `npm run lint` enforces, a wrong-way import fails lint, and no files of
 * src/ import each other in a ring (type-only imports included).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');
const src = path.join(root, 'src');
const tableTitle = 'Architecture: the rooms and who may import whom';

/** The Markdown files the table may live in: the README, or the contributor's guide it moves to. */
function docFiles(): string[] {
  const docs = path.join(root, 'docs');
  const inDocs = fs.existsSync(docs)
    ? fs
        .readdirSync(docs)
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(docs, name))
    : [];
  return [path.join(root, 'README.md'), path.join(root, 'CONTRIBUTING.md'), ...inDocs].filter((file) =>
    fs.existsSync(file),
  );
}

/** Folders of src/ that are no room: esbuild's stand-ins, which nothing imports. */
const notRooms = new Set(['bundling']);

interface RoomRow {
  rooms: string[];
  mayImport: Set<string>;
}

/** The table's rows, lowest first, with "the rooms above" spelled out. */
function roomTable(): RoomRow[] {
  const heading = new RegExp(`^#+ ${tableTitle}$`, 'm');
  const texts = docFiles().map((file) => fs.readFileSync(file, 'utf8'));
  const text = texts.find((candidate) => heading.test(candidate));
  assert.ok(text, `no heading "${tableTitle}" in ${docFiles().join(', ')}`);
  const section = text.slice(text.search(heading)).split(/\n#/)[0];
  const lines = section.split('\n').filter((line) => line.startsWith('| `src/'));
  const rows: RoomRow[] = [];
  for (const line of lines) {
    const [roomCell, , importCell] = line.split('|').slice(1, -1);
    const rooms = [...roomCell.matchAll(/`src\/([^`]+?)\/?`/g)].map((m) => m[1]);
    const named = [...importCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((n) => n !== 'vscode');
    const above = /the rooms above/.test(importCell) ? rows.flatMap((row) => row.rooms) : [];
    const mayImport = new Set([...above, ...named.filter((n) => n !== 'node-fetch')]);
    rows.push({ rooms, mayImport });
  }
  return rows;
}

/** A relative specifier from a file directly in `room` (a folder of src/, one in it, or a file of src/) to `other`. */
function specifier(room: string, other: string): string {
  const from = room.endsWith('.ts') ? './' : '../'.repeat(room.split('/').length);
  if (other.endsWith('.ts')) return from + other.slice(0, -3);
  // The core only through its index; a module of any other room.
  return other === 'core' ? `${from}core` : `${from}${other}/planted`;
}

function plantedPath(room: string): string {
  return room.endsWith('.ts') ? path.join(src, room) : path.join(src, room, 'plantedImports.ts');
}

let eslint: ESLint | undefined;
/** The `no-restricted-imports` messages lint gives `code` placed at `file`, with their lines. */
async function restrictions(file: string, code: string): Promise<{ line: number; message: string }[]> {
  eslint ??= new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: file });
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], 'the planted code parses');
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map(({ line, message }) => ({ line, message }));
}

describe('the rooms of src/ are enforced by lint', function () {
  this.timeout(180_000);
  const rows = roomTable();
  const rooms = rows.flatMap((row) => row.rooms);

  it('reads the table: every folder and file of src/ is a room of it, once', () => {
    assert.ok(rows.length >= 10, `found ${rows.length} rows`);
    assert.equal(new Set(rooms).size, rooms.length, 'a room is in two rows');
    const present = fs.readdirSync(src).filter((name) => !notRooms.has(name));
    // A room held in another (`find/query`) is a folder of the room that holds it.
    const held = rooms.filter((room) => room.includes('/'));
    assert.deepEqual([...present].sort(), rooms.filter((room) => !held.includes(room)).sort());
    for (const room of held) {
      assert.ok(fs.statSync(path.join(src, room)).isDirectory(), `src/${room}/ is a folder`);
      assert.ok(rooms.includes(room.slice(0, room.lastIndexOf('/'))), `src/${room}/ is held in a room`);
    }
  });

  it('fails lint on a wrong-way import and passes a right-way one', async () => {
    const tree = plantedPath('tree');
    const wrong = await restrictions(
      tree,
      "import { registerCommand } from '../commands/registerCommand';\nvoid registerCommand;\n",
    );
    assert.equal(wrong.length, 1);
    assert.match(wrong[0].message, /src\/tree\/ may not import src\/commands\//);
    const right = await restrictions(
      tree,
      "import { CommandId } from '../commandBase/commandIds';\nvoid CommandId;\n",
    );
    assert.deepEqual(right, []);
    const typeOnly = await restrictions(
      plantedPath('errors'),
      "import type { Profile } from '../profiles/profile';\nexport type P = Profile;\n",
    );
    assert.equal(typeOnly.length, 1, 'a type-only import counts too');
  });

  it("keeps a room held in another apart from it (the find's pure query language)", async () => {
    const query = plantedPath('find/query');
    const holder = await restrictions(
      query,
      "import { FindSession } from '../findSession';\nvoid FindSession;\n",
    );
    assert.equal(holder.length, 1, 'the held room may not import the room that holds it');
    assert.match(holder[0].message, /src\/find\/query\/ may not import src\/find\//);
    const vscodeImport = await restrictions(query, "import * as vscode from 'vscode';\nvoid vscode;\n");
    assert.equal(vscodeImport.length, 1, 'the held room is pure');
    const policy = plantedPath('policy');
    const intoHeld = "import { parseQuery } from '../find/query/parseQuery';\nvoid parseQuery;\n";
    assert.deepEqual(await restrictions(policy, intoHeld), [], 'a lower room may import the held room');
    const intoHolder = await restrictions(
      policy,
      "import { FindSession } from '../find/findSession';\nvoid FindSession;\n",
    );
    assert.equal(intoHolder.length, 1, 'but not the room that holds it');
    assert.match(intoHolder[0].message, /src\/policy\/ may not import src\/find\//);
  });

  it('fails lint on an import past src/core/index.ts from outside the core', async () => {
    const file = plantedPath('metadata');
    const past = await restrictions(file, "import { isRecord } from '../core/isRecord';\nvoid isRecord;\n");
    assert.equal(past.length, 1);
    assert.match(past[0].message, /through its index/);
    assert.deepEqual(await restrictions(file, "import { isRecord } from '../core';\nvoid isRecord;\n"), []);
  });

  it('lets each room import exactly what its row of the table names', async () => {
    const disagreements: string[] = [];
    for (const row of rows) {
      for (const room of row.rooms) {
        const others = rooms.filter((other) => other !== room);
        const code = others.map((other) => `import '${specifier(room, other)}';`).join('\n') + '\n';
        const refused = new Set((await restrictions(plantedPath(room), code)).map((m) => others[m.line - 1]));
        for (const other of others) {
          const allowed = row.mayImport.has(other);
          if (allowed === refused.has(other)) {
            disagreements.push(
              `${room} → ${other}: the table ${allowed ? 'allows' : 'forbids'} it, lint does not`,
            );
          }
        }
      }
    }
    assert.deepEqual(disagreements, []);
  });
});

/** Every relative module a file imports or re-exports, type-only ones included, resolved to a file. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    const module =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (!module || !ts.isStringLiteral(module) || !module.text.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), module.text);
    const resolved = [`${target}.ts`, path.join(target, 'index.ts')].find((candidate) =>
      fs.existsSync(candidate),
    );
    assert.ok(resolved, `${path.relative(root, file)}: cannot resolve ${module.text}`);
    found.push(resolved);
  }
  return found;
}

/** The rings of a graph (strongly connected parts of more than one node, or a node importing itself). */
function importRings(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const rings: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const ring: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      ring.push(member);
    } while (member !== node);
    if (ring.length > 1 || (graph.get(node) ?? []).includes(node)) rings.push(ring.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return rings;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('no files of src/ import each other in a ring', () => {
  it('finds rings (the check itself works)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    assert.deepEqual(importRings(graph), [['a', 'b', 'c'], ['e']]);
  });

  it('has no ring of imports, type-only ones included', () => {
    const files = sourceFiles(src);
    assert.ok(files.length >= 100, `found ${files.length}`);
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    const rings = importRings(graph).map((ring) => ring.map((file) => path.relative(src, file)).join(' ↔ '));
    assert.deepEqual(rings, []);
  });
});
