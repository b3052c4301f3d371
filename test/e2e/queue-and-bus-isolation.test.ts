import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { waitFor } from '../support/wait-for';
import { demoKey, http, operatorKey, registerRetailer } from './http-client';

// The AWS account the local EventBridge emulator stamps on every event (serverless.yml).
const LOCAL_AWS_ACCOUNT = '000000000000';

const workflow = {
  retailerId: 'iso',
  entityType: 'ORDER',
  subtype: 'ISO',
  statuses: [{ name: 'CREATED' }, { name: 'BOOKED' }],
  rulesets: [
    { name: 'CREATE', type: 'ORDER', rules: [{ name: 'ordo.core.Log', props: { message: 'received' } }] },
    { name: 'BOOK', type: 'ORDER', triggers: [{ status: 'CREATED' }], rules: [{ name: 'ordo.core.SetState', props: { status: 'BOOKED' } }] },
  ],
};

const event = (name: string, ref: string, id: string) => ({ id, name, retailerId: 'iso', entityType: 'ORDER', entitySubtype: 'ISO', entityRef: ref });

/** The event's status once it has left PENDING; throws if it has not within the timeout. */
const settledStatus = async (apiKey: string, eventId: string): Promise<string> => {
  const reply = await waitFor(() => http('GET', `/v1/events/${eventId}`, { apiKey }), {
    description: `event ${eventId} leaving PENDING`,
    until: (response) => response.status === 200 && response.body.status !== 'PENDING',
    timeoutMs: 45_000,
    intervalMs: 1_000,
  });
  return reply.body.status as string;
};

const putOnBus = async (source: string, detail: unknown) => {
  const bus = new EventBridgeClient({
    endpoint: process.env.ORDO_E2E_EVENTBRIDGE,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    return await bus.send(
      new PutEventsCommand({ Entries: [{ EventBusName: 'ordo-sandbox-bus', Source: source, DetailType: 'ordo.event', Detail: JSON.stringify(detail) }] }),
    );
  } finally {
    bus.destroy();
  }
};

describe('tenant isolation of the queue and the bus on the running local stack', () => {
  let otherKey: string;

  beforeAll(async () => {
    const created = await http('POST', '/v1/accounts', { apiKey: operatorKey(), body: { accountId: 'iso-other' } });
    expect(created.status).toBe(201);
    otherKey = created.body.apiKey;
    for (const apiKey of [demoKey(), otherKey]) {
      await registerRetailer(apiKey, 'iso');
      expect((await http('PUT', '/v1/workflows/ORDER/ISO', { apiKey, body: workflow })).status).toBe(201);
    }
  }, 60_000);

  it('runs the async events of two accounts that post the same event id, both to SUCCESS', async () => {
    // Prepare
    for (const apiKey of [demoKey(), otherKey]) {
      expect((await http('POST', '/v1/events/sync', { apiKey, body: event('CREATE', 'ISO-1', 'iso-create-1') })).body.status).toBe('SUCCESS');
    }

    // Act
    const first = await http('POST', '/v1/events', { apiKey: demoKey(), body: event('BOOK', 'ISO-1', 'order:ISO-1:book') });
    const second = await http('POST', '/v1/events', { apiKey: otherKey, body: event('BOOK', 'ISO-1', 'order:ISO-1:book') });

    // Assess
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(await settledStatus(demoKey(), 'order:ISO-1:book')).toBe('SUCCESS');
    expect(await settledStatus(otherKey, 'order:ISO-1:book')).toBe('SUCCESS');
  }, 120_000);

  it('drops a bus event whose source is registered for another AWS account, writing nothing, and runs the one registered for the sending account', async () => {
    // Prepare
    const elsewhere = await http('POST', '/v1/event-sources', { apiKey: demoKey(), body: { source: 'iso.elsewhere', awsAccountId: '111122223333' } });
    const local = await http('POST', '/v1/event-sources', { apiKey: demoKey(), body: { source: 'iso.local', awsAccountId: LOCAL_AWS_ACCOUNT } });
    expect([elsewhere.status, local.status]).toEqual([201, 201]);
    await http('POST', '/v1/events/sync', { apiKey: demoKey(), body: event('CREATE', 'ISO-BUS', 'iso-create-bus') });

    // Act
    const wrong = await putOnBus('iso.elsewhere', event('BOOK', 'ISO-BUS', 'iso-bus-wrong-account'));
    const right = await putOnBus('iso.local', event('BOOK', 'ISO-BUS', 'iso-bus-right-account'));

    // Assess
    expect([wrong.FailedEntryCount ?? 0, right.FailedEntryCount ?? 0]).toEqual([0, 0]);
    expect(await settledStatus(demoKey(), 'iso-bus-right-account')).toBe('SUCCESS');
    expect((await http('GET', '/v1/events/iso-bus-wrong-account', { apiKey: demoKey() })).status).toBe(404);
    const timeline = await http('GET', '/v1/events?rootEntityRef=ISO-BUS', { apiKey: demoKey() });
    expect(timeline.body.items.map((item: { eventId: string }) => item.eventId)).not.toContain('iso-bus-wrong-account');
  }, 120_000);
});
