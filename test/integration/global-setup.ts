import { ensureControlPlaneTable } from '../../scripts/local-stack/bootstrap';
import { localDynamoDbClient, startDynamoDbLocal } from '../../scripts/local-stack/dynamodb-local';
import { assertJava } from '../../scripts/local-stack/java';
import { freePort } from '../../scripts/local-stack/ports';

/** Real DynamoDB Local, in memory, on a free port; the handlers under test reach it through env. */
export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  assertJava();
  const dynamodb = await startDynamoDbLocal(await freePort());
  (globalThis as Record<string, unknown>).__ORDO_DYNAMODB__ = dynamodb;

  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ORDO_STAGE: 'sandbox',
    ORDO_ADMIN_KEY: 'integration-operator-key',
    ORDO_ACCOUNT_TABLE_PITR: 'false',
    ORDO_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  const client = localDynamoDbClient(dynamodb.endpoint);
  await ensureControlPlaneTable(client, 'ordo-sandbox-control');
  client.destroy();
}
