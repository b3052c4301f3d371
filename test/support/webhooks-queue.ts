import { ChangeMessageVisibilityBatchCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse } from 'aws-lambda';
import { handler as deliverWebhooks } from '../../functions/webhooks/deliver-webhooks';
import { loadSettings } from '../../shared/composition/settings';
import { lambdaContext } from './api-gateway-event';
import { deleteHandled, localSqs, queueUrlOf, sqsEventOf } from './local-queue';

type Handler = typeof deliverWebhooks;

const accountOf = (message: Message): string | undefined => {
  try {
    return (JSON.parse(message.Body ?? '') as { accountId?: string }).accountId;
  } catch {
    return undefined;
  }
};

/**
 * One receive on a queue the files may share: the account's messages, received; the others made
 * visible again at once and left alone.
 */
const receiveFor = async (queueName: string, accountId: string): Promise<Message[]> => {
  const QueueUrl = await queueUrlOf(queueName);
  const { Messages = [] } = await localSqs().send(
    new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 30, MessageSystemAttributeNames: ['All'] }),
  );
  const others = Messages.filter((message) => accountOf(message) !== accountId);
  if (others.length) {
    await localSqs().send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl,
        Entries: others.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle as string, VisibilityTimeout: 0 })),
      }),
    );
  }
  return Messages.filter((message) => accountOf(message) === accountId);
};

const webhooksQueue = () => loadSettings().webhookQueueName;
const webhooksDlq = () => loadSettings().webhookDeadLetterQueueName;

/** The account's retries that have come due on the webhooks queue, received (and so hidden for 30 s). */
export const receiveWebhookRetries = (accountId: string): Promise<Message[]> => receiveFor(webhooksQueue(), accountId);

/** Hands received retries to the deliver-webhooks handler and deletes those it did not report failed, as the event source does. */
export const handWebhookRetries = async (messages: Message[], handler: Handler = deliverWebhooks): Promise<SQSBatchResponse> => {
  const reply = (await handler(sqsEventOf(messages, webhooksQueue()), lambdaContext('deliverWebhooks'))) as SQSBatchResponse;
  await deleteHandled(webhooksQueue(), messages, reply);
  return reply;
};

/** What the webhooks DLQ holds for the account, taken off it. */
export const takeDeadLettered = async (accountId: string): Promise<unknown[]> => {
  const messages = await receiveFor(webhooksDlq(), accountId);
  await deleteHandled(webhooksDlq(), messages, { batchItemFailures: [] });
  return messages.map((message) => JSON.parse(message.Body as string) as unknown);
};
