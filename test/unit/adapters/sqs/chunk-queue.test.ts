import { GetQueueUrlCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { SqsChunkQueue } from '../../../../shared/adapters/sqs/sqs-chunk-queue';
import type { BatchChunk } from '../../../../shared/domain/jobs/batch';

const QUEUE_NAME = 'ordo-unit-inventory-batches';
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/ordo-unit-inventory-batches';

const chunk = (n: number): BatchChunk => ({
  accountId: 'acme',
  jobId: 'job-1',
  batchId: 'batch-1',
  chunk: n,
  records: [
    [n * 10, `SKU-${n}`, 'LOC-1', n, null],
    [n * 10 + 1, `SKU-${n}b`, 'LOC-1', n, 2],
  ],
});

describe('SqsChunkQueue', () => {
  const sqsMock = mockClient(SQSClient);
  const client = new SQSClient({ region: 'us-east-1' });

  const sends = () => sqsMock.commandCalls(SendMessageCommand).map((call) => call.args[0].input);

  beforeEach(() => {
    sqsMock.reset();
    sqsMock.on(GetQueueUrlCommand, { QueueName: QUEUE_NAME }).resolves({ QueueUrl: QUEUE_URL });
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
  });

  afterAll(() => {
    sqsMock.restore();
  });

  it('sends one message per chunk, with the chunk as JSON for its body', async () => {
    // Prepare
    const queue = new SqsChunkQueue(client, QUEUE_NAME);
    const chunks = [chunk(1), chunk(2), chunk(3)];

    // Act
    await queue.enqueue(chunks);

    // Assess
    expect(sends().map((input) => JSON.parse(input.MessageBody ?? ''))).toEqual(chunks);
    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });

  it('sends every chunk to the URL of the queue it was named', async () => {
    // Prepare
    const queue = new SqsChunkQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue([chunk(1), chunk(2)]);

    // Assess
    expect(sends().map((input) => input.QueueUrl)).toEqual([QUEUE_URL, QUEUE_URL]);
  });

  it('looks the queue URL up once for many chunks and several batches', async () => {
    // Prepare
    const queue = new SqsChunkQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue([chunk(1), chunk(2)]);
    await queue.enqueue([chunk(3)]);

    // Assess
    expect(sqsMock.commandCalls(GetQueueUrlCommand)).toHaveLength(1);
    expect(sends()).toHaveLength(3);
  });

  it('answers the chunks it could not send, and still sends the others', async () => {
    // Prepare
    const queue = new SqsChunkQueue(client, QUEUE_NAME);
    sqsMock.on(SendMessageCommand).callsFake((input: { MessageBody?: string }) => {
      if ((JSON.parse(input.MessageBody ?? '{}') as BatchChunk).chunk === 2) throw new Error('throttled');
      return { MessageId: 'm-1' };
    });

    // Act
    const unsent = await queue.enqueue([chunk(1), chunk(2), chunk(3)]);

    // Assess
    expect(unsent).toEqual([chunk(2)]);
    expect(sends()).toHaveLength(3);
  });

  it('tells its listener of each chunk it could not send, with the error', async () => {
    // Prepare
    const told: [number, unknown][] = [];
    const queue = new SqsChunkQueue(client, QUEUE_NAME, (refused, error) => told.push([refused.chunk, error]));
    const throttled = new Error('throttled');
    sqsMock.on(SendMessageCommand).rejects(throttled);

    // Act
    await queue.enqueue([chunk(1), chunk(2)]);

    // Assess
    expect(told).toEqual([
      [1, throttled],
      [2, throttled],
    ]);
  });

  it('answers every chunk, sending none, when the queue URL cannot be looked up', async () => {
    // Prepare
    const queue = new SqsChunkQueue(client, QUEUE_NAME);
    sqsMock.on(GetQueueUrlCommand).rejects(new Error('AWS.SimpleQueueService.NonExistentQueue'));

    // Act
    const unsent = await queue.enqueue([chunk(1), chunk(2)]);

    // Assess
    expect(unsent).toEqual([chunk(1), chunk(2)]);
    expect(sends()).toHaveLength(0);
  });

  it('answers no chunk when every send succeeds', async () => {
    // Prepare
    const queue = new SqsChunkQueue(client, QUEUE_NAME);

    // Act
    const unsent = await queue.enqueue([chunk(1), chunk(2)]);

    // Assess
    expect(unsent).toEqual([]);
  });
});
