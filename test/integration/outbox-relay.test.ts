import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { handler as relayOutbox } from '../../functions/engine/relay-outbox';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { StreamRelayPoller } from '../../scripts/local-stack/stream-relay-poller';
import { LocalChangeStreams } from '../../scripts/local-stack/stream-reader';
import { streamedRecords } from '../support/change-stream';
import { DynamoAccountTableProvisioner } from '../../shared/adapters/dynamodb/dynamo-account-table-provisioner';
import { DynamoOutbox } from '../../shared/adapters/dynamodb/outbox';
import { accountTableSchema } from '../../shared/adapters/dynamodb/table-schemas';
import { accountChangesOf } from '../../shared/adapters/dynamodb/stream-changes';
import { accountTableName } from '../../shared/domain/accounts/account-table';
import { documentClient } from '../../shared/composition/dynamodb-clients';
import { orchestrationOf } from '../../shared/composition/orchestration';
import { outboxRelayOf, streamRelay } from '../../shared/composition/outbox-relay';
import { relayChanges, type AccountRelay } from '../../shared/domain/outbound/relay-changes';
import type { OrdoEvent } from '../../shared/engine/engine-model';
import { lambdaContext } from '../support/lambda';
import { fakeRelay, plainEventsOf, RecordingBus, type FakeRelay } from '../support/outbox-relay';
import { answerWith, WebhookReceiver } from '../support/webhook-receiver';
import { webhookDeliveriesOf } from '../../shared/composition/webhook-delivery';
import { webhookDispatch } from '../../shared/domain/webhooks/dispatch-webhooks';
import { webhooksApi } from './webhooks-api';
import { newAccount } from './control-plane-api';
import { orchestrationApi as api } from './orchestration-api';

// A real account table with its change stream on DynamoDB Local: an execution commits outbox
// records, the local stream relay's reader reads them back, and the relay delivers and removes them.
const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '';
const raw = localDynamoDbClient(endpoint);
const streams = new LocalChangeStreams(raw, endpoint);

const RETAILER = 'r1';

// As on the local stack: a webhook may reach a server on this machine. Read on first use, below.
process.env.ORDO_WEBHOOK_ALLOW_INSECURE_LOCAL = 'true';

/** CREATE puts an event on the bus, calls a webhook, and sends PING to another order. */
const outboundWorkflow = {
  retailerId: RETAILER,
  entityType: 'ORDER',
  subtype: 'HD',
  statuses: [{ name: 'CREATED' }],
  rulesets: [
    {
      name: 'CREATE',
      type: 'ORDER',
      rules: [
        { name: 'ordo.core.PublishEvent', props: { detailType: 'OrderReceived' } },
        { name: 'ordo.core.SendWebhook', props: { url: 'https://hooks.example.com/orders' } },
        { name: 'ordo.core.SendEvent', props: { eventName: 'PING', target: { entityType: 'ORDER', entityRef: 'O-OTHER' } } },
      ],
    },
  ],
};

const createEvent = (id: string, ref: string): OrdoEvent => ({
  id,
  name: 'CREATE',
  retailerId: RETAILER,
  entityType: 'ORDER',
  entitySubtype: 'HD',
  entityRef: ref,
  source: 'API',
});


const outboxItemsOf = async (tableName: string, eventId: string) => {
  const { Items = [] } = await raw.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :outbox)',
      ExpressionAttributeValues: { ':pk': { S: `EVENT#${RETAILER}#${eventId}` }, ':outbox': { S: 'OUTBOX#' } },
      ConsistentRead: true,
    }),
  );
  return Items;
};

/**
 * The recording relay of the account, over its real outbox; each removal goes in the journal too.
 * Only outbox records make outbound events here: the built-in domain events are another part's.
 */
const relayOver = (accountId: string): FakeRelay => {
  const messagesOf = plainEventsOf(accountId);
  const fake = fakeRelay(accountId, async (change) => (change.kind === 'OUTBOX' ? messagesOf(change) : []));
  const outbox = new DynamoOutbox(documentClient(), accountTableName('sandbox', accountId));
  fake.relay.outbox = {
    exists: (owner, record) => outbox.exists(owner, record),
    remove: async (owner, records) => {
      await outbox.remove(owner, records);
      for (const record of records) fake.journal.push(`remove ${record.id}`);
    },
  };
  return fake;
};

/** An account whose CREATE of `ref` has committed its outbox records, as an execution does before any relay. */
const committedAccount = async (eventId: string, ref: string) => {
  const { accountId, apiKey } = await newAccount('relay');
  expect((await api.putWorkflow(apiKey, 'ORDER', 'HD', outboundWorkflow)).status).toBe(201);
  // The engine alone: the inline path that hands EVENT records on at once is not run.
  const result = await orchestrationOf(accountId).engine.process(createEvent(eventId, ref));
  expect(result.outcome).toBe('SUCCESS');
  return { accountId, tableName: accountTableName('sandbox', accountId), outbox: result.unitOfWork?.outbox ?? [] };
};

afterAll(() => {
  raw.destroy();
});

describe('the outbox relay on DynamoDB Local', () => {
  it('delivers every outbox record an execution committed, then removes it, leaving none in the table', async () => {
    // Prepare
    const { accountId, tableName, outbox } = await committedAccount('evt-relay-1', 'O-1');
    const [published, webhook, event] = ['PUBLISH', 'WEBHOOK', 'EVENT'].map((kind) => outbox.find((record) => record.kind === kind));
    const fake = relayOver(accountId);
    const changes = accountChangesOf(await streamedRecords(tableName));

    // Act
    const outcome = await relayChanges(changes, fake.relay);

    // Assess
    expect(outcome.failed).toEqual([]);
    expect(fake.bus.published.map((sent) => sent.id)).toEqual([published?.id]);
    expect(fake.webhooks.dispatched.map((sent) => sent.id)).toEqual([webhook?.id]);
    expect(fake.queue.events).toEqual([event?.payload]);
    for (const record of [published, webhook, event]) {
      const removed = fake.journal.indexOf(`remove ${record?.id}`);
      expect(removed).toBeGreaterThan(fake.journal.findIndex((step) => step.endsWith(` ${record?.id}`)));
    }
    expect(await outboxItemsOf(tableName, 'evt-relay-1')).toEqual([]);
  });

  it('sends nothing again when the stream hands the same records on a second time', async () => {
    // Prepare
    const { accountId, tableName } = await committedAccount('evt-relay-2', 'O-2');
    const fake = relayOver(accountId);
    const changes = accountChangesOf(await streamedRecords(tableName));
    await relayChanges(changes, fake.relay);
    const sentBefore = fake.journal.length;

    // Act
    const outcome = await relayChanges(changes, fake.relay);

    // Assess
    expect(outcome.failed).toEqual([]);
    expect(fake.journal).toHaveLength(sentBefore);
  });

  it("relays a real stream event under the account the control plane names for the stream's table", async () => {
    // Prepare
    const { accountId, tableName } = await committedAccount('evt-relay-3', 'O-3');
    const fake = relayOver(accountId);
    const relayedFor: string[] = [];
    const relay = relayOutbox.with({
      context: () => ({
        ...streamRelay(),
        relayOf: (owner: string): AccountRelay => (relayedFor.push(owner), fake.relay),
      }),
    });

    // Act
    const response = await relay({ Records: await streamedRecords(tableName) }, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(relayedFor).toEqual([accountId]);
    expect(await outboxItemsOf(tableName, 'evt-relay-3')).toEqual([]);
  });

  it('turns the change stream on for an account table made before tables had one', async () => {
    // Prepare
    const tableName = `ordo-sandbox-acct-old-${process.pid}-${Date.now() % 100000}`;
    const { StreamSpecification: _none, ...streamless } = accountTableSchema(tableName);
    await raw.send(new CreateTableCommand(streamless));

    // Act
    await new DynamoAccountTableProvisioner(raw, false).provision(tableName);

    // Assess
    const { Table } = await raw.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    await raw.send(new DeleteTableCommand({ TableName: tableName }));
  });

  it('hands what an execution commits to the relay function through the local stream relay, which then leaves no outbox record', async () => {
    // Prepare
    const { accountId, apiKey } = await newAccount('relay');
    const tableName = accountTableName('sandbox', accountId);
    expect((await api.putWorkflow(apiKey, 'ORDER', 'HD', outboundWorkflow)).status).toBe(201);
    const fake = relayOver(accountId);
    const relay = relayOutbox.with({ context: () => ({ ...streamRelay(), relayOf: () => fake.relay }) });
    const poller = new StreamRelayPoller({
      streams,
      invoke: async (event) => ({ failed: (await relay(event, lambdaContext())).batchItemFailures.map((failure) => failure.itemIdentifier) }),
      giveUp: async (message) => {
        throw new Error(`gave up on ${message.sequenceNumbers.length} records: ${message.error}`);
      },
      tablePrefix: tableName,
      log: () => undefined,
    });
    await poller.discover();
    await poller.poll();
    await orchestrationOf(accountId).engine.process(createEvent('evt-relay-4', 'O-4'));

    // Act
    await poller.poll();

    // Assess
    expect(fake.bus.published.map((sent) => sent.type)).toEqual(['custom.published']);
    expect(fake.webhooks.dispatched.map((sent) => sent.type)).toEqual(['custom.webhook']);
    expect(fake.queue.events.map((sent) => sent.name)).toEqual(['PING']);
    expect(await outboxItemsOf(tableName, 'evt-relay-4')).toEqual([]);
  });
});

describe('the outbox relay when it dies between delivering a webhook and removing its record', () => {
  /** CREATE sends a webhook of a type of its own. */
  const webhookWorkflow = {
    retailerId: RETAILER,
    entityType: 'ORDER',
    subtype: 'HD',
    statuses: [{ name: 'CREATED' }],
    rulesets: [{ name: 'CREATE', type: 'ORDER', rules: [{ name: 'ordo.core.SendWebhook', props: { eventType: 'order.received' } }] }],
  };

  it('delivers the message again under the same webhook-id on the next try, and removes the record once', async () => {
    // Prepare
    const receiver = await WebhookReceiver.start(answerWith(204));
    try {
      const { accountId, apiKey } = await newAccount('relay-crash');
      expect((await api.putWorkflow(apiKey, 'ORDER', 'HD', webhookWorkflow)).status).toBe(201);
      expect((await webhooksApi.create(apiKey, { url: receiver.url().href, events: ['order.received'] })).status).toBe(201);
      const result = await orchestrationOf(accountId).engine.process(createEvent('evt-crash-1', 'O-CRASH'));
      expect(result.outcome).toBe('SUCCESS');
      const tableName = accountTableName('sandbox', accountId);
      const changes = accountChangesOf(await streamedRecords(tableName));
      const deliveries = webhookDeliveriesOf(accountId);
      // The process dies once the endpoint has the message, before anything is written about it.
      const dyingSender = {
        send: async (request: Parameters<typeof deliveries.sender.send>[0]) => {
          await deliveries.sender.send(request);
          throw new Error('the relay process died');
        },
      };
      const relay = (webhooks = webhookDispatch(deliveries)): AccountRelay => ({ ...outboxRelayOf(accountId), bus: new RecordingBus(), webhooks });

      // Act
      const crashed = await relayChanges(changes, relay(webhookDispatch({ ...deliveries, sender: dyingSender })));
      const leftAfterCrash = await outboxItemsOf(tableName, 'evt-crash-1');
      const retried = await relayChanges(changes, relay());
      const again = await relayChanges(changes, relay());

      // Assess
      expect(crashed.failed.length).toBeGreaterThan(0);
      expect(leftAfterCrash).toHaveLength(1);
      expect(retried.failed).toEqual([]);
      expect(again.failed).toEqual([]);
      expect(receiver.received).toHaveLength(2);
      const [first, second] = receiver.received.map((received) => received.headers['webhook-id']);
      expect(second).toBe(first);
      expect(await outboxItemsOf(tableName, 'evt-crash-1')).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
