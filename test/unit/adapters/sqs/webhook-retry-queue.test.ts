import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { SqsWebhookRetryQueue } from '../../../../shared/adapters/sqs/sqs-webhook-retry-queue';
import type { WebhookRetry } from '../../../../shared/ports/webhook-retry-queue';

const QUEUE_NAME = 'ordo-unit-webhooks';
const DLQ_NAME = 'ordo-unit-webhooks-dlq';
const QUEUE_URL = `https://sqs.us-east-1.amazonaws.com/123456789012/${QUEUE_NAME}`;
const DLQ_URL = `https://sqs.us-east-1.amazonaws.com/123456789012/${DLQ_NAME}`;

const retry: WebhookRetry = { accountId: 'acme', webhookId: 'wh_1', messageId: 'msg_1', dueOn: '2025-03-14T09:00:05.000Z' };

describe('SqsWebhookRetryQueue', () => {
  const sqsMock = mockClient(SQSClient);
  const queue = new SqsWebhookRetryQueue(new SQSClient({ region: 'us-east-1' }), QUEUE_NAME, DLQ_NAME);
  const sends = () => sqsMock.commandCalls(SendMessageCommand).map((call) => call.args[0].input);

  beforeEach(() => {
    sqsMock.reset();
    sqsMock.on(GetQueueUrlCommand, { QueueName: QUEUE_NAME }).resolves({ QueueUrl: QUEUE_URL });
    sqsMock.on(GetQueueUrlCommand, { QueueName: DLQ_NAME }).resolves({ QueueUrl: DLQ_URL });
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
  });

  afterAll(() => {
    sqsMock.restore();
  });

  it('queues a retry on the webhooks queue, held back for its delay', async () => {
    // Act
    await queue.schedule(retry, 5);

    // Assess
    expect(sends()).toEqual([{ QueueUrl: QUEUE_URL, MessageBody: JSON.stringify(retry), DelaySeconds: 5 }]);
  });

  it('rounds a delay in part-seconds up, so a retry never arrives before its time', async () => {
    // Act
    await queue.schedule(retry, 4.2);

    // Assess
    expect(sends()[0].DelaySeconds).toBe(5);
  });

  it('holds a retry back at most the 15 minutes SQS allows', async () => {
    // Act
    await queue.schedule(retry, 7200);

    // Assess
    expect(sends()[0].DelaySeconds).toBe(900);
  });

  it('copies a message that failed to the DLQ, naming the account, the webhook and the message', async () => {
    // Act
    await queue.deadLetter(retry);

    // Assess
    expect(sends()).toEqual([{ QueueUrl: DLQ_URL, MessageBody: JSON.stringify({ accountId: 'acme', webhookId: 'wh_1', messageId: 'msg_1' }) }]);
  });

  it('fails when the queue refuses the message, so the caller does not record a retry that was never queued', async () => {
    // Prepare
    sqsMock.on(SendMessageCommand).rejects(new Error('ServiceUnavailable'));

    // Act
    const scheduling = queue.schedule(retry, 5);

    // Assess
    await expect(scheduling).rejects.toThrow('ServiceUnavailable');
  });
});
