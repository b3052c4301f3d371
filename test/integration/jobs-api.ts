import { DeleteMessageBatchCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { handler as createJob } from '../../functions/jobs/create-job';
import { handler as getBatch } from '../../functions/jobs/get-batch';
import { handler as getJob } from '../../functions/jobs/get-job';
import { handler as postBatch } from '../../functions/jobs/post-batch';
import { handler as processChunks } from '../../functions/jobs/process-inventory-chunks';
import { invoke, lambdaContext } from '../support/api-gateway-event';

const QUEUE = 'ordo-sandbox-inventory-batches';

/** The Job/Batch routes, called in-process against DynamoDB Local and the local SQS server. */
export const jobsApi = {
  createJob: (apiKey: string, body: unknown) => invoke(createJob, { method: 'POST', resource: '/v1/jobs', apiKey, body }),
  postBatch: (apiKey: string, jobId: string, body: unknown) =>
    invoke(postBatch, { method: 'POST', resource: '/v1/jobs/{jobId}/batches', pathParameters: { jobId }, apiKey, body }),
  getJob: (apiKey: string, jobId: string) => invoke(getJob, { method: 'GET', resource: '/v1/jobs/{jobId}', pathParameters: { jobId }, apiKey }),
  getBatch: (apiKey: string, jobId: string, batchId: string) =>
    invoke(getBatch, { method: 'GET', resource: '/v1/jobs/{jobId}/batches/{batchId}', pathParameters: { jobId, batchId }, apiKey }),
};

export const inventoryBatch = (entities: unknown[]) => ({ entityType: 'INVENTORY', action: 'UPSERT', entities });

const sqs = new SQSClient({});

/**
 * Does what the SQS event source does in AWS: receives the chunks waiting on the inventory
 * queue, hands them to the batch processor, and deletes those it did not report as failed.
 * Returns the messages it handed over. Other test files share the queue; whatever chunk this
 * picks up is still processed for its own account.
 */
export const runBatchProcessor = async (): Promise<number> => {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: QUEUE }));
  let handled = 0;
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    if (!Messages.length) return handled;
    const event: SQSEvent = {
      Records: Messages.map((message) => ({
        messageId: message.MessageId as string,
        receiptHandle: message.ReceiptHandle as string,
        body: message.Body as string,
        attributes: {} as SQSEvent['Records'][number]['attributes'],
        messageAttributes: {},
        md5OfBody: message.MD5OfBody as string,
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${QUEUE}`,
        awsRegion: 'us-east-1',
      })),
    };
    const reply = (await processChunks(event, lambdaContext('processInventoryChunks'))) as { batchItemFailures: { itemIdentifier: string }[] };
    const failed = new Set(reply.batchItemFailures.map((failure) => failure.itemIdentifier));
    const done = Messages.filter((message) => !failed.has(message.MessageId as string));
    if (done.length) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl,
          Entries: done.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle as string })),
        }),
      );
    }
    handled += Messages.length;
  }
};

/** Runs the processor until the batch is final (COMPLETE, PARTIAL or FAILED) and returns it. */
export const settledBatch = async (apiKey: string, jobId: string, batchId: string) => {
  for (let attempt = 0; attempt < 100; attempt++) {
    const batch = await jobsApi.getBatch(apiKey, jobId, batchId);
    if (['COMPLETE', 'PARTIAL', 'FAILED'].includes(batch.body.status as string)) return batch;
    await runBatchProcessor();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`batch ${batchId} did not settle`);
};
