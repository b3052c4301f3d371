// Lambdas run on Node 22 in AWS; the SDK's warning about local Node 20 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { availabilityRows, NETWORK_SIZES, type CurvePoint } from './availability-scale';
import { withBenchEnvironment } from './bench-environment';
import { cliImportThroughput } from './cli-import';
import { engineThroughput } from './engine-throughput';
import { functionBundleBenchmarks } from './function-bundles';
import { inventoryBatchBenchmarks } from './inventory-batch';
import { orderBenchmarks } from './order-lifecycle';
import { rateLimitCost } from './rate-limit-cost';
import { report, type BenchResult } from './report';
import { sourcingThroughput } from './sourcing-throughput';
import { syncEventRequests } from './sync-event-requests';
import { webhookDeliveryBenchmarks } from './webhook-delivery';

/** The groups `npm run bench -- <group>…` can select; none selected runs them all. */
const GROUPS = ['bundles', 'engine', 'sourcing', 'availability', 'dynamodb', 'import', 'webhooks'] as const;

/** One point of the availability curve, measured in a child process (see availability-point.ts). */
const availabilityPoint = (size: number): CurvePoint => {
  const child = spawnSync(process.execPath, [...process.execArgv, join(__dirname, 'availability-point.ts'), String(size)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = child.stdout.trim().split('\n');
  if (child.status !== 0) throw new Error(`availability at ${size} locations failed:\n${child.stdout}`);
  lines.slice(0, -1).forEach((line) => console.log(line));
  return JSON.parse(lines[lines.length - 1]) as CurvePoint;
};

const main = async () => {
  const selected = process.argv.slice(2);
  const unknown = selected.filter((name) => !(GROUPS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose among ${GROUPS.join(', ')}`);
  const runs = (group: (typeof GROUPS)[number]) => selected.length === 0 || selected.includes(group);

  const results: BenchResult[] = [];
  // First, before any benchmark sets the process's environment, which `serverless package` would read.
  if (runs('bundles')) {
    console.log('• function bundles: `serverless package` for production, then cold requires…');
    results.push(...(await functionBundleBenchmarks()));
  }
  if (runs('engine')) {
    console.log('• engine throughput, in-process…');
    results.push(await engineThroughput());
  }
  if (runs('sourcing')) {
    console.log('• sourcing decisions, in-process…');
    results.push(...(await sourcingThroughput()));
  }
  if (runs('availability')) {
    console.log('• availability at 200 to 5,000 locations, each on a DynamoDB Local of its own…');
    const curve: CurvePoint[] = [];
    for (const size of NETWORK_SIZES) curve.push(availabilityPoint(size));
    results.push(...availabilityRows(curve));
  }
  if (runs('dynamodb')) {
    await withBenchEnvironment(async (env) => {
      console.log('• sync events on DynamoDB Local…');
      results.push(...(await syncEventRequests(env)));
      console.log('• the per-account rate limit on DynamoDB Local…');
      results.push(...(await rateLimitCost(env)));
      console.log('• an order lifecycle on DynamoDB Local…');
      results.push(...(await orderBenchmarks(env)));
      console.log('• a 5,000-record inventory batch on DynamoDB Local…');
      results.push(...(await inventoryBatchBenchmarks(env)));
    });
  }
  if (runs('import')) {
    console.log('• `ordo import` of a 50,000-line file through the local stack…');
    results.push(await cliImportThroughput());
  }
  if (runs('webhooks')) {
    console.log('• webhooks through the relay on the local stack: commit-to-delivery, then 1,000 orders…');
    results.push(...(await webhookDeliveryBenchmarks()));
  }
  // A partial run keeps latest.json whole: it is one full run.
  report(results, selected.length ? `latest-${selected.join('-')}.json` : 'latest.json');
};

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
