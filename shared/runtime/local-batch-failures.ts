import { logger } from './logger';

/** A batch with failed records, thrown on the local stack only (see keptOnLocalQueue). */
export class LocalBatchFailure extends Error {
  constructor(readonly failed: number) {
    super(`${failed} record(s) of the batch failed: the whole batch stays on the local queue`);
    this.name = 'LocalBatchFailure';
  }
}

/**
 * serverless-offline-sqs ignores ReportBatchItemFailures: it deletes every message of a batch whose handler
 * returns, failed records included, so on the local stack a record that failed beside others would be lost instead
 * of retried into its DLQ. There, a partial failure is thrown: nothing of the batch is deleted, the failed records
 * come back and reach their DLQ as in AWS, and the others come back too and are processed again idempotently (the
 * engine answers DUPLICATE, a chunk already applied is not applied twice). In AWS (no IS_OFFLINE) the response goes
 * back as it is and Lambda deletes only the records that succeeded.
 */
export const keptOnLocalQueue = <R extends { batchItemFailures: unknown[] }>(response: R, env: NodeJS.ProcessEnv = process.env): R => {
  if (env.IS_OFFLINE !== 'true' || response.batchItemFailures.length === 0) return response;
  logger.warn('batch left on the local queue', { failed: response.batchItemFailures.length });
  throw new LocalBatchFailure(response.batchItemFailures.length);
};
