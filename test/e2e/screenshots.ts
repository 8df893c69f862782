/**
 * Screenshots of the walk go to `test-results/` (gitignored) on every run. With
 * `ECS_UPDATE_SCREENSHOTS=1` the ones marked `keep` are also copied to `media/screenshots/`, where
 * the README shows them (the walk's 1000x600 viewport keeps each PNG small).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../runner/paths';

export const resultsDir = path.join(repoRoot, 'test-results');

export async function saveScreenshot(
  page: Page,
  name: string,
  options: { keep?: boolean } = {},
): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  if (options.keep && process.env.ECS_UPDATE_SCREENSHOTS === '1') {
    const kept = path.join(repoRoot, 'media', 'screenshots', `${name}.png`);
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.copyFileSync(file, kept);
  }
  return file;
}
