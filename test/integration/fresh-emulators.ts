import { DeleteTableCommand, ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ensureControlPlaneTable } from '../../scripts/local-stack/bootstrap';
import { localCredentials, localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { localQueues } from '../../scripts/local-stack/sqs-local';
import { DYNAMODB_RESTARTS } from './dynamodb-restarts';
import { streamRecordsWritten } from './stream-records-written';
import { CONTROL_TABLE, workerIndex } from './worker-emulators';

/*
 * DynamoDB Local slows down as it holds more: late in a run, on an emulator keeping every earlier file's tables and
 * stream records, a test that takes 1 s alone took 20. So each file starts on an empty emulator: its worker's tables
 * are deleted (the previous file's, its accounts' and the control plane), and the control-plane table made again.
 * Its queues are made again too, empty: a message a previous file left would name an account whose table is gone
 * (and SQS allows one PurgeQueue a minute).
 * Deleting tables leaves their stream records behind. Where DynamoDB Local runs without the stream index
 * (scripts/local-stack/dynamodb-stream-index.ts), those slow every write to a table with a stream (dynamodb-restarts.ts):
 * past STREAM_RECORDS_LIMIT of them, the worker's DynamoDB Local is replaced by a new one.
 * At the start, not the end: a file's own afterAll may still use its tables, and jest runs this file's hooks first.
 */
jest.setTimeout(30_000);

/**
 * A restart costs about 2 s. The 500-reservation race took 146 s behind 9,000 records, 35 s on a new DynamoDB Local: its
 * hundreds of writers queue on DynamoDB Local's one SQLite thread, so each write's scan is paid many times over.
 */
const STREAM_RECORDS_LIMIT = 2_000;

const tableNames = async (client: DynamoDBClient): Promise<string[]> => {
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    names.push(...(page.TableNames ?? []));
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
};

/** Asks globalSetup's process for a new, empty DynamoDB Local on this worker's port. */
const restartDynamoDb = async (): Promise<void> => {
  const response = await fetch(`${process.env[DYNAMODB_RESTARTS] ?? ''}/dynamodb/${workerIndex()}`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`DynamoDB Local did not restart (${response.status}): ${await response.text()}`);
};

beforeAll(async () => {
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '';
  let client = localDynamoDbClient(endpoint);
  // Set by globalSetup only when DynamoDB Local runs without the stream index.
  const restarts = process.env[DYNAMODB_RESTARTS];
  if (restarts && (await streamRecordsWritten(client, endpoint)) > STREAM_RECORDS_LIMIT) {
    client.destroy();
    await restartDynamoDb();
    client = localDynamoDbClient(endpoint);
  }
  for (const name of await tableNames(client)) await client.send(new DeleteTableCommand({ TableName: name }));
  await ensureControlPlaneTable(client, CONTROL_TABLE);
  client.destroy();
  const sqs = new SQSClient({ endpoint: process.env.AWS_ENDPOINT_URL_SQS, region: 'us-east-1', credentials: localCredentials });
  const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({}));
  for (const QueueUrl of QueueUrls) await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  // In their order: each dead-letter queue before the queue that names it.
  for (const { QueueName, Attributes = {} } of localQueues('sandbox')) {
    const attributes = Object.fromEntries(Object.entries(Attributes).map(([name, value]) => [name, String(value)]));
    await sqs.send(new CreateQueueCommand({ QueueName, Attributes: attributes }));
  }
  sqs.destroy();
});
