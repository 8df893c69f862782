// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The rooms of `src/`, lowest first, and whom each may import: the table "Architecture: the rooms
 * and who may import whom" (README, or the contributor's guide), as lint; a core test checks that
 * the two say the same. `above: true` lets a room import every room of the rows before it, besides
 * `mayImport`. Rooms of one row do not import each other. Outside `src/core/`, the core is imported
 * through its index. A room may hold a lower room as a sub-folder (`find/query`, the find's pure query
 * language): the sub-folder is a room of its own, and not part of the room that holds it.
 */
const roomRows = [
  { rooms: ['core'], mayImport: [], pure: true },
  { rooms: ['find/query', 'export'], mayImport: ['core'], pure: true },
  { rooms: ['profileImport'], mayImport: ['core'], pure: true },
  { rooms: ['policy'], mayImport: ['core', 'find/query'], pure: true },
  { rooms: ['settings', 'lifecycle', 'input', 'walkthrough', 'commandBase'], mayImport: [] },
  { rooms: ['log', 'clipboard'], mayImport: ['core', 'walkthrough'] },
  { rooms: ['errors'], mayImport: ['core', 'settings', 'commandBase'] },
  { rooms: ['profiles'], above: true, mayImport: [] },
  { rooms: ['credentials'], above: true, mayImport: [] },
  { rooms: ['clients'], above: true, mayImport: [] },
  { rooms: ['metadata'], above: true, mayImport: [] },
  { rooms: ['compare', 'bulk'], above: true, mayImport: [] },
  { rooms: ['tree'], above: true, mayImport: [] },
  { rooms: ['find'], above: true, mayImport: [] },
  { rooms: ['policyCheck'], above: true, mayImport: [] },
  { rooms: ['panel'], above: true, mayImport: [] },
  { rooms: ['commands'], above: true, mayImport: [] },
  { rooms: ['extensionApi.ts'], above: true, mayImport: [] },
  { rooms: ['extension.ts'], above: true, mayImport: [] },
];

/** One `no-restricted-imports` block per room: the rooms it may not import, and `vscode` for a pure one. */
function roomRules() {
  const all = roomRows.flatMap((row) => row.rooms);
  const folder = (room) => (room.endsWith('.ts') ? `src/${room}` : `src/${room}/`);
  /** The rooms held as sub-folders of `room` (`find/query` of `find`). */
  const nestedIn = (room) => all.filter((other) => other.startsWith(`${room}/`));
  return roomRows.flatMap((row, index) => {
    const allowed = new Set([
      ...row.mayImport,
      ...(row.above ? roomRows.slice(0, index).flatMap((r) => r.rooms) : []),
    ]);
    return row.rooms.map((room) => {
      const topLevel = room.endsWith('.ts');
      // A relative specifier climbs out of the room (`../`, or `./` from a file directly in src/) to
      // another top-level folder or file of src/; no sub-folder of a room bears a room's name.
      const up = topLevel ? '\\./' : '(\\.\\./)+';
      const patterns = all
        .filter((other) => other !== room && !allowed.has(other))
        .map((other) => {
          // A room that holds another: a path into the held room is not one into it.
          const held = nestedIn(other).map((inner) => `(?!${inner.slice(other.length + 1)}(/|$))`);
          return {
            regex: `^${up}${other.replace(/\.ts$/, '')}(/${held.join('')}|$)`,
            message: `${folder(room)} may not import ${folder(other)}: see the table "Architecture: the rooms and who may import whom".`,
          };
        });
      // A room held in another: one step up is the room that holds it.
      const holder = room.includes('/') ? room.slice(0, room.lastIndexOf('/')) : undefined;
      if (holder && !allowed.has(holder)) {
        patterns.push({
          regex: '^\\.\\.(/(?!\\.\\.(/|$))|$)',
          message: `${folder(room)} may not import ${folder(holder)}: see the table "Architecture: the rooms and who may import whom".`,
        });
      }
      if (room !== 'core') {
        patterns.push({
          regex: `^${up}core/`,
          message: 'Outside src/core/, import the core through its index (src/core/index.ts).',
        });
      }
      const paths = row.pure
        ? [{ name: 'vscode', message: `${folder(room)} is pure: it must not import vscode.` }]
        : [];
      const ignores = nestedIn(room).map((inner) => `src/${inner}/**`);
      return {
        files: [topLevel ? `src/${room}` : `src/${room}/**/*.ts`],
        ...(ignores.length > 0 ? { ignores } : {}),
        rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
      };
    });
  });
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.cache/', 'test-results/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Keeps imports that are only types out of the output.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  ...roomRules(),
  {
    files: ['media/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        acquireVsCodeApi: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
