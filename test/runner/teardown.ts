/**
 * Everything a runner starts (code-server, the browser, the ECS server, temp folders) registers how
 * to stop it here, so one place stops it all — after success, failure, an overall timeout or
 * Ctrl-C/SIGTERM — in reverse order of starting.
 */
type Cleanup = { name: string; run: () => Promise<void> | void };

const cleanups: Cleanup[] = [];
let running: Promise<void> | undefined;

export function onTeardown(name: string, run: () => Promise<void> | void): void {
  cleanups.push({ name, run });
}

/** Runs every registered cleanup once (later calls wait for the first); never throws. */
export function teardown(): Promise<void> {
  running ??= (async () => {
    while (cleanups.length > 0) {
      const cleanup = cleanups.pop() as Cleanup;
      try {
        await cleanup.run();
      } catch (err) {
        process.stderr.write(`teardown: ${cleanup.name}: ${(err as Error).message}\n`);
      }
    }
  })();
  return running;
}

/**
 * On Ctrl-C / SIGTERM / SIGHUP: stop everything, then exit with the conventional 128+signal code.
 * A crash (uncaught error, or stdout closed under us) also tears down before exiting with 1.
 */
export function teardownOnSignals(): void {
  const crash = (err: unknown): void => {
    if ((err as NodeJS.ErrnoException)?.code !== 'EPIPE') process.stderr.write(`${String(err)}\n`);
    void teardown().then(() => process.exit(1));
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const signal of Object.keys(codes)) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping everything…\n`);
      void teardown().then(() => process.exit(codes[signal]));
    });
  }
}

/** Rejects after `ms` with a message naming what took too long (the caller then tears down). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Overall limit for a runner, in ms: env `ECS_RUNNER_TIMEOUT_SECONDS` or the given default. */
export function overallTimeoutMs(defaultSeconds: number): number {
  const fromEnv = Number(process.env.ECS_RUNNER_TIMEOUT_SECONDS);
  return (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : defaultSeconds) * 1000;
}
