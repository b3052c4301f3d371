import { handler } from '../../../../functions/engine/relay-outbox';
import { outboxItem } from '../../../../shared/adapters/dynamodb/engine-items';
import { accountChangesOf, tableOfStream } from '../../../../shared/adapters/dynamodb/stream-changes';
import { reservationAttributes, reservationKey, stockCountItem } from '../../../../shared/adapters/dynamodb/inventory-items';
import { stockFigureChangesOf } from '../../../../shared/adapters/dynamodb/stock-stream-changes';
import type { StreamRelay } from '../../../../shared/composition/outbox-relay';
import { accountOfTable } from '../../../../shared/domain/accounts/account-of-table';
import type { OutboxKind, OutboxRecord } from '../../../../shared/engine/engine-model';
import { logger } from '../../../../shared/runtime/logger';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';
import { lambdaContext } from '../../../support/lambda';
import { fakeRelay, type FakeRelay } from '../../../support/outbox-relay';
import { RecordingStockSummaries } from '../../../support/stock-summaries';
import { insertOf, modifyOf, streamEvent } from '../../../support/stream-records';

const STAGE = 'unit';
const TABLE = `ordo-${STAGE}-acct-acme`;
const OWNER = { retailerId: 'r1', eventId: 'evt-1' };

const outboxRecord = (id: string, kind: OutboxKind = 'WEBHOOK'): OutboxRecord => ({
  id,
  kind,
  eventId: OWNER.eventId,
  createdOn: '2025-03-14T09:26:50.000Z',
  payload: { retailerId: 'r1', body: { customerEmail: 'ada@example.com' } },
});

/** An outbox record committed into `tableName`, as its stream reports it. */
const committed = (record: OutboxRecord, tableName = TABLE) => insertOf(outboxItem(OWNER, record, 1_748_772_000), { tableName });

let controlPlane: InMemoryControlPlaneStore;
let fake: FakeRelay;
let relayedFor: string[];
let summaries: RecordingStockSummaries;
let summarisedFor: string[];

const relay = handler.with({
  context: (): StreamRelay => ({
    accountOfStream: async (arn) => {
      const tableName = tableOfStream(arn);
      return tableName === undefined ? undefined : accountOfTable(tableName, { stage: STAGE, controlPlane });
    },
    changesOf: accountChangesOf,
    relayOf: (accountId) => {
      relayedFor.push(accountId);
      return fake.relay;
    },
    stockChangesOf: stockFigureChangesOf,
    summariesOf: (accountId) => {
      summarisedFor.push(accountId);
      return summaries;
    },
  }),
});

/** The relay of acme's table, whose outbox holds these records. */
const holding = (...records: OutboxRecord[]) => {
  for (const record of records) fake.outbox.add(OWNER, record);
};

describe('the relay-outbox handler', () => {
  beforeEach(async () => {
    controlPlane = new InMemoryControlPlaneStore();
    await controlPlane.createAccount({
      accountId: 'acme',
      name: 'Acme',
      environment: 'sandbox',
      region: 'us-east-1',
      status: 'ACTIVE',
      tableName: TABLE,
      createdOn: '2025-03-01T00:00:00.000Z',
    });
    fake = fakeRelay('acme');
    relayedFor = [];
    summaries = new RecordingStockSummaries();
    summarisedFor = [];
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers no batch item failures when every change was relayed', async () => {
    // Prepare
    const records = [outboxRecord('out-1'), outboxRecord('out-2')];
    holding(...records);

    // Act
    const response = await relay(streamEvent(...records.map((record) => committed(record))), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(fake.webhooks.dispatched.map((event) => event.id)).toEqual(['out-1', 'out-2']);
  });

  it('answers the sequence numbers of the change that failed and of every one after it', async () => {
    // Prepare
    const records = [outboxRecord('out-1'), outboxRecord('out-2', 'PUBLISH'), outboxRecord('out-3')];
    holding(...records);
    fake.bus.failure = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const event = streamEvent(...records.map((record) => committed(record)));

    // Act
    const response = await relay(event, lambdaContext());

    // Assess
    expect(response.batchItemFailures).toEqual(
      event.Records.slice(1).map((record) => ({ itemIdentifier: record.dynamodb?.SequenceNumber })),
    );
  });

  it('logs a failure with the account, the kind of change and the error name, never the payload', async () => {
    // Prepare
    const record = outboxRecord('out-1');
    holding(record);
    fake.webhooks.failure = Object.assign(new Error('delivery store unavailable'), { name: 'ProvisionedThroughputExceededException' });

    // Act
    await relay(streamEvent(committed(record)), lambdaContext());

    // Assess
    expect(logger.error).toHaveBeenCalledWith(
      'account change not relayed',
      expect.objectContaining({ accountId: 'acme', kind: 'OUTBOX', errorName: 'ProvisionedThroughputExceededException' }),
    );
    expect(JSON.stringify(jest.mocked(logger.error).mock.calls)).not.toContain('ada@example.com');
  });

  it("relays under the account that owns the stream's table", async () => {
    // Prepare
    const record = outboxRecord('out-1');
    holding(record);

    // Act
    await relay(streamEvent(committed(record)), lambdaContext());

    // Assess
    expect(relayedFor).toEqual(['acme']);
  });

  it('skips a stream of a table no account owns, relaying nothing and asking for no retry', async () => {
    // Prepare
    const record = outboxRecord('out-1');
    holding(record);

    // Act
    const response = await relay(streamEvent(committed(record, `ordo-${STAGE}-acct-ghost`)), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(relayedFor).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith('stream of no account skipped', expect.objectContaining({ records: 1 }));
  });

  it("skips a stream of another stage's account table", async () => {
    // Prepare
    const record = outboxRecord('out-1');
    holding(record);

    // Act
    await relay(streamEvent(committed(record, 'ordo-production-acct-acme')), lambdaContext());

    // Assess
    expect(relayedFor).toEqual([]);
  });

  describe('the availability read model', () => {
    const count = (onHand: number) =>
      insertOf(stockCountItem({ skuRef: 'TEE', locationRef: 'LDN', onHand, safetyStock: 1, updatedOn: '2025-03-14T09:00:00.000Z' }), { tableName: TABLE });
    const reservation = (before: number, after: number) => {
      const item = (reserved: number) => ({ ...reservationKey('TEE', 'LDN'), ...reservationAttributes('TEE', 'LDN'), reserved });
      return modifyOf(item(before), item(after), { tableName: TABLE });
    };

    it("applies the batch's count and reservation changes, in stream order, to the owning account's summaries", async () => {
      // Prepare
      const event = streamEvent(count(10), reservation(0, 2));

      // Act
      const response = await relay(event, lambdaContext());

      // Assess
      expect(response).toEqual({ batchItemFailures: [] });
      expect(summarisedFor).toEqual(['acme']);
      expect(summaries.applied).toEqual([
        { skuRef: 'TEE', locationRef: 'LDN', part: 'count', count: { onHand: 10, safetyStock: 1 } },
        { skuRef: 'TEE', locationRef: 'LDN', part: 'reservation', reserved: 2 },
      ]);
    });

    it('hands the whole batch on again, relaying nothing, when the summaries cannot be written', async () => {
      // Prepare
      const record = outboxRecord('out-1');
      holding(record);
      summaries.failure = Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' });
      const event = streamEvent(count(10), committed(record));

      // Act
      const response = await relay(event, lambdaContext());

      // Assess
      expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0].dynamodb?.SequenceNumber }]);
      expect(fake.webhooks.dispatched).toEqual([]);
    });
  });
});
