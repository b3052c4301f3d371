import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freeLocalStackPorts, startLocalStack } from '../scripts/local-stack';
import type { BenchResult } from './report';
import { stackApi as api } from './stack-api';

const LINES = 50_000;
const LOCATIONS = Array.from({ length: 20 }, (_, i) => `DC-${String(i).padStart(2, '0')}`);

/** A CSV of 50,000 positions: 2,500 SKUs at 20 locations. */
const writeStockFile = async (dir: string): Promise<string> => {
  const file = join(dir, 'stock-50000.csv');
  const out = createWriteStream(file);
  out.write('skuRef,locationRef,qty\n');
  for (let i = 0; i < LINES; i++) {
    out.write(`SKU-${String(Math.floor(i / LOCATIONS.length)).padStart(5, '0')},${LOCATIONS[i % LOCATIONS.length]},${(i * 13) % 91}\n`);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return file;
};

/**
 * `ordo import` of a 50,000-line CSV, run as a developer runs it (`node bin/ordo.mjs import`),
 * against the whole local stack that `npm start` runs (HTTP API, local SQS and its event
 * source, DynamoDB Local), from the first read of the file to every batch final.
 */
export const cliImportThroughput = async (): Promise<BenchResult> => {
  const dir = mkdtempSync(join(tmpdir(), 'ordo-bench-import-'));
  const ports = await freeLocalStackPorts();
  const stack = await startLocalStack({ stateDir: dir, inMemory: true, ports, operatorKey: 'bench-operator-key', seedDemo: false });
  try {
    const account = await api(stack.baseUrl, stack.operatorKey, 'POST', '/v1/accounts', { accountId: 'bench-import' });
    const apiKey = account.apiKey as string;
    await api(stack.baseUrl, apiKey, 'PUT', '/v1/retailers/bench-retail', { name: 'Bench retail', template: 'none' });
    for (const [i, ref] of LOCATIONS.entries()) {
      await api(stack.baseUrl, apiKey, 'PUT', `/v1/locations/${ref}`, { type: 'WAREHOUSE', name: ref, lat: 51 + i / 10, lon: -1 });
    }
    const file = await writeStockFile(dir);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/ordo.mjs', 'import', file, '--account', apiKey, '--retailer', 'bench-retail', '--url', stack.baseUrl, '--json'],
      { cwd: join(__dirname, '..'), maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ORDO_POLL_INTERVAL_MS: '250' } },
    );
    const summary = JSON.parse(stdout) as { status: string; total: number; applied: number; recordsPerSecond: number; elapsedSeconds: number };
    if (summary.status !== 'COMPLETE' || summary.applied !== LINES) throw new Error(`import did not complete: ${stdout}`);
    return {
      name: '`ordo import` of a 50,000-line CSV through the local stack',
      value: summary.recordsPerSecond,
      unit: 'records/s',
      detail: { lines: LINES, elapsedSeconds: summary.elapsedSeconds, batches: Math.ceil(LINES / 5000) },
    };
  } finally {
    await stack.stop();
  }
};
