/**
 * Time to `require` a bundle under plain Node (a `vscode` stand-in injected): the module's own load
 * cost — parse, compile, top-level code — without an editor around it. Each sample is a new process.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { summarize, type Summary } from './stats';

const run = promisify(execFile);

export interface RequireResult {
  requireMs: Summary;
  /** CPU time of the same `require` (user + system), ms. */
  cpuMs?: Summary;
  exportsActivate: boolean;
}

export async function measureRequireInNode(bundle: string, samples: number): Promise<RequireResult> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let exportsActivate = false;
  for (let i = 0; i < samples; i++) {
    const { stdout } = await run(process.execPath, [path.join(__dirname, 'requireProbe.js'), bundle], {
      timeout: 30_000,
    });
    const answer = JSON.parse(stdout) as { requireMs: number; cpuMs: number; exportsActivate: boolean };
    times.push(answer.requireMs);
    cpuTimes.push(answer.cpuMs);
    exportsActivate = answer.exportsActivate;
  }
  return { requireMs: summarize(times), cpuMs: summarize(cpuTimes), exportsActivate };
}
