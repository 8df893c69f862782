// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The rooms of `src/`, lowest first, and whom each may import: the table "Architecture: the rooms
 * and who may import whom" (README, or the contributor's guide), as lint; a core test checks that
 * the two say the same. `above: true` lets a room import every room of the rows before it, besides
 * `mayImport`. Rooms of one row do not import each other. Outside `src/core/`, the core is imported
 * through its index.
 */
const roomRows = [
  { rooms: ['core'], mayImport: [], pure: true },
  { rooms: ['query', 'export'], mayImport: ['core'], pure: true },
  { rooms: ['profileImport'], mayImport: ['core'], pure: true },
  { rooms: ['policy'], mayImport: ['core', 'query'], pure: true },
  { rooms: ['settings', 'lifecycle', 'input', 'walkthrough', 'commandBase'], mayImport: [] },
  { rooms: ['log', 'clipboard'], mayImport: ['core', 'walkthrough'] },
  { rooms: ['errors'], mayImport: ['core', 'settings', 'commandBase'] },
  { rooms: ['profiles'], above: true, mayImport: [] },
  { rooms: ['credentials'], above: true, mayImport: [] },
  { rooms: ['clients'], above: true, mayImport: [] },
  { rooms: ['metadata'], above: true, mayImport: [] },
  { rooms: ['find', 'compare', 'bulk'], above: true, mayImport: [] },
  { rooms: ['policyCheck'], above: true, mayImport: [] },
  { rooms: ['tree'], above: true, mayImport: [] },
  { rooms: ['panel'], above: true, mayImport: [] },
  { rooms: ['commands'], above: true, mayImport: [] },
  { rooms: ['extensionApi.ts'], above: true, mayImport: [] },
  { rooms: ['extension.ts'], above: true, mayImport: [] },
];

/** One `no-restricted-imports` block per room: the rooms it may not import, and `vscode` for a pure one. */
function roomRules() {
  const all = roomRows.flatMap((row) => row.rooms);
  const folder = (room) => (room.endsWith('.ts') ? `src/${room}` : `src/${room}/`);
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
        .map((other) => ({
          regex: `^${up}${other.replace(/\.ts$/, '')}(/|$)`,
          message: `${folder(room)} may not import ${folder(other)}: see the table "Architecture: the rooms and who may import whom".`,
        }));
      if (room !== 'core') {
        patterns.push({
          regex: `^${up}core/`,
          message: 'Outside src/core/, import the core through its index (src/core/index.ts).',
        });
      }
      const paths = row.pure
        ? [{ name: 'vscode', message: `${folder(room)} is pure: it must not import vscode.` }]
        : [];
      return {
        files: [topLevel ? `src/${room}` : `src/${room}/**/*.ts`],
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
