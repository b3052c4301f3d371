import type { DynamoDBRecord } from 'aws-lambda';
import { DynamoOutbox } from '../adapters/dynamodb/outbox';
import { logContextRunScope } from '../adapters/logging/log-context-run-scope';
import { accountChangesOf, tableOfStream } from '../adapters/dynamodb/stream-changes';
import { DynamoStockSummaries } from '../adapters/dynamodb/dynamo-stock-summaries';
import { stockFigureChangesOf } from '../adapters/dynamodb/stock-stream-changes';
import { accountOfTable } from '../domain/accounts/account-of-table';
import type { AccountChange } from '../domain/outbound/account-change';
import type { AccountRelay } from '../domain/outbound/relay-changes';
import type { StockFigureChange, StockSummaries } from '../ports/stock-summaries';
import { accountContext, containerPart, type AccountContext } from './account-context';
import { controlPlane } from './control-plane';
import { documentClient } from './dynamodb-clients';
import { busPublisher } from './event-bus';
import { outboundEventsOf } from './outbound-events';
import { settings } from './settings';
import { eventQueue } from './sqs-queues';
import { webhookDispatchOf } from './webhook-delivery';

const build = ({ accountId, tableName }: AccountContext): AccountRelay => ({
  accountId,
  eventsOf: outboundEventsOf(accountId),
  bus: busPublisher(),
  webhooks: webhookDispatchOf(accountId),
  queue: eventQueue(),
  outbox: new DynamoOutbox(documentClient(), tableName),
  scope: logContextRunScope,
});

/** What relays one account's changes: the bus, its webhooks, the events queue and its outbox. */
export const outboxRelayOf = (accountId: string): AccountRelay => accountContext(accountId).part(build);

/** What the relay function needs: whose stream a batch comes from, what it says, and that account's relay. */
export interface StreamRelay {
  /** The account whose table the stream belongs to; undefined when the table is no account's. */
  accountOfStream(streamArn: string | undefined): Promise<string | undefined>;
  changesOf(records: readonly DynamoDBRecord[]): AccountChange[];
  relayOf(accountId: string): AccountRelay;
  /** The stock changes of the records, for the account's availability read model. */
  stockChangesOf(records: readonly DynamoDBRecord[]): StockFigureChange[];
  summariesOf(accountId: string): StockSummaries;
}

const stockSummariesOf = (accountId: string): StockSummaries =>
  accountContext(accountId).part(({ tableName }) => new DynamoStockSummaries(documentClient(), tableName));

const buildStreamRelay = (): StreamRelay => {
  // A table's account never changes, so one control-plane read per table and container is enough.
  const owners = new Map<string, string>();
  return {
    accountOfStream: async (streamArn) => {
      const tableName = tableOfStream(streamArn);
      if (tableName === undefined) return undefined;
      const known = owners.get(tableName);
      if (known) return known;
      const accountId = await accountOfTable(tableName, { stage: settings().stage, controlPlane: controlPlane() });
      if (accountId) owners.set(tableName, accountId);
      return accountId;
    },
    changesOf: accountChangesOf,
    relayOf: outboxRelayOf,
    stockChangesOf: stockFigureChangesOf,
    summariesOf: stockSummariesOf,
  };
};

export const streamRelay = (): StreamRelay => containerPart(buildStreamRelay);
