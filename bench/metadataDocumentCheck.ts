/**
 * `npm run bench:document`: what Edit Metadata as JSON costs per keystroke — `checkMetadataDocument`
 * (the live diagnostics, and the check before a save) on documents of 1,000 to 40,000 keys, each over
 * the 128-key quota so every check also marks "too many". Beside it, `JSON.parse` of the same text,
 * the floor any check pays. Goal: linear — the time per key at 40,000 keys within 4× of that at 1,000
 * (allowing for the garbage collector on a busy machine; a check that compared every key with every
 * other, as one did, is 40× and more, and takes seconds at 40,000 keys).
 */
import { checkMetadataDocument } from '../src/metadata/metadataDocument';
import { nowMs } from './clock';
import { median } from './stats';

const SIZES = [1_000, 10_000, 40_000];
const REPETITIONS = process.env.ECS_BENCH_QUICK === '1' ? 3 : 7;

interface Row {
  keys: number;
  checkMs: number;
  parseMs: number;
  microsPerKey: number;
}

function documentOf(keys: number): string {
  const metadata: Record<string, string> = {};
  for (let i = 0; i < keys; i++) metadata[`key-${i}`] = `value ${i}`;
  return JSON.stringify(metadata, null, 2);
}

function time(run: () => void): number {
  const samples: number[] = [];
  run(); // warm-up
  for (let i = 0; i < REPETITIONS; i++) {
    const start = nowMs();
    run();
    samples.push(nowMs() - start);
  }
  return median(samples);
}

function measure(keys: number): Row {
  const text = documentOf(keys);
  const checked = checkMetadataDocument(text);
  if (!checked.problems.some((p) => p.problem.kind === 'tooMany'))
    throw new Error(`${keys} keys: "too many" not marked`);
  const checkMs = time(() => checkMetadataDocument(text));
  const parseMs = time(() => JSON.parse(text));
  return { keys, checkMs, parseMs, microsPerKey: (checkMs * 1000) / keys };
}

function main(): number {
  // Every size once first, so the smallest is not the one that pays for the JIT.
  for (const keys of SIZES) checkMetadataDocument(documentOf(keys));
  const rows = SIZES.map(measure);
  console.log('Edit Metadata as JSON: checking the document (every keystroke), keys over the 128 quota');
  console.log('');
  console.log('| keys | check | JSON.parse alone | check ÷ parse | per key |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.keys.toLocaleString('en')} | ${r.checkMs.toFixed(1)} ms | ${r.parseMs.toFixed(1)} ms | ${(r.checkMs / r.parseMs).toFixed(1)}× | ${r.microsPerKey.toFixed(2)} µs |`,
    );
  }
  const smallest = rows[0];
  const largest = rows[rows.length - 1];
  const growth = largest.microsPerKey / smallest.microsPerKey;
  if (growth > 4) {
    console.error(
      `goal missed: ${growth.toFixed(1)}× the time per key at ${largest.keys} keys as at ${smallest.keys} (not linear)`,
    );
    return 1;
  }
  return 0;
}

process.exit(main());
