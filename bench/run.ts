// Lambdas run on Node 22 in AWS; the SDK's warning about local Node 20 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { engineThroughput } from './engine-throughput';
import { report, type BenchResult } from './report';
import { syncEventRequests } from './sync-event-requests';

const main = async () => {
  const results: BenchResult[] = [];
  console.log('• engine throughput, in-process…');
  results.push(await engineThroughput());
  console.log('• sync events on DynamoDB Local…');
  results.push(...(await syncEventRequests()));
  report(results);
};

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
