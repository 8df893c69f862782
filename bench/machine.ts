/** The machine a run happened on, so numbers can be compared with their context. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memory: string;
  node: string;
  platform: string;
  date: string;
  /** 1/5/15-minute load averages when the run started: other work on the machine skews every figure. */
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

function cpuModel(): string {
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function memory(): string {
  try {
    // `free -h` is what the README quotes; its "Mem:" row is total/used/free/...
    const row = execFileSync('free', ['-h'], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.startsWith('Mem:'));
    if (row) return `total ${row.split(/\s+/)[1]} (free -h)`;
  } catch {
    // No `free` binary: report bytes instead.
  }
  return `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
}

export function describeMachine(): MachineInfo {
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpuModel(),
    memory: memory(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
