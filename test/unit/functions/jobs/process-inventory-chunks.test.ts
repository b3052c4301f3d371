import { DynamoDBDocumentClient, BatchGetCommand, BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/jobs/process-inventory-chunks';
import type { BatchChunk } from '../../../../shared/domain/jobs/batch';
import { logger } from '../../../../shared/runtime/logger';
import { lambdaContext } from '../../../support/lambda';
import { sqsEvent, sqsRecord } from '../../../support/sqs';

// The handler runs with the real composition root (jobsOf, catalogOf, the DynamoDB adapters);
// only DynamoDB is replaced, by a few maps behind aws-sdk-client-mock that answer like tables.
const STAGE = 'unit-jobs';
const tableOf = (accountId: string) => `ordo-${STAGE}-acct-${accountId}`;

type Item = Record<string, unknown>;
type Key = { PK: string; SK: string };

const ddbMock = mockClient(DynamoDBDocumentClient);
const tables = new Map<string, Map<string, Item>>();
/** Tables whose every request fails, as a throttled or missing table would. */
const failing = new Set<string>();

const itemKey = (key: Item) => `${String(key.PK)}|${String(key.SK)}`;
const table = (name: string) => {
  if (failing.has(name)) throw new Error(`ProvisionedThroughputExceededException on ${name}`);
  let found = tables.get(name);
  if (!found) tables.set(name, (found = new Map()));
  return found;
};

const answerLikeTables = () => {
  ddbMock.on(GetCommand).callsFake(({ TableName, Key }: { TableName: string; Key: Item }) => ({
    Item: structuredClone(table(TableName).get(itemKey(Key))),
  }));
  ddbMock.on(PutCommand).callsFake(({ TableName, Item }: { TableName: string; Item: Item }) => {
    table(TableName).set(itemKey(Item), structuredClone(Item));
    return {};
  });
  ddbMock.on(BatchGetCommand).callsFake(({ RequestItems }: { RequestItems: Record<string, { Keys: Key[] }> }) => ({
    Responses: Object.fromEntries(
      Object.entries(RequestItems).map(([name, { Keys }]) => [
        name,
        Keys.map((key) => table(name).get(itemKey(key))).filter((item): item is Item => item !== undefined).map((item) => structuredClone(item)),
      ]),
    ),
  }));
  ddbMock.on(BatchWriteCommand).callsFake(({ RequestItems }: { RequestItems: Record<string, { PutRequest: { Item: Item } }[]> }) => {
    for (const [name, requests] of Object.entries(RequestItems)) {
      for (const { PutRequest } of requests) table(name).set(itemKey(PutRequest.Item), structuredClone(PutRequest.Item));
    }
    return {};
  });
};

const seedLocation = (accountId: string, ref: string) =>
  table(tableOf(accountId)).set(itemKey({ PK: `LOCATION#${ref}`, SK: 'LOCATION' }), {
    PK: `LOCATION#${ref}`,
    SK: 'LOCATION',
    ref,
    type: 'STORE',
    name: ref,
    lat: 51.5,
    lon: -0.12,
    status: 'ACTIVE',
    updatedOn: '2025-03-01T00:00:00.000Z',
  });

const onHandOf = (accountId: string, skuRef: string, locationRef: string) =>
  tables.get(tableOf(accountId))?.get(`SKU#${skuRef}|LOC#${locationRef}`)?.onHand;

const chunkResultOf = (accountId: string, chunk: BatchChunk) =>
  tables.get(tableOf(accountId))?.get(`JOB#${chunk.jobId}|BATCH#${chunk.batchId}#CHUNK#${String(chunk.chunk).padStart(6, '0')}`);

const chunk = (accountId: string, n: number, records: BatchChunk['records']): BatchChunk => ({
  accountId,
  jobId: 'job-1',
  batchId: 'batch-1',
  chunk: n,
  records,
});

/** A record of the standard inventory queue (no message group), as Lambda delivers it. */
const message = (messageId: string, body: BatchChunk | string): SQSRecord => {
  const record = sqsRecord(messageId, typeof body === 'string' ? body : JSON.stringify(body));
  const { MessageGroupId: _group, MessageDeduplicationId: _dedup, SequenceNumber: _sequence, ...attributes } = record.attributes;
  return { ...record, attributes, eventSourceARN: `arn:aws:sqs:us-east-1:123456789012:ordo-${STAGE}-inventory-batches` };
};

const writesSent = () => ddbMock.commandCalls(BatchWriteCommand).length + ddbMock.commandCalls(PutCommand).length;

describe('the process-inventory-chunks handler', () => {
  const environment = { ...process.env };
  let info: jest.SpyInstance;

  beforeAll(() => {
    // Read once, on the first message: the composition root binds accounts to this stage's tables.
    process.env.ORDO_STAGE = STAGE;
    process.env.AWS_REGION = 'us-east-1';
  });

  beforeEach(() => {
    ddbMock.reset();
    tables.clear();
    failing.clear();
    answerLikeTables();
    seedLocation('acme', 'LOC-1');
    seedLocation('globex', 'LOC-1');
    info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(() => {
    ddbMock.restore();
    process.env = environment;
  });

  it('applies every chunk of the event and reports no failure', async () => {
    // Prepare
    const first = chunk('acme', 1, [[0, 'SKU-1', 'LOC-1', 7, null]]);
    const second = chunk('acme', 2, [[1, 'SKU-2', 'LOC-1', 4, 1]]);

    // Act
    const response = await handler(sqsEvent(message('msg-1', first), message('msg-2', second)), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect([onHandOf('acme', 'SKU-1', 'LOC-1'), onHandOf('acme', 'SKU-2', 'LOC-1')]).toEqual([7, 4]);
  });

  it('stores the result of each chunk it applies', async () => {
    // Prepare
    const applied = chunk('acme', 1, [
      [0, 'SKU-1', 'LOC-1', 7, null],
      [1, 'SKU-1', 'LOC-404', 7, null],
    ]);

    // Act
    await handler(sqsEvent(message('msg-1', applied)), lambdaContext());

    // Assess
    expect(chunkResultOf('acme', applied)).toMatchObject({ chunk: 1, applied: 1, unchanged: 0, failed: 1 });
  });

  it('reports the message whose account’s table fails in batchItemFailures, and applies the others', async () => {
    // Prepare
    failing.add(tableOf('globex'));
    const batch = sqsEvent(
      message('msg-1', chunk('acme', 1, [[0, 'SKU-1', 'LOC-1', 7, null]])),
      message('msg-2', chunk('globex', 1, [[0, 'SKU-1', 'LOC-1', 5, null]])),
      message('msg-3', chunk('acme', 2, [[1, 'SKU-2', 'LOC-1', 3, null]])),
    );

    // Act
    const response = await handler(batch, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-2' }] });
    expect([onHandOf('acme', 'SKU-1', 'LOC-1'), onHandOf('acme', 'SKU-2', 'LOC-1')]).toEqual([7, 3]);
  });

  it('reports a message whose body is not a chunk, and applies the others', async () => {
    // Prepare
    const batch = sqsEvent(
      message('msg-1', '{"accountId":"acme","jobId":"job-1"'),
      message('msg-2', chunk('acme', 1, [[0, 'SKU-1', 'LOC-1', 7, null]])),
      message('msg-3', JSON.stringify({ ...chunk('../globex', 1, [[0, 'SKU-1', 'LOC-1', 5, null]]) })),
    );

    // Act
    const response = await handler(batch, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-1' }, { itemIdentifier: 'msg-3' }] });
    expect(onHandOf('acme', 'SKU-1', 'LOC-1')).toBe(7);
  });

  it('applies each chunk to the table of the account its message names', async () => {
    // Act
    await handler(
      sqsEvent(message('msg-1', chunk('acme', 1, [[0, 'SKU-1', 'LOC-1', 7, null]])), message('msg-2', chunk('globex', 1, [[0, 'SKU-1', 'LOC-1', 2, null]]))),
      lambdaContext(),
    );

    // Assess
    expect([onHandOf('acme', 'SKU-1', 'LOC-1'), onHandOf('globex', 'SKU-1', 'LOC-1')]).toEqual([7, 2]);
  });

  it('treats a redelivered chunk as done: no count or result is written again and no failure is reported', async () => {
    // Prepare
    const delivered = message('msg-1', chunk('acme', 1, [[0, 'SKU-1', 'LOC-1', 7, null]]));
    expect(await handler(sqsEvent(delivered), lambdaContext())).toEqual({ batchItemFailures: [] });
    expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(1);
    ddbMock.resetHistory();

    // Act
    const response = await handler(sqsEvent(delivered), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(writesSent()).toBe(0);
  });

  it('logs a redelivered chunk as redelivered, with the result stored the first time', async () => {
    // Prepare
    const delivered = message('msg-1', chunk('acme', 1, [[0, 'SKU-1', 'LOC-1', 7, null]]));
    await handler(sqsEvent(delivered), lambdaContext());
    info.mockClear();

    // Act
    await handler(sqsEvent(delivered), lambdaContext());

    // Assess
    expect(info.mock.calls).toEqual([['inventory chunk applied', expect.objectContaining({ chunk: 1, applied: 1, redelivered: true })]]);
  });
});
