import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoOutbox } from '../../shared/adapters/dynamodb/outbox';
import type { OutboxRecord } from '../../shared/engine/engine-model';
import { busPublisher } from '../../shared/composition/event-bus';
import { outboundEventsOf } from '../../shared/composition/outbound-events';
import { accountTableName } from '../../shared/domain/accounts/account-table';
import { waitFor } from '../support/wait-for';
import { startBusTarget, type BusTarget } from './bus-target/bus-target';
import { demoKey, http } from './http-client';

const RETAILER = 'egress';

// `ordo.event` is the detail-type Ordo's own ingress takes: an event Ordo publishes under it must still not come back in.
const workflow = {
  retailerId: RETAILER,
  entityType: 'ORDER',
  subtype: 'EGR',
  statuses: [{ name: 'CREATED' }, { name: 'PUBLISHED' }],
  rulesets: [
    {
      name: 'CREATE',
      type: 'ORDER',
      rules: [
        { name: 'ordo.core.SetState', props: { status: 'PUBLISHED' } },
        { name: 'ordo.core.PublishEvent', props: { detailType: 'ordo.event' } },
      ],
    },
  ],
};

const createEvent = { id: 'egress-create-1', name: 'CREATE', retailerId: RETAILER, entityType: 'ORDER', entitySubtype: 'EGR', entityRef: 'EGRESS-1' };

/**
 * Puts the outbox records of one event on the bus the way the outbox relay does: its events, published.
 * It stands in for the relay until the local stack runs it; then the relay publishes the same
 * records (the same `detail.id`), and this can go.
 */
const relayByHand = async (accountId: string, eventId: string) => {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: process.env.ORDO_E2E_DYNAMODB, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  try {
    const owner = { retailerId: RETAILER, eventId };
    const records = await new DynamoOutbox(client, accountTableName('sandbox', accountId)).pending(owner);
    const eventsOf = outboundEventsOf(accountId);
    const events = (await Promise.all(records.map((record) => eventsOf({ changeId: record.id, at: record.createdOn, kind: 'OUTBOX', owner, record })))).flat();
    await busPublisher().publish(events.filter((event) => event.toBus));
    return records;
  } finally {
    client.destroy();
  }
};

const logOfStack = () => readFileSync(process.env.ORDO_E2E_LOG_FILE ?? '', 'utf8');

describe("a PublishEvent rule's event on the local bus", () => {
  let target: BusTarget;
  let accountId: string;
  let record: OutboxRecord;

  beforeAll(async () => {
    // The publisher in this process talks to the stack's emulator, as the functions in the stack do.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_EVENTBRIDGE: process.env.ORDO_E2E_EVENTBRIDGE,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
    target = await startBusTarget(Number(process.env.ORDO_E2E_EVENTBRIDGE_PUBSUB_PORT), process.env.ORDO_E2E_EVENTBRIDGE ?? '');
    process.stdout.write(`The bus target started in ${target.startedInMs} ms.\n`);
    accountId = (await http('GET', '/v1/account', { apiKey: demoKey() })).body.accountId;
    expect((await http('PUT', '/v1/workflows/ORDER/EGR', { apiKey: demoKey(), body: workflow })).status).toBe(201);
    expect((await http('POST', '/v1/events/sync', { apiKey: demoKey(), body: createEvent })).body.status).toBe('SUCCESS');
    [record] = await relayByHand(accountId, createEvent.id);
  }, 90_000);

  afterAll(async () => {
    await target?.stop();
  });

  it("reaches a customer's rule matching source ordo.sandbox, with its detail-type and who it concerns", async () => {
    // Act
    const received = await waitFor(() => target.received().find((event) => event.detail.id === record.id), {
      description: `the bus target to receive the event of outbox record ${record.id}`,
      timeoutMs: 15_000,
      intervalMs: 250,
    });

    // Assess
    expect(received).toMatchObject({
      source: 'ordo.sandbox',
      'detail-type': 'ordo.event',
      detail: {
        id: record.id,
        accountId,
        retailerId: RETAILER,
        eventId: createEvent.id,
        entityType: 'ORDER',
        entityRef: 'EGRESS-1',
        data: { entityStatus: 'PUBLISHED', event: { id: createEvent.id, name: 'CREATE' } },
      },
    });
  });

  it("is dropped by Ordo's own ingress as OWN_SOURCE, even under detail-type ordo.event, and runs nothing", async () => {
    // Act
    const dropped = await waitFor(
      () => logOfStack().split('\n').find((line) => line.includes('bus event dropped') && line.includes('OWN_SOURCE') && line.includes('ordo.sandbox')),
      { description: "the stack's ingress to drop Ordo's own event as OWN_SOURCE", timeoutMs: 15_000, intervalMs: 250 },
    );

    // Assess
    expect(dropped).toBeDefined();
    const timeline = await http('GET', '/v1/events?rootEntityRef=EGRESS-1', { apiKey: demoKey() });
    expect(timeline.body.items.map((event: { eventId: string }) => event.eventId)).toEqual([createEvent.id]);
  });
});
