/**
 * The shell of every runner entry point: install code-server if needed (its one-time install is not
 * part of the time limit), run the work under a watchdog (stuck when it prints nothing for
 * `silenceSeconds`, or past an overall ceiling), stop everything that was started however it ends,
 * and exit with the work's code. A loaded machine makes a suite slower, not silent, so it is let finish.
 */
import { ensureCodeServer } from './codeServerInstall';
import { overallTimeoutMs, teardown, teardownOnSignals, withWatchdog } from './teardown';

export interface RunLimits {
  /** Longer than the longest test's own timeout. */
  silenceSeconds: number;
  /** The ceiling; env `ECS_RUNNER_TIMEOUT_SECONDS` overrides it. */
  overallSeconds: number;
}

export function runGuarded(what: string, limits: RunLimits, work: () => Promise<number>): void {
  teardownOnSignals();
  ensureCodeServer()
    .then(() =>
      withWatchdog(
        work(),
        { overallMs: overallTimeoutMs(limits.overallSeconds), silenceMs: limits.silenceSeconds * 1000 },
        what,
      ),
    )
    .catch((err: Error) => {
      console.error(err.message);
      return 1;
    })
    .then(async (code) => {
      await teardown();
      process.exit(code);
    });
}
