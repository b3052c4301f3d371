/**
 * A bounded load on a running stack: a mix of availability checks, sync and async orders, order reads and fulfilment
 * events for the demo retailer, then the stock invariants.
 *
 *   npm run load -- --base http://127.0.0.1:3000 --seconds 60 --concurrency 32
 *   npm run load -- --base https://… --key ordo_… --i-own-this-stack      # anything but this machine
 *
 * The key: --key, else ORDO_LOAD_KEY, else (on a stack on this machine) .ordo/demo-key. It refuses a target that is
 * not on this machine unless --i-own-this-stack is given: a load is an attack on someone else's stack. Exit 0 only
 * when every request got an expected answer and every invariant held.
 */
import { parseArgs } from 'node:util';
import { isLoopbackUrl } from '../shared/composition/smoke-target';
import { localDemoKey } from './local-stack/demo-key';
import { LoadClient } from './load/load-client';
import type { LoadState } from './load/load-mix';
import { figuresByKind, runLoad } from './load/load-run';
import { settleQueuedOrders, stockInvariants } from './load/stock-invariants';
import { seededRandom } from './seeded-random';

const USAGE = 'usage: npm run load -- --base <URL> [--seconds N] [--concurrency C] [--key <apiKey>] [--seed S] [--i-own-this-stack]';

const positiveInteger = (name: string, value: string | undefined, fallback: number, max: number): number => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) throw new Error(`--${name} must be a whole number from 1 to ${max}, got "${value}"`);
  return parsed;
};

/** The target, refused when it is not on this machine and its owner did not say so, or when http would carry the key elsewhere. */
const targetOf = (base: string | undefined, owned: boolean): URL => {
  if (!base || !URL.canParse(base)) throw new Error(`--base must be a URL, got "${base ?? ''}"`);
  const url = new URL(base);
  if (!isLoopbackUrl(url) && !owned) throw new Error(`--base ${base} is not on this machine: add --i-own-this-stack to load a stack you own`);
  if (!isLoopbackUrl(url) && url.protocol !== 'https:') throw new Error(`--base ${base}: use https (plain http is only for a stack on this machine)`);
  return url;
};

const keyFor = (url: URL, given: string | undefined): string => {
  const key = given ?? process.env.ORDO_LOAD_KEY ?? localDemoKey(url.toString());
  if (!key) throw new Error('no API key: pass --key, set ORDO_LOAD_KEY, or start the local stack (npm start), which writes .ordo/demo-key');
  return key;
};

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Runs the load and answers the exit code; `write` gets each line. */
export const load = async (argv: string[], write: (line: string) => void = console.log): Promise<number> => {
  const { values } = parseArgs({
    args: argv,
    options: {
      base: { type: 'string' },
      seconds: { type: 'string' },
      concurrency: { type: 'string' },
      key: { type: 'string' },
      seed: { type: 'string' },
      'i-own-this-stack': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.base) {
    write(USAGE);
    return 2;
  }
  const url = targetOf(values.base, values['i-own-this-stack'] ?? false);
  const seconds = positiveInteger('seconds', values.seconds, 30, 3600);
  const concurrency = positiveInteger('concurrency', values.concurrency, 8, 512);
  const seed = positiveInteger('seed', values.seed, Date.now() % 2 ** 31, 2 ** 31);
  const client = new LoadClient(url.toString(), keyFor(url, values.key));
  const state: LoadState = { runId: seed.toString(36), orders: 0, placed: [], queued: [], fulfilments: [], skus: new Set(), eventsNotApplied: 0 };

  write(`Load on ${url.origin}: ${seconds} s, ${concurrency} at a time, seed ${seed} (--seed ${seed} makes the same mix)`);
  const { seconds: took } = await runLoad(client, state, {
    seconds,
    concurrency,
    random: seededRandom(seed),
    onProgress: (elapsed, requests) => process.stdout.isTTY && process.stdout.write(`\r  ${Math.min(elapsed, seconds).toFixed(0)}/${seconds} s, ${requests} requests`),
  });
  if (process.stdout.isTTY) process.stdout.write('\n');

  const figures = figuresByKind(client.samples);
  const total = client.samples.length;
  write(`${total} requests in ${took.toFixed(1)} s: ${(total / took).toFixed(1)} requests/s`);
  write('kind               requests      p50      p95      p99  errors');
  for (const row of figures) {
    const errors = Object.entries(row.errors).map(([status, count]) => `${count}× ${status === '0' ? 'no answer' : status}`).join(', ') || '0';
    write(`${row.kind.padEnd(17)} ${String(row.requests).padStart(9)} ${ms(row.p50).padStart(8)} ${ms(row.p95).padStart(8)} ${ms(row.p99).padStart(8)}  ${errors}`);
  }
  const errorCount = figures.reduce((sum, row) => sum + Object.values(row.errors).reduce((a, b) => a + b, 0), 0);

  write(`Waiting for ${state.queued.length} async orders to leave the queue…`);
  const unsettled = await settleQueuedOrders(client, state);
  const invariants = [
    { name: 'every request answered as expected', held: errorCount === 0, detail: `${errorCount} errors of ${total}` },
    { name: 'every fulfilment event applied', held: state.eventsNotApplied === 0, detail: `${state.eventsNotApplied} answered other than SUCCESS` },
    { name: 'every async order processed', held: unsettled.length === 0, detail: unsettled.length ? `still CREATED: ${unsettled.slice(0, 3).join(', ')}` : `${state.queued.length} orders` },
    ...(await stockInvariants(client, state)),
  ];
  for (const invariant of invariants) write(`${invariant.held ? '✔' : '✘'} ${invariant.name} (${invariant.detail})`);
  return invariants.every((invariant) => invariant.held) ? 0 : 1;
};

if (require.main === module) {
  load(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`✘ ${error.message}`);
      console.error(USAGE);
      process.exit(2);
    },
  );
}
