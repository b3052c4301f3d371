import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  met?: boolean;
  detail?: Record<string, unknown>;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export const machine = () => ({
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
});

/** Prints a table and writes bench/results/latest.json, or `file` there for a run of some benchmarks only. */
export const report = (results: BenchResult[], file = 'latest.json'): void => {
  const rows = results.map((r) => ({
    benchmark: r.name,
    value: `${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit}`,
    goal: r.goal ?? '',
    met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  }));
  console.table(rows);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const out = { at: new Date().toISOString(), machine: machine(), results };
  writeFileSync(join(dir, file), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`Machine: ${JSON.stringify(out.machine)}`);
  console.log(`Written to bench/results/${file}`);
};
