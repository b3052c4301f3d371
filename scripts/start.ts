// Lambdas run on Node 22 in AWS; the SDK's warning about local Node 20 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { portsFromEnv, startLocalStack, type LocalStack } from './local-stack';
import { onLauncherExit } from './local-stack/parent-watch';

const inMemory = process.argv.includes('--in-memory');
let stack: LocalStack | undefined;
let stopping = false;

const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Ordo…');
  await stack?.stop();
  process.exit(code);
};

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// Up to npm itself: `npm` → `sh -c` → this script.
onLauncherExit(2, () => void shutdown(0));

const banner = (s: LocalStack) => {
  const key = s.demoApiKey;
  console.log(`
Ordo is running (stage ${s.stage}${inMemory ? ', in memory: data is gone when you stop' : ', data kept in .ordo/'})

  Console           ${s.consoleUrl}
  HTTP API          ${s.baseUrl}/v1
  DynamoDB Local    ${s.dynamoDbEndpoint}
  SQS (local)       ${s.sqsEndpoint}
  S3 (local)        ${s.s3Endpoint}  bucket ${s.importBucket}
  EventBridge       ${s.eventBridgeEndpoint}
  Logs              ${s.logFile}

  Operator key      ${s.operatorKey}
  Demo account      demo
  Demo API key      ${key}

Open the console at ${s.consoleUrl} and sign in with the demo API key:
  ${key}${inMemory ? '' : '   (also in .ordo/demo-key)'}

Try the API:
  curl -s -H "Authorization: Bearer ${key}" ${s.baseUrl}/v1/account

Import a stock file (picked up within a minute; docs/imports.md):
  npm run drop -- <stock.csv> --account demo --wait   (lines: skuRef,locationRef,qty)

Press Ctrl-C to stop.
`);
};

const main = async () => {
  console.log('Starting Ordo locally…');
  stack = await startLocalStack({
    stateDir: '.ordo',
    inMemory,
    ports: portsFromEnv(),
    operatorKey: process.env.ORDO_OPERATOR_KEY,
    onProgress: (step) => console.log(`  • ${step}`),
  });
  if (stopping) return stack.stop();
  banner(stack);
  stack.echoLogs();
};

main().catch(async (error: Error) => {
  console.error(`\nOrdo could not start: ${error.message}`);
  await shutdown(1);
});
