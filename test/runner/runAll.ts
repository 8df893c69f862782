/**
 * `npm test`: every check and suite in order, each in its own process, then one line
 * `N passed, N failed` summing them all. Mocha suites report their own counts; a check
 * (lint, format) counts as one.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { repoRoot } from './paths';

interface Stage {
  name: string;
  command: string;
  args: string[];
  /** A check counts as one test; a suite reports mocha's `N passing` / `N failing`. */
  kind: 'check' | 'suite';
}

const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);
const out = (file: string): string => path.join(repoRoot, 'out', 'test', file);

const stages: Stage[] = [
  { name: 'lint', command: bin('eslint'), args: ['.'], kind: 'check' },
  { name: 'format', command: bin('prettier'), args: ['--check', '.'], kind: 'check' },
  // The build type-checks src/ and test/; this checks the webview's page script against the same types.
  { name: 'page script types', command: bin('tsc'), args: ['-p', 'media', '--noEmit'], kind: 'check' },
  {
    name: 'core + local server (plain Node)',
    command: bin('mocha'),
    args: ['--config', path.join(repoRoot, 'test', 'core', '.mocharc.json')],
    kind: 'suite',
  },
  {
    name: 'extension (real VS Code)',
    command: process.execPath,
    args: [out('runner/runInCodeServer.js')],
    kind: 'suite',
  },
  { name: 'end-to-end walk', command: process.execPath, args: [out('e2e/runWalk.js')], kind: 'suite' },
];

interface Result {
  name: string;
  passed: number;
  failed: number;
  pending: number;
  code: number | null;
}

function runStage(stage: Stage): Promise<Result> {
  return new Promise((resolve) => {
    process.stdout.write(`\n=== ${stage.name} ===\n`);
    const child = spawn(stage.command, stage.args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const relay = (chunk: Buffer, to: NodeJS.WriteStream): void => {
      text += chunk.toString('utf8');
      to.write(chunk);
    };
    child.stdout.on('data', (c: Buffer) => relay(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => relay(c, process.stderr));
    child.on('error', (err) => {
      process.stderr.write(`${stage.name}: could not start: ${err.message}\n`);
      resolve({ name: stage.name, passed: 0, failed: 1, pending: 0, code: null });
    });
    child.on('close', (code) => {
      resolve(summarize(stage, text, code));
    });
  });
}

function lastCount(text: string, word: string): number | undefined {
  // Strip ANSI colours before matching mocha's summary.
  const plain = stripVTControlCharacters(text);
  const matches = [...plain.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
  const last = matches.at(-1);
  return last ? Number(last[1]) : undefined;
}

function summarize(stage: Stage, text: string, code: number | null): Result {
  if (stage.kind === 'check') {
    return { name: stage.name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, pending: 0, code };
  }
  const passed = lastCount(text, 'passing') ?? 0;
  let failed = lastCount(text, 'failing') ?? 0;
  const pending = lastCount(text, 'pending') ?? 0;
  // A suite that crashed, or ran nothing, must not look green.
  if ((code !== 0 || passed === 0) && failed === 0) failed = 1;
  return { name: stage.name, passed, failed, pending, code };
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length ? stages.filter((s) => only.some((o) => s.name.startsWith(o))) : stages;
  const results: Result[] = [];
  for (const stage of selected) results.push(await runStage(stage));

  process.stdout.write('\n=== summary ===\n');
  for (const r of results) {
    const extra = r.pending ? `, ${r.pending} pending` : '';
    process.stdout.write(
      `${r.name.padEnd(34)} ${r.passed} passed, ${r.failed} failed${extra} (exit ${r.code})\n`,
    );
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = failed === 0 ? 0 : 1;
}

void main();
