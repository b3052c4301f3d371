import { DeleteMessageBatchCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { handler as processChunks } from '../../functions/jobs/process-inventory-chunks';
import { loadSettings } from '../../shared/config/settings';
import { lambdaContext } from './api-gateway-event';

/** The stage's queue, as the handlers under test name it. */
const queueName = () => loadSettings().inventoryQueueName;

/** Received SQS messages as the event the SQS event source hands a Lambda. */
export const sqsEventOf = (messages: Message[]): SQSEvent => ({
  Records: messages.map((message) => ({
    messageId: message.MessageId as string,
    receiptHandle: message.ReceiptHandle as string,
    body: message.Body as string,
    attributes: {} as SQSEvent['Records'][number]['attributes'],
    messageAttributes: {},
    md5OfBody: message.MD5OfBody as string,
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queueName()}`,
    awsRegion: 'us-east-1',
  })),
});

let sqs: SQSClient | undefined;
const client = () => (sqs ??= new SQSClient({}));
const queueUrl = async () => (await client().send(new GetQueueUrlCommand({ QueueName: queueName() }))).QueueUrl as string;

/** Receives what waits on the inventory queue, without deleting it. */
export const receiveChunks = async (visibilityTimeout = 30): Promise<Message[]> => {
  const { Messages = [] } = await client().send(
    new ReceiveMessageCommand({ QueueUrl: await queueUrl(), MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: visibilityTimeout }),
  );
  return Messages;
};

/**
 * Does what the SQS event source does in AWS, in this process: receives the chunks waiting on
 * the inventory queue, hands them to the batch processor two at a time (its batchSize), and
 * deletes those it did not report as failed, until the queue is empty. Returns how many it
 * handed over. Whatever chunk it picks up is processed for its own account.
 */
export const runBatchProcessor = async (): Promise<number> => {
  const QueueUrl = await queueUrl();
  let handled = 0;
  for (;;) {
    const messages = await receiveChunks();
    if (!messages.length) return handled;
    const invocations = [];
    for (let i = 0; i < messages.length; i += 2) invocations.push(messages.slice(i, i + 2));
    const replies = await Promise.all(
      invocations.map(async (group) => ({
        group,
        reply: (await processChunks(sqsEventOf(group), lambdaContext('processInventoryChunks'))) as { batchItemFailures: { itemIdentifier: string }[] },
      })),
    );
    const done = replies.flatMap(({ group, reply }) => {
      const failed = new Set(reply.batchItemFailures.map((failure) => failure.itemIdentifier));
      return group.filter((message) => !failed.has(message.MessageId as string));
    });
    if (done.length) {
      await client().send(
        new DeleteMessageBatchCommand({ QueueUrl, Entries: done.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle as string })) }),
      );
    }
    handled += messages.length;
  }
};
