/**
 * Activation in a real VS Code: the bench's code-server (benchCodeServer.ts), with the production build
 * as the development folder and `activation.ts` as the tests module. Each sample is a new workbench
 * window, hence a new extension host that loads the extension from cold.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ActivationFigures } from './activation';
import type { BenchCodeServer } from './benchCodeServer';
import { summarize, type Summary } from './stats';

/** Where activation.ts writes its figures (it reads the same name): in code-server's environment. */
export const ACTIVATION_OUT_ENV = 'ECS_BENCH_ACTIVATION_OUT';

export interface ActivationResult {
  samples?: ActivationFigures[];
  activateMs?: Summary;
  requireMs?: Summary;
  error?: string;
}

export async function measureActivationInCodeServer(
  codeServer: BenchCodeServer,
  extensionDir: string,
  outFile: string,
  samples: number,
): Promise<ActivationResult> {
  const figures: ActivationFigures[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      fs.rmSync(outFile, { force: true });
      const code = await codeServer.runWindow(
        extensionDir,
        path.join(__dirname, 'activation.js'),
        120_000,
        'Activation in code-server',
      );
      if (code !== 0 || !fs.existsSync(outFile))
        throw new Error(`extension host run ended with code ${code}`);
      figures.push(JSON.parse(fs.readFileSync(outFile, 'utf8')) as ActivationFigures);
    }
    return {
      samples: figures,
      activateMs: summarize(figures.map((f) => f.activateMs)),
      requireMs: summarize(figures.map((f) => f.requireMs)),
    };
  } catch (err) {
    return { samples: figures, error: err instanceof Error ? err.message : String(err) };
  }
}
