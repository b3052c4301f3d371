import { ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { handler as processChunks } from '../../functions/jobs/process-inventory-chunks';
import { loadSettings } from '../../shared/composition/settings';
import { lambdaContext } from './api-gateway-event';
import { deleteHandled, localSqs, queueUrlOf, sqsEventOf as eventOf } from './local-queue';

/** serverless.yml gives processInventoryChunks 100 s. */
const PROCESS_CHUNKS_TIMEOUT_MS = 100_000;
/** The stage's queue, as the handlers under test name it. */
const queueName = () => loadSettings().inventoryQueueName;

/** Received chunk messages as the event the SQS event source hands the batch processor. */
export const sqsEventOf = (messages: Message[]): SQSEvent => eventOf(messages, queueName());

/** Receives what waits on the inventory queue, without deleting it. */
export const receiveChunks = async (visibilityTimeout = 30): Promise<Message[]> => {
  const { Messages = [] } = await localSqs().send(
    new ReceiveMessageCommand({ QueueUrl: await queueUrlOf(queueName()), MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: visibilityTimeout }),
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
  let handled = 0;
  for (;;) {
    const messages = await receiveChunks();
    if (!messages.length) return handled;
    const invocations = [];
    for (let i = 0; i < messages.length; i += 2) invocations.push(messages.slice(i, i + 2));
    await Promise.all(
      invocations.map(async (group) => {
        const reply = (await processChunks(sqsEventOf(group), lambdaContext('processInventoryChunks', PROCESS_CHUNKS_TIMEOUT_MS))) as { batchItemFailures: { itemIdentifier: string }[] };
        await deleteHandled(queueName(), group, reply);
      }),
    );
    handled += messages.length;
  }
};
