import { DeleteMessageBatchCommand, GetQueueUrlCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';

type RecordAttributes = SQSEvent['Records'][number]['attributes'];

let sqs: SQSClient | undefined;

/** One client for the local SQS server the test environment points at (AWS_ENDPOINT_URL_SQS). */
export const localSqs = (): SQSClient => (sqs ??= new SQSClient({}));

export const queueUrlOf = async (queueName: string): Promise<string> =>
  (await localSqs().send(new GetQueueUrlCommand({ QueueName: queueName }))).QueueUrl as string;

/** Received messages as the event the SQS event source hands a Lambda. */
export const sqsEventOf = (
  messages: Message[],
  queueName: string,
  attributesOf: (message: Message) => Partial<RecordAttributes> = () => ({}),
): SQSEvent => ({
  Records: messages.map((message) => ({
    messageId: message.MessageId as string,
    receiptHandle: message.ReceiptHandle as string,
    body: message.Body as string,
    attributes: attributesOf(message) as RecordAttributes,
    messageAttributes: {},
    md5OfBody: message.MD5OfBody as string,
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queueName}`,
    awsRegion: 'us-east-1',
  })),
});

/** Deletes the messages a handler did not report in batchItemFailures, as the event source does; answers them. */
export const deleteHandled = async (
  queueName: string,
  messages: Message[],
  reply: { batchItemFailures: { itemIdentifier: string }[] },
): Promise<Message[]> => {
  const failed = new Set(reply.batchItemFailures.map((failure) => failure.itemIdentifier));
  const done = messages.filter((message) => !failed.has(message.MessageId as string));
  if (done.length) {
    await localSqs().send(
      new DeleteMessageBatchCommand({
        QueueUrl: await queueUrlOf(queueName),
        Entries: done.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle as string })),
      }),
    );
  }
  return done;
};
