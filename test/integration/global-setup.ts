import { ensureControlPlaneTable } from '../../scripts/local-stack/bootstrap';
import { operatorKeyHashOf } from '../../shared/domain/accounts/operator-key-hash';
import { localDynamoDbClient, startDynamoDbLocal } from '../../scripts/local-stack/dynamodb-local';
import { assertJava } from '../../scripts/local-stack/java';
import { freePort } from '../../scripts/local-stack/ports';
import { startLocalSqs } from '../../scripts/local-stack/sqs-local';

/**
 * Real DynamoDB Local, in memory, and the local SQS server with the stack's queues, on free
 * ports; the handlers under test reach them through env.
 */
export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  assertJava();
  const dynamodb = await startDynamoDbLocal(await freePort());
  (globalThis as Record<string, unknown>).__ORDO_DYNAMODB__ = dynamodb;
  const sqs = await startLocalSqs(await freePort(), 'sandbox');
  (globalThis as Record<string, unknown>).__ORDO_SQS__ = sqs;

  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
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
  const client = localDynamoDbClient(dynamodb.endpoint);
  await ensureControlPlaneTable(client, 'ordo-sandbox-control');
  client.destroy();
}
