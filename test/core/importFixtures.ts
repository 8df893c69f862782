/** The real-shaped credential files under test/fixtures/profile-import. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const importFixtureDir = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'profile-import',
);

export function importFixture(name: string): { path: string; text: string } {
  const file = path.join(importFixtureDir, name);
  return { path: file, text: fs.readFileSync(file, 'utf8') };
}
