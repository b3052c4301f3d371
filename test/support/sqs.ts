import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { QueuedEvent } from '../../shared/ports/event-queue';
import { deduplicationIdOf, messageGroupOf } from '../../shared/adapters/sqs/fifo-message-ids';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:ordo-unit-events.fifo';

/**
 * One record of a FIFO queue as Lambda delivers it. A QueuedEvent is sent as JSON with the
 * group and deduplication ids SqsEventQueue would give it; a string body is sent as it is.
 */
export const sqsRecord = (
  messageId: string,
  message: QueuedEvent | string,
  ids: { groupId?: string; deduplicationId?: string } = {},
): SQSRecord => {
  const body = typeof message === 'string' ? message : JSON.stringify(message);
  const groupId = ids.groupId ?? (typeof message === 'string' ? 'unit-group' : messageGroupOf(message));
  const deduplicationId = ids.deduplicationId ?? (typeof message === 'string' ? messageId : deduplicationIdOf(message));
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1741944413000',
      SenderId: 'AIDAUNITTEST',
      ApproximateFirstReceiveTimestamp: '1741944413001',
      SequenceNumber: '18849496460467696128',
      MessageGroupId: groupId,
      MessageDeduplicationId: deduplicationId,
    },
    messageAttributes: {},
    md5OfBody: 'd41d8cd98f00b204e9800998ecf8427e',
    eventSource: 'aws:sqs',
    eventSourceARN: QUEUE_ARN,
    awsRegion: 'us-east-1',
  };
};

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });
