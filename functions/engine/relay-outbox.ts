import type { DynamoDBBatchItemFailure, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { streamRelay, type StreamRelay } from '../../shared/composition/outbox-relay';
import { relayChanges } from '../../shared/domain/outbound/relay-changes';
import { consumerHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';

/** Records by the stream they come from, in order. A mapping hands on one shard of one stream; this keeps apart what it cannot. */
const byStream = (records: readonly DynamoDBRecord[]): Map<string | undefined, DynamoDBRecord[]> => {
  const streams = new Map<string | undefined, DynamoDBRecord[]>();
  for (const record of records) streams.set(record.eventSourceARN, [...(streams.get(record.eventSourceARN) ?? []), record]);
  return streams;
};

/** Room left, once the relay stops making webhook attempts itself, to record what it did and answer. */
const FINISHING_MS = 5_000;

const relayStream = async (
  streamArn: string | undefined,
  records: DynamoDBRecord[],
  relay: StreamRelay,
  attemptBefore: Date,
): Promise<DynamoDBBatchItemFailure[]> => {
  // The account comes from the table the stream belongs to, never from what the records say.
  const accountId = await relay.accountOfStream(streamArn);
  if (!accountId) {
    logger.warn('stream of no account skipped', { streamArn, records: records.length });
    return [];
  }
  const stock = relay.stockChangesOf(records);
  if (stock.length) {
    try {
      await relay.summariesOf(accountId).apply(stock);
    } catch (error) {
      // The figures are absolute: handing the whole batch on again brings the summaries up to date.
      logger.error('availability summaries not updated', { accountId, records: records.length, errorName: (error as Error).name });
      const first = records[0].dynamodb?.SequenceNumber ?? '';
      return [{ itemIdentifier: first }];
    }
  }
  const changes = relay.changesOf(records);
  const outcome = await relayChanges(changes, relay.relayOf(accountId), { attemptBefore });
  const [first] = outcome.failed;
  if (!first) {
    logger.info('account changes relayed', { accountId, records: records.length, changes: changes.length, stockChanges: stock.length });
    return [];
  }
  // Never the payload: it can carry customer data.
  logger.error('account change not relayed', {
    accountId,
    kind: first.kind,
    changeId: first.changeId,
    correlationId: first.correlationId,
    left: outcome.failed.length,
    errorName: (outcome.error as Error | undefined)?.name,
  });
  const sequenceOf = new Map(records.map((record) => [record.eventID, record.dynamodb?.SequenceNumber]));
  return outcome.failed.map((change) => ({ itemIdentifier: sequenceOf.get(change.changeId) ?? '' }));
};

// A failed change and those after it are handed on again by the stream, in order; the stream's
// mapping retries them, then sends their place in the stream to the outbox DLQ.
export const handler = consumerHandler(
  streamRelay,
  async (event: DynamoDBStreamEvent, lambda, relay): Promise<DynamoDBBatchResponse> => {
    // Endpoints that are slow to answer must not run the function past its timeout, which would hand the whole batch on again.
    const attemptBefore = new Date(Date.now() + lambda.getRemainingTimeInMillis() - FINISHING_MS);
    const batchItemFailures: DynamoDBBatchItemFailure[] = [];
    for (const [streamArn, records] of byStream(event.Records)) batchItemFailures.push(...(await relayStream(streamArn, records, relay, attemptBefore)));
    return { batchItemFailures };
  },
);
