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

/**
 * Rejects after `ms` with a message naming what took too long (the caller then tears down). The
 * bench's runs use it; the test runners use `withWatchdog`.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return withWatchdog(work, { overallMs: ms }, what);
}

export interface WatchdogLimits {
  /** However it goes, no longer than this. */
  overallMs: number;
  /** A run that prints nothing for this long is stuck; `undefined`: no such limit. */
  silenceMs?: number;
}

/**
 * Rejects when `work` is stuck: nothing written to stdout or stderr for `silenceMs` (longer than the
 * longest test's own timeout, so a slow test on a loaded machine is not taken for a stuck one), or
 * past the overall ceiling. A suite that goes on making progress on a busy machine is let finish.
 */
export function withWatchdog<T>(work: Promise<T>, limits: WatchdogLimits, what: string): Promise<T> {
  let lastOutput = Date.now();
  const started = lastOutput;
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write);
  streams.forEach((stream, index) => {
    const write = writes[index];
    stream.write = ((...args: Parameters<typeof write>) => {
      lastOutput = Date.now();
      return write.apply(stream, args);
    }) as typeof write;
  });
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setInterval(
      () => {
        const now = Date.now();
        if (now - started > limits.overallMs) {
          reject(new Error(`${what} did not finish within ${Math.round(limits.overallMs / 1000)} s`));
        } else if (limits.silenceMs !== undefined && now - lastOutput > limits.silenceMs) {
          reject(new Error(`${what} printed nothing for ${Math.round(limits.silenceMs / 1000)} s: stuck`));
        }
      },
      Math.min(1_000, limits.overallMs),
    );
  });
  return Promise.race([work, stuck]).finally(() => {
    clearInterval(timer);
    streams.forEach((stream, index) => (stream.write = writes[index]));
  });
}

/** Overall limit for a runner, in ms: env `ECS_RUNNER_TIMEOUT_SECONDS` or the given default. */
export function overallTimeoutMs(defaultSeconds: number): number {
  const fromEnv = Number(process.env.ECS_RUNNER_TIMEOUT_SECONDS);
  return (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : defaultSeconds) * 1000;
}
