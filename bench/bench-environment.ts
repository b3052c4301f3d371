import { ensureControlPlaneTable } from '../scripts/local-stack/bootstrap';
import { operatorKeyHashOf } from '../shared/domain/accounts/operator-key-hash';
import { localDynamoDbClient, startDynamoDbLocal } from '../scripts/local-stack/dynamodb-local';
import { freePort } from '../scripts/local-stack/ports';
import { startLocalSqs } from '../scripts/local-stack/sqs-local';
import { invoke } from '../test/support/api-gateway-event';
import { DynamoDbRequestCounter } from '../test/support/dynamodb-request-counter';

const OPERATOR = 'bench-operator-key';
/** The retailers the benchmarks order, upload and open jobs for. */
const BENCH_RETAILERS = ['bench', 'bench-retail'];

export interface BenchEnvironment {
  /** Counts every request of the handlers' own DynamoDB client. */
  counter: DynamoDbRequestCounter;
  /** A new account, with the benchmarks' retailers registered, and its ADMIN key. */
  newAccount(accountId: string): Promise<string>;
}

/**
 * DynamoDB Local in memory and the local SQS server on free ports, and the environment a
 * Lambda container would have. Handlers are imported only after it is set, as in a real cold start.
 */
export const withBenchEnvironment = async <T>(run: (env: BenchEnvironment) => Promise<T>): Promise<T> => {
  const dynamodb = await startDynamoDbLocal(await freePort());
  const sqs = await startLocalSqs(await freePort(), 'bench');
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    ORDO_STAGE: 'bench',
    ORDO_OPERATOR_KEY_HASH: operatorKeyHashOf(OPERATOR),
    ORDO_ACCOUNT_TABLE_PITR: 'false',
    // Every request pays for its count, as in AWS, but a benchmark is never refused.
    ORDO_RATE_LIMIT_PER_SECOND: '100000',
    ORDO_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  try {
    const admin = localDynamoDbClient(dynamodb.endpoint);
    await ensureControlPlaneTable(admin, 'ordo-bench-control');
    admin.destroy();
    const { dynamoDbClient } = await import('../shared/composition/dynamodb-clients');
    const { handler: createAccount } = await import('../functions/accounts/create-account');
    const { handler: putRetailer } = await import('../functions/retailers/put-retailer');
    const counter = new DynamoDbRequestCounter().attach(dynamoDbClient());
    return await run({
      counter,
      newAccount: async (accountId) => {
        const created = await invoke(createAccount, { method: 'POST', resource: '/v1/accounts', apiKey: OPERATOR, body: { accountId } });
        if (created.status !== 201) throw new Error(`account ${accountId}: ${created.raw}`);
        const apiKey = created.body.apiKey as string;
        // Registered before the counter is reset, as a merchant registers its retailers before its first order.
        for (const retailerId of BENCH_RETAILERS) {
          const registered = await invoke(putRetailer, {
            method: 'PUT',
            resource: '/v1/retailers/{retailerId}',
            pathParameters: { retailerId },
            apiKey,
            body: { name: retailerId, template: 'none' },
          });
          if (registered.status !== 201) throw new Error(`retailer ${retailerId}: ${registered.raw}`);
        }
        return apiKey;
      },
    });
  } finally {
    await sqs.stop();
    await dynamodb.stop();
  }
};
