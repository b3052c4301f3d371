import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoOutbox } from '../../shared/adapters/dynamodb/outbox';
import { accountTableName } from '../../shared/domain/accounts/account-table';
import { waitFor } from '../support/wait-for';
import { startBusTarget, type BusTarget } from './bus-target/bus-target';
import { demoKey, http, registerRetailer } from './http-client';

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

/** The outbox items left in the partition of one event: none, once the relay has handed them on. */
const outboxItemsOf = async (accountId: string, eventId: string) => {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: process.env.ORDO_E2E_DYNAMODB, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  try {
    return await new DynamoOutbox(client, accountTableName('sandbox', accountId)).pending({ retailerId: RETAILER, eventId });
  } finally {
    client.destroy();
  }
};

const logOfStack = () => readFileSync(process.env.ORDO_E2E_LOG_FILE ?? '', 'utf8');

describe("a PublishEvent rule's event on the local bus", () => {
  let target: BusTarget;
  let accountId: string;

  beforeAll(async () => {
    target = await startBusTarget(Number(process.env.ORDO_E2E_EVENTBRIDGE_PUBSUB_PORT), process.env.ORDO_E2E_EVENTBRIDGE ?? '');
    process.stdout.write(`The bus target started in ${target.startedInMs} ms.\n`);
    accountId = (await http('GET', '/v1/account', { apiKey: demoKey() })).body.accountId;
    await registerRetailer(demoKey(), RETAILER);
    expect((await http('PUT', '/v1/workflows/ORDER/EGR', { apiKey: demoKey(), body: workflow })).status).toBe(201);
    expect((await http('POST', '/v1/events/sync', { apiKey: demoKey(), body: createEvent })).body.status).toBe('SUCCESS');
  }, 90_000);

  afterAll(async () => {
    await target?.stop();
  });

  it("reaches a customer's rule matching source ordo.sandbox through the relay, with its detail-type and who it concerns", async () => {
    // Act
    const received = await waitFor(
      () => target.received().find((event) => event['detail-type'] === 'ordo.event' && event.detail.eventId === createEvent.id),
      { description: `the bus target to receive the event the relay publishes for ${createEvent.id}`, timeoutMs: 15_000, intervalMs: 250 },
    );

    // Assess
    expect(received).toMatchObject({
      source: 'ordo.sandbox',
      'detail-type': 'ordo.event',
      detail: {
        id: expect.any(String),
        accountId,
        retailerId: RETAILER,
        eventId: createEvent.id,
        entityType: 'ORDER',
        entityRef: 'EGRESS-1',
        data: { entityStatus: 'PUBLISHED', event: { id: createEvent.id, name: 'CREATE' } },
      },
    });
  });

  it('leaves no outbox record behind once the relay has published it', async () => {
    // Act
    const left = await waitFor(() => outboxItemsOf(accountId, createEvent.id), {
      description: `the relay to remove the outbox records of ${createEvent.id}`,
      until: (records) => records.length === 0,
      timeoutMs: 15_000,
      intervalMs: 250,
    });

    // Assess
    expect(left).toEqual([]);
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
