/**
 * The test runners' watchdog: a suite that keeps printing on a loaded machine is let finish, a
 * silent one is stopped as stuck, and the ceiling holds either way.
 */
import * as assert from 'node:assert/strict';
import { withWatchdog } from '../runner/teardown';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runner watchdog', () => {
  it('lets a run that keeps printing go on past the silence limit, and restores the streams', async () => {
    const write = process.stdout.write;
    const work = (async () => {
      for (let i = 0; i < 5; i++) {
        await sleep(600);
        process.stdout.write('');
      }
      return 7;
    })();
    assert.equal(await withWatchdog(work, { overallMs: 10_000, silenceMs: 1_500 }, 'the run'), 7);
    assert.equal(process.stdout.write, write);
  });

  it('stops a run that prints nothing for the silence limit, naming it as stuck', async () => {
    await assert.rejects(
      withWatchdog(sleep(5_000), { overallMs: 10_000, silenceMs: 1_200 }, 'the run'),
      /the run printed nothing for 1 s: stuck/,
    );
  });

  it('stops a run past the ceiling even while it prints', async () => {
    const printing = setInterval(() => process.stderr.write(''), 200);
    try {
      await assert.rejects(
        withWatchdog(sleep(5_000), { overallMs: 1_500, silenceMs: 1_000 }, 'the run'),
        /the run did not finish within 2 s/,
      );
    } finally {
      clearInterval(printing);
    }
  });
});
