/**
 * `node out/test/ecs-server/cli.js [--port N] [--seed file] [--latency ms]`: the local ECS server in
 * the foreground, for manual use and out-of-process tools. Faults can be switched over HTTP with
 * `POST /__control/faults`, `/__control/reset` and `/__control/expire-tokens`; `POST
 * /__control/held-connections` says how many connections hold an unfinished answer.
 */
import { startEcsServer } from './index';
import { banner } from './banner';

interface CliOptions {
  port?: number;
  seed?: string;
  latencyMs?: number;
}

function usage(problem: string): never {
  console.error(
    `${problem}\nusage: node out/test/ecs-server/cli.js [--port N] [--seed file.json] [--latency ms]`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    const number = (): number => {
      if (value === undefined || !/^\d+$/.test(value)) usage(`${name} needs a whole number`);
      i++;
      return Number(value);
    };
    switch (name) {
      case '--port':
        options.port = number();
        break;
      case '--latency':
        options.latencyMs = number();
        break;
      case '--seed':
        if (value === undefined) usage('--seed needs a file');
        options.seed = value;
        i++;
        break;
      case '--help':
      case '-h':
        usage('Starts the local ECS-compatible server on 127.0.0.1.');
        break;
      default:
        usage(`unknown option ${name}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const server = await startEcsServer({ port: options.port, seed: options.seed });
  if (options.latencyMs !== undefined) server.setFaults({ latencyMs: options.latencyMs });
  console.log(banner(server));
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
