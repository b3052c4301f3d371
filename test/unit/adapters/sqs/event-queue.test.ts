import { createHash } from 'node:crypto';
import { GetQueueUrlCommand, QueueDoesNotExist, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { SqsEventQueue } from '../../../../shared/adapters/sqs/sqs-event-queue';
import type { OrdoEvent } from '../../../../shared/engine/engine-model';
import type { QueuedEvent } from '../../../../shared/ports/event-queue';

const QUEUE_NAME = 'ordo-sandbox-events.fifo';
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/ordo-sandbox-events.fifo';

const event = (overrides: Partial<OrdoEvent> = {}): OrdoEvent => ({
  id: 'evt-1',
  name: 'SHIP',
  retailerId: 'R1',
  entityType: 'FULFILMENT',
  entityRef: 'F-1',
  rootEntityType: 'ORDER',
  rootEntityRef: 'O-1',
  ...overrides,
});

const message = (overrides: Partial<OrdoEvent> = {}): QueuedEvent => ({ accountId: 'acme', event: event(overrides) });

describe('SqsEventQueue', () => {
  const sqsMock = mockClient(SQSClient);
  const client = new SQSClient({ region: 'us-east-1' });

  const sent = (call = 0) => sqsMock.commandCalls(SendMessageCommand)[call].args[0].input;

  beforeEach(() => {
    sqsMock.reset();
    sqsMock.on(GetQueueUrlCommand, { QueueName: QUEUE_NAME }).resolves({ QueueUrl: QUEUE_URL });
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
  });

  afterAll(() => {
    sqsMock.restore();
  });

  it('sends the message as JSON to the URL of the queue it was named', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue(message());

    // Assess
    expect(sent().QueueUrl).toBe(QUEUE_URL);
    expect(JSON.parse(sent().MessageBody ?? '')).toEqual(message());
  });

  it('groups messages by account, retailer and root entity, so one root is processed in order', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue(message());

    // Assess
    expect(sqsMock.commandCalls(SendMessageCommand, { MessageGroupId: 'acme#R1#ORDER#O-1' })).toHaveLength(1);
  });

  it('groups an event without root fields under its own entity, which is then the root', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue(message({ entityType: 'ORDER', entityRef: 'O-2', rootEntityType: undefined, rootEntityRef: undefined }));

    // Assess
    expect(sqsMock.commandCalls(SendMessageCommand, { MessageGroupId: 'acme#R1#ORDER#O-2' })).toHaveLength(1);
  });

  it('deduplicates by account, retailer and event id', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue(message());

    // Assess
    expect(sqsMock.commandCalls(SendMessageCommand, { MessageDeduplicationId: 'acme#R1#evt-1' })).toHaveLength(1);
  });

  it('gives two accounts sending the same event id different deduplication ids', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue({ accountId: 'acme', event: event({ id: 'order:O-1:create' }) });
    await queue.enqueue({ accountId: 'globex', event: event({ id: 'order:O-1:create' }) });

    // Assess
    expect([sent(0).MessageDeduplicationId, sent(1).MessageDeduplicationId]).toEqual(['acme#R1#order:O-1:create', 'globex#R1#order:O-1:create']);
    expect([sent(0).MessageGroupId, sent(1).MessageGroupId]).toEqual(['acme#R1#ORDER#O-1', 'globex#R1#ORDER#O-1']);
  });

  it('gives two retailers of one account sending the same event id different deduplication ids', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue(message({ retailerId: 'R1' }));
    await queue.enqueue(message({ retailerId: 'R2' }));

    // Assess
    expect([sent(0).MessageDeduplicationId, sent(1).MessageDeduplicationId]).toEqual(['acme#R1#evt-1', 'acme#R2#evt-1']);
  });

  it('keeps the account and retailer in a deduplication id it is given, such as a re-drive', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue(message(), 'evt-1:retry:2');

    // Assess
    expect(sqsMock.commandCalls(SendMessageCommand, { MessageDeduplicationId: 'acme#R1#evt-1:retry:2' })).toHaveLength(1);
  });

  it('escapes a "#" inside a retailer id, so no other account, retailer and event id give the same id', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue(message({ retailerId: 'R#1', id: 'evt' }));
    await queue.enqueue(message({ retailerId: 'R', id: '1#evt' }));

    // Assess
    expect([sent(0).MessageDeduplicationId, sent(1).MessageDeduplicationId]).toEqual(['acme#R%231#evt', 'acme#R#1%23evt']);
  });

  it('hashes a group or deduplication id that SQS would refuse into a stable hex id', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);
    const ref = `O ${'9'.repeat(130)}`;

    // Act
    await queue.enqueue(message({ id: 'evt with spaces', rootEntityRef: ref }));

    // Assess
    const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
    expect(sent().MessageGroupId).toBe(sha256(`acme#R1#ORDER#${ref}`));
    expect(sent().MessageDeduplicationId).toBe(sha256('acme#R1#evt with spaces'));
  });

  it('hashes an id longer than the 128 characters SQS takes', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);
    const retailerId = 'r'.repeat(120);

    // Act
    await queue.enqueue(message({ retailerId }));

    // Assess
    expect(sent().MessageDeduplicationId).toMatch(/^[0-9a-f]{64}$/);
    expect(sent().MessageGroupId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('looks the queue URL up once for two sends', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);

    // Act
    await queue.enqueue(message({ id: 'evt-1' }));
    await queue.enqueue(message({ id: 'evt-2' }));

    // Assess
    expect(sqsMock.commandCalls(GetQueueUrlCommand)).toHaveLength(1);
    expect(sqsMock.commandCalls(SendMessageCommand)).toHaveLength(2);
  });

  it('looks the queue URL up once for two sends at the same time', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);

    // Act
    await Promise.all([queue.enqueue(message({ id: 'evt-1' })), queue.enqueue(message({ id: 'evt-2' }))]);

    // Assess
    expect(sqsMock.commandCalls(GetQueueUrlCommand)).toHaveLength(1);
    expect(sqsMock.commandCalls(SendMessageCommand).map((call) => call.args[0].input.QueueUrl)).toEqual([QUEUE_URL, QUEUE_URL]);
  });

  it('looks the queue URL up again after a failed lookup', async () => {
    // Prepare
    const queue = new SqsEventQueue(client, QUEUE_NAME);
    const missing = new QueueDoesNotExist({ message: 'The specified queue does not exist.', $metadata: {} });
    sqsMock.on(GetQueueUrlCommand).rejectsOnce(missing).resolves({ QueueUrl: QUEUE_URL });
    await expect(queue.enqueue(message())).rejects.toBe(missing);

    // Act
    await queue.enqueue(message());

    // Assess
    expect(sqsMock.commandCalls(GetQueueUrlCommand)).toHaveLength(2);
    expect(sqsMock.commandCalls(SendMessageCommand)).toHaveLength(1);
  });

  describe('enqueueAll', () => {
    const batchCalls = () => sqsMock.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input);

    beforeEach(() => {
      sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries?: { Id?: string }[] }) => ({
        Successful: (input.Entries ?? []).map((entry) => ({ Id: entry.Id, MessageId: `m-${entry.Id}` })),
      }));
    });

    it('sends 23 messages in calls of 10, 10 and 3, in the order given', async () => {
      // Prepare
      const queue = new SqsEventQueue(client, QUEUE_NAME);
      const messages = Array.from({ length: 23 }, (_, i) => message({ id: `evt-${i}` }));

      // Act
      await queue.enqueueAll(messages);

      // Assess
      expect(batchCalls().map((input) => input.Entries?.length)).toEqual([10, 10, 3]);
      const bodies = batchCalls().flatMap((input) => (input.Entries ?? []).map((entry) => JSON.parse(entry.MessageBody ?? '')));
      expect(bodies).toEqual(messages);
    });

    it('gives each entry its message group and a deduplication id of its account, retailer and event id', async () => {
      // Prepare
      const queue = new SqsEventQueue(client, QUEUE_NAME);

      // Act
      await queue.enqueueAll([message({ id: 'evt-a' }), message({ id: 'evt-b', rootEntityRef: 'O-2' })]);

      // Assess
      expect(batchCalls()[0]?.Entries?.map(({ MessageGroupId, MessageDeduplicationId }) => [MessageGroupId, MessageDeduplicationId])).toEqual([
        ['acme#R1#ORDER#O-1', 'acme#R1#evt-a'],
        ['acme#R1#ORDER#O-2', 'acme#R1#evt-b'],
      ]);
      expect(batchCalls()[0]?.QueueUrl).toBe(QUEUE_URL);
    });

    it('starts a new call before the bodies of one call pass 256 KiB', async () => {
      // Prepare
      const queue = new SqsEventQueue(client, QUEUE_NAME);
      const big = (id: string) => message({ id, attributes: { note: 'x'.repeat(100 * 1024) } });

      // Act
      await queue.enqueueAll([big('evt-1'), big('evt-2'), big('evt-3')]);

      // Assess
      expect(batchCalls().map((input) => input.Entries?.length)).toEqual([2, 1]);
    });

    it('fails, naming the first reason, when SQS reports an entry it could not queue', async () => {
      // Prepare
      const queue = new SqsEventQueue(client, QUEUE_NAME);
      sqsMock.on(SendMessageBatchCommand).resolves({
        Successful: [{ Id: '0', MessageId: 'm-0', MD5OfMessageBody: '' }],
        Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false, Message: 'try again' }],
      });

      // Act
      const sent = queue.enqueueAll([message({ id: 'evt-a' }), message({ id: 'evt-b' })]);

      // Assess
      await expect(sent).rejects.toThrow('1 of 2 events were not queued; the first: InternalError try again');
    });

    it('sends nothing for no messages', async () => {
      // Prepare
      const queue = new SqsEventQueue(client, QUEUE_NAME);

      // Act
      await queue.enqueueAll([]);

      // Assess
      expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
      expect(sqsMock.commandCalls(GetQueueUrlCommand)).toHaveLength(0);
    });
  });
});
