/**
 * Runs inside VS Code's extension host as an `extensionTestsPath` module (see activationInCodeServer.ts):
 * times `activate()` of the extension from cold, then a fresh `require` of its bundle, and writes the
 * figures as JSON to the file named by `ECS_BENCH_ACTIVATION_OUT`.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'ecs-tools.ecs-metadata-explorer';

export interface ActivationFigures {
  /** True if something activated the extension before the measurement (then activateMs means little). */
  wasActiveBefore: boolean;
  /** `getExtension(id).activate()`: the host loads the bundle and runs `activate()`, ms. */
  activateMs: number;
  /** A second, fresh `require` of the same bundle (file already in the OS cache), ms. */
  requireMs: number;
  bundle: string;
  vscodeVersion: string;
}

export async function run(): Promise<void> {
  const out = process.env.ECS_BENCH_ACTIVATION_OUT;
  if (!out) throw new Error('ECS_BENCH_ACTIVATION_OUT is not set');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const wasActiveBefore = extension.isActive;
  const start = performance.now();
  await extension.activate();
  const activateMs = performance.now() - start;

  const main = (extension.packageJSON as { main?: string }).main ?? './dist/extension.js';
  const bundle = require.resolve(path.join(extension.extensionPath, main));
  // A second module instance: its top-level code runs again, but activate() is not called.
  delete require.cache[bundle];
  const load = createRequire(__filename);
  const requireStart = performance.now();
  load(bundle);
  const requireMs = performance.now() - requireStart;

  const figures: ActivationFigures = {
    wasActiveBefore,
    activateMs,
    requireMs,
    bundle,
    vscodeVersion: vscode.version,
  };
  fs.writeFileSync(out, JSON.stringify(figures));
}
