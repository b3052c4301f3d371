// Lambdas run on Node 22 in AWS; the SDK's warning about local Node 20 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { withBenchEnvironment } from './bench-environment';
import { cliImportThroughput } from './cli-import';
import { engineThroughput } from './engine-throughput';
import { inventoryBatchBenchmarks } from './inventory-batch';
import { orderBenchmarks } from './order-lifecycle';
import { report, type BenchResult } from './report';
import { sourcingThroughput } from './sourcing-throughput';
import { syncEventRequests } from './sync-event-requests';

const main = async () => {
  const results: BenchResult[] = [];
  console.log('• engine throughput, in-process…');
  results.push(await engineThroughput());
  console.log('• sourcing decisions, in-process…');
  results.push(await sourcingThroughput());
  await withBenchEnvironment(async (env) => {
    console.log('• sync events on DynamoDB Local…');
    results.push(...(await syncEventRequests(env)));
    console.log('• availability and an order lifecycle on DynamoDB Local…');
    results.push(...(await orderBenchmarks(env)));
    console.log('• a 5,000-record inventory batch on DynamoDB Local…');
    results.push(...(await inventoryBatchBenchmarks(env)));
  });
  console.log('• `ordo import` of a 50,000-line file through the local stack…');
  results.push(await cliImportThroughput());
  report(results);
};

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
