/**
 * Runs the end-to-end walk (`out/test/e2e/*.test.js`) with mocha in this Node process, which
 * drives code-server and Chromium through playwright; prints mocha's spec output and summary,
 * stops everything it started however the run ends, and exits with the walk's result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runGuarded } from '../runner/runGuarded';

function runMocha(): Promise<number> {
  // bail: each step stands on the previous one; after a failure the rest would only fail along.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 90_000, bail: true });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js'))) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve) => mocha.run((failures) => resolve(failures > 0 ? 1 : 0)));
}

// Silence: the longest walk step may take 300 s. The ceiling leaves room for a loaded machine.
runGuarded('The end-to-end walk', { silenceSeconds: 360, overallSeconds: 1800 }, runMocha);
