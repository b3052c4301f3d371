import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLocalStackPorts, startLocalStack, type LocalStack, type LocalStackPorts } from '../../scripts/local-stack';
import { freePort } from '../../scripts/local-stack/ports';

/**
 * A port found free can still be taken before a child listens on it. A child then exits or
 * reports EADDRINUSE (DynamoDB Local only exits), and the stack stops what it started, so one
 * more try on other ports is safe whatever the failure said.
 */
const startOnFreePorts = async (): Promise<{ stack: LocalStack; ports: LocalStackPorts; stateDir: string }> => {
  const start = async () => {
    // The console too, served as `npm start` serves it, for the browser tests; the API answers CORS for its origin.
    const ports = { ...(await freeLocalStackPorts()), console: await freePort() };
    const stateDir = mkdtempSync(join(tmpdir(), 'ordo-e2e-'));
    const stack = await startLocalStack({
      stateDir,
      inMemory: true,
      ports,
      operatorKey: 'e2e-operator-key',
      // An event failing on an infrastructure error reaches the events DLQ after two tries 20 s apart, not five a
      // minute apart. Not less: serverless-offline-sqs gathers a batch until a 5 s poll comes back empty, so a shorter
      // timeout hands it the same message twice in one batch and delays every queued event.
      eventsRedelivery: { visibilityTimeout: 20, maxReceiveCount: 2 },
    });
    return { stack, ports, stateDir };
  };
  try {
    return await start();
  } catch (error) {
    process.stderr.write(`The local stack did not start (${(error as Error).message.split('\n')[0]}); trying once more on other ports.\n`);
    return start();
  }
};

/**
 * The account of the 200 concurrent orders (orders.test.ts), made before any file writes. Without its stream index
 * (scripts/local-stack/dynamodb-stream-index.ts), DynamoDB Local scans, on each write to a table with a stream, every
 * stream record written before that stream began: an account made mid-run, behind 20,000 records, took 30 s for the
 * 200 orders and 150 of them failed on its lock timeouts; made here, behind the demo catalogue's, 16 s and none.
 */
const createOversellAccount = async (stack: LocalStack): Promise<string> => {
  const response = await fetch(`${stack.baseUrl}/v1/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.operatorKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ accountId: 'e2e-oversell' }),
  });
  const body = (await response.json()) as { apiKey?: string };
  if (response.status !== 201 || !body.apiKey) throw new Error(`Creating the e2e-oversell account answered ${response.status}: ${JSON.stringify(body)}`);
  return body.apiKey;
};

/**
 * The same local stack that `npm start` runs (DynamoDB Local, local SQS, EventBridge
 * emulator, serverless offline), on free ports and in memory, so it never clashes with a
 * developer's running stack.
 */
export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const { stack, ports, stateDir } = await startOnFreePorts();
  (globalThis as Record<string, unknown>).__ORDO_STACK__ = stack;
  const oversellKey = await createOversellAccount(stack);
  Object.assign(process.env, {
    ORDO_E2E_BASE_URL: stack.baseUrl,
    // The served console (http://127.0.0.1:<port>/), for test/support/browser.ts to open.
    ORDO_E2E_CONSOLE_URL: stack.consoleUrl,
    ORDO_E2E_DYNAMODB: stack.dynamoDbEndpoint,
    ORDO_E2E_S3: stack.s3Endpoint,
    ORDO_E2E_SQS: stack.sqsEndpoint,
    ORDO_E2E_IMPORT_BUCKET: stack.importBucket,
    ORDO_E2E_EVENTBRIDGE: stack.eventBridgeEndpoint,
    // Where the emulator publishes every PutEvents entry, for test rules to listen on.
    ORDO_E2E_EVENTBRIDGE_PUBSUB_PORT: String(ports.eventBridgePubSub),
    ORDO_E2E_OPERATOR_KEY: stack.operatorKey,
    ORDO_E2E_DEMO_KEY: stack.demoApiKey,
    ORDO_E2E_OVERSELL_KEY: oversellKey,
    ORDO_E2E_LOG_FILE: stack.logFile,
    ORDO_E2E_FAULTS_FILE: stack.faultsFile,
    // Where the stack records itself for `serverless invoke local` (stack.json).
    ORDO_E2E_STATE_DIR: stateDir,
  });
}
