/**
 * The shell of every runner entry point: install code-server if needed (its one-time install is not
 * part of the time limit), run the work under an overall time limit, stop everything that was
 * started however it ends, and exit with the work's code.
 */
import { ensureCodeServer } from './codeServerInstall';
import { overallTimeoutMs, teardown, teardownOnSignals, withTimeout } from './teardown';

export function runGuarded(what: string, defaultTimeoutSeconds: number, work: () => Promise<number>): void {
  teardownOnSignals();
  ensureCodeServer()
    .then(() => withTimeout(work(), overallTimeoutMs(defaultTimeoutSeconds), what))
    .catch((err: Error) => {
      console.error(err.message);
      return 1;
    })
    .then(async (code) => {
      await teardown();
      process.exit(code);
    });
}
