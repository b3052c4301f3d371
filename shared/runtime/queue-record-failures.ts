import type { SQSRecord } from 'aws-lambda';
import { logger } from './logger';

/** The error's code when it carries one (Ordo's errors do), else its name (the SDK's errors name their kind). */
const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : typeof error;
};

/**
 * Wraps the handling of one queue record so that a failure is logged before the batch reports it:
 * the consumer, the record's id, how often the queue has handed it out and the error's code. Never
 * the body or the error's message, which may carry customer data. The error is thrown on, so the
 * record goes back to the queue, then to its DLQ.
 */
export const loggingFailures =
  <R>(consumer: string, handle: (record: SQSRecord) => Promise<R>) =>
  async (record: SQSRecord): Promise<R> => {
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
  };
