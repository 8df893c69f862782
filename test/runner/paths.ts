import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file runs from out/test/runner/). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The extension's bundle must exist before a real VS Code can load the development folder. */
export function requireBuiltExtension(): void {
  const bundle = path.join(repoRoot, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) {
    throw new Error(`${bundle} is missing — run \`npm run build\` first (npm test does).`);
  }
}
