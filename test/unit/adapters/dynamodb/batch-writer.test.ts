import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { writeAll } from '../../../../shared/adapters/dynamodb/batch-writer';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';

const TABLE = 'ordo-unit-acct-acme';

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ PK: 'EVENT#evt-1', SK: `AUDIT#${i}`, seq: i }));
const puts = (batch: Record<string, unknown>[]) => batch.map((Item) => ({ PutRequest: { Item } }));

describe('writeAll', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const client = createDocumentClient(new DynamoDBClient({ region: 'us-east-1' }));

  const sentBatches = () =>
    ddbMock.commandCalls(BatchWriteCommand).map((call) => call.args[0].input.RequestItems?.[TABLE] ?? []);

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(BatchWriteCommand).resolves({});
    // No backoff wait, so retries run at once.
    jest.spyOn(Math, 'random').mockReturnValue(0);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  it('puts 60 items in three BatchWriteItem calls of 25, 25 and 10, in order', async () => {
    // Prepare
    const all = items(60);

    // Act
    const requests = await writeAll(client, TABLE, all);

    // Assess
    expect(requests).toBe(3);
    expect(sentBatches()).toEqual([puts(all.slice(0, 25)), puts(all.slice(25, 50)), puts(all.slice(50))]);
  });

  it('resends only the UnprocessedItems of a batch until every item is written', async () => {
    // Prepare
    const all = items(60);
    const throttled = puts(all.slice(20, 25));
    const stillThrottled = puts(all.slice(24, 25));
    ddbMock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: throttled } })
      .resolvesOnce({ UnprocessedItems: { [TABLE]: stillThrottled } })
      .resolves({ UnprocessedItems: {} });

    // Act
    const requests = await writeAll(client, TABLE, all);

    // Assess
    expect(requests).toBe(3 + 2);
    expect(sentBatches()).toEqual([
      puts(all.slice(0, 25)),
      throttled,
      stillThrottled,
      puts(all.slice(25, 50)),
      puts(all.slice(50)),
    ]);
  });

  it('retries the UnprocessedItems of a later batch too', async () => {
    // Prepare
    const all = items(60);
    const throttled = puts(all.slice(50, 53));
    ddbMock
      .on(BatchWriteCommand)
      .resolvesOnce({})
      .resolvesOnce({})
      .resolvesOnce({ UnprocessedItems: { [TABLE]: throttled } })
      .resolves({});

    // Act
    const requests = await writeAll(client, TABLE, all);

    // Assess
    expect(requests).toBe(4);
    expect(sentBatches()[3]).toEqual(throttled);
  });

  it('waits longer before each retry of the same batch', async () => {
    // Prepare
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const wait = jest.spyOn(global, 'setTimeout').mockImplementation(((callback: () => void) => {
      callback();
      return 0;
    }) as unknown as typeof setTimeout);
    const throttled = puts(items(1));
    ddbMock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: throttled } })
      .resolvesOnce({ UnprocessedItems: { [TABLE]: throttled } })
      .resolves({});

    // Act
    await writeAll(client, TABLE, items(1));

    // Assess
    const delays = wait.mock.calls.map((call) => call[1] as number);
    expect(delays).toHaveLength(2);
    expect(delays[1]).toBeGreaterThan(delays[0]);
  });

  it('gives up with an error after 8 attempts at a batch that stays unprocessed', async () => {
    // Prepare
    const all = items(30);
    ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: { [TABLE]: puts(all.slice(0, 2)) } });

    // Act
    const attempt = writeAll(client, TABLE, all);

    // Assess
    await expect(attempt).rejects.toThrow('2 items stayed unprocessed after 8 attempts');
    expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(8);
  });

  it('sends nothing when there is nothing to write', async () => {
    // Act
    const requests = await writeAll(client, TABLE, []);

    // Assess
    expect(requests).toBe(0);
    expect(ddbMock.calls()).toHaveLength(0);
  });
});
