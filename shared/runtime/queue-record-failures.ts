import type { SQSRecord } from 'aws-lambda';
import { withLogContext } from './log-context';
import { logger } from './logger';

/** The error's code when it carries one (Ordo's errors do), else its name (the SDK's errors name their kind). */
const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : typeof error;
};

/** A string attribute the sender's SQS client set (see the composition's SQS client). */
const attributeOf = (record: SQSRecord, name: string): string | undefined => record.messageAttributes?.[name]?.stringValue;

/**
 * Wraps the handling of one queue record: every line it logs carries the correlation id and the
 * account the message came with, and a failure is logged before the batch reports it: the consumer,
 * the record's id, how often the queue has handed it out and the error's code. Never the body or
 * the error's message, which may carry customer data. The error is thrown on, so the record goes
 * back to the queue, then to its DLQ.
 */
export const loggingFailures =
  <R>(consumer: string, handle: (record: SQSRecord) => Promise<R>) =>
  (record: SQSRecord): Promise<R> =>
    withLogContext({ correlationId: attributeOf(record, 'correlationId'), accountId: attributeOf(record, 'accountId') }, async () => {
      try {
        return await handle(record);
      } catch (error) {
        logger.error('queue record failed', {
          consumer,
          messageId: record.messageId,
          receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? 0),
          code: codeOf(error),
        });
        throw error;
      }
    });
