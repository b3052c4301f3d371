import { ensureControlPlaneTable } from '../../scripts/local-stack/bootstrap';
import { operatorKeyHashOf } from '../../shared/domain/accounts/operator-key-hash';
import { localDynamoDbClient, startDynamoDbLocal, type RunningDynamoDb } from '../../scripts/local-stack/dynamodb-local';
import { assertJava } from '../../scripts/local-stack/java';
import { freePort } from '../../scripts/local-stack/ports';
import { startLocalSqs, type RunningSqs } from '../../scripts/local-stack/sqs-local';
import type { Config } from '@jest/types';
import { DYNAMODB_RESTARTS, serveDynamoDbRestarts } from './dynamodb-restarts';
import { CONTROL_TABLE, EMULATORS_PER_WORKER } from './worker-emulators';

/** One DynamoDB Local and one local SQS server, on free ports, with the control-plane table and the stack's queues. */
const startEmulators = async (): Promise<{ dynamodb: RunningDynamoDb; sqs: RunningSqs }> => {
  const [dynamodb, sqs] = await Promise.all([startDynamoDbLocal(await freePort()), startLocalSqs(await freePort(), 'sandbox')]);
  const client = localDynamoDbClient(dynamodb.endpoint);
  await ensureControlPlaneTable(client, CONTROL_TABLE);
  client.destroy();
  return { dynamodb, sqs };
};

/**
 * Real DynamoDB Local, its data thrown away at the end, and the local SQS server with the stack's queues: a pair for each jest worker, so
 * the files one worker runs never share an emulator with the other's (test/integration/worker-emulators.ts). The
 * handlers under test reach them through env.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  assertJava();
  const emulators = await Promise.all(Array.from({ length: Math.max(1, Number(globalConfig.maxWorkers) || 1) }, startEmulators));
  (globalThis as Record<string, unknown>).__ORDO_EMULATORS__ = emulators;
  // With their stream records indexed (scripts/local-stack/dynamodb-stream-index.ts) the emulators do not slow as they
  // fill; without the index, a worker asks for a new one now and then (dynamodb-restarts.ts).
  const restarts = emulators.every(({ dynamodb }) => dynamodb.streamIndex) ? undefined : await serveDynamoDbRestarts(emulators);
  (globalThis as Record<string, unknown>).__ORDO_DYNAMODB_RESTARTS__ = restarts;

  Object.assign(process.env, {
    [EMULATORS_PER_WORKER.dynamodb]: emulators.map(({ dynamodb }) => dynamodb.endpoint).join(','),
    [EMULATORS_PER_WORKER.sqs]: emulators.map(({ sqs }) => sqs.endpoint).join(','),
    ...(restarts ? { [DYNAMODB_RESTARTS]: restarts.url } : {}),
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ORDO_STAGE: 'sandbox',
    ORDO_OPERATOR_KEY_HASH: operatorKeyHashOf('integration-operator-key'),
    ORDO_ACCOUNT_TABLE_PITR: 'false',
    // The attack and fuzz suites send hundreds of requests a second: counted, never refused. The rate limit test sets its own.
    ORDO_RATE_LIMIT_PER_SECOND: '100000',
    ORDO_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
    POWERTOOLS_LOG_LEVEL: process.env.ORDO_TEST_LOG_LEVEL ?? 'SILENT',
    // The handlers' embedded-metric lines would fill the test output; unit tests read them.
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}
