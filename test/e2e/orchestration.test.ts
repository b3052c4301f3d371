import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { waitFor } from '../support/wait-for';
import { demoKey, http, registerRetailer } from './http-client';

const workflow = {
  retailerId: 'e2e',
  entityType: 'ORDER',
  subtype: 'E2E',
  statuses: [{ name: 'CREATED' }, { name: 'BOOKED' }],
  rulesets: [
    { name: 'CREATE', type: 'ORDER', rules: [{ name: 'ordo.core.Log', props: { message: 'received' } }] },
    { name: 'BOOK', type: 'ORDER', triggers: [{ status: 'CREATED' }], rules: [{ name: 'ordo.core.SetState', props: { status: 'BOOKED' } }] },
  ],
};

const event = (name: string, ref: string, id: string) => ({
  id,
  name,
  retailerId: 'e2e',
  entityType: 'ORDER',
  entitySubtype: 'E2E',
  entityRef: ref,
});

/** Polls until the event leaves PENDING; the local queue hands messages over within seconds. */
const outcomeOf = async (eventId: string, timeoutMs = 45_000): Promise<string> => {
  const reply = await waitFor(() => http('GET', `/v1/events/${eventId}`, { apiKey: demoKey() }), {
    description: `event ${eventId} leaving PENDING`,
    until: (response) => response.status !== 404 && response.status < 500 && (response.status !== 200 || response.body.status !== 'PENDING'),
    timeoutMs,
    intervalMs: 500,
  });
  return reply.status === 200 ? reply.body.status : `HTTP ${reply.status}`;
};

describe('orchestration on the running local stack', () => {
  beforeAll(async () => {
    await registerRetailer(demoKey(), 'e2e');
    const uploaded = await http('PUT', '/v1/workflows/ORDER/E2E', { apiKey: demoKey(), body: workflow });
    expect(uploaded.status).toBe(201);
  });

  it('processes an event posted over HTTP through the local queue until it turns SUCCESS', async () => {
    // Prepare
    await http('POST', '/v1/events/sync', { apiKey: demoKey(), body: event('CREATE', 'E2E-1', 'e2e-create-1') });

    // Act
    const accepted = await http('POST', '/v1/events', { apiKey: demoKey(), body: event('BOOK', 'E2E-1', 'e2e-book-1') });

    // Assess
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ eventId: 'e2e-book-1', status: 'PENDING' });
    expect(await outcomeOf('e2e-book-1')).toBe('SUCCESS');
    const entity = await http('GET', '/v1/entities/ORDER/E2E-1', { apiKey: demoKey() });
    expect(entity.body.status).toBe('BOOKED');
  }, 60_000);

  it('runs an event put on the bus by a registered source in the owning account', async () => {
    // Prepare
    await http('POST', '/v1/event-sources', { apiKey: demoKey(), body: { source: 'e2e.shop', awsAccountId: '000000000000' } });
    await http('POST', '/v1/events/sync', { apiKey: demoKey(), body: event('CREATE', 'E2E-BUS', 'e2e-create-bus') });
    const bus = new EventBridgeClient({
      endpoint: process.env.ORDO_E2E_EVENTBRIDGE,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

    // Act
    const put = await bus.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'ordo-sandbox-bus',
            Source: 'e2e.shop',
            DetailType: 'ordo.event',
            Detail: JSON.stringify(event('BOOK', 'E2E-BUS', 'e2e-bus-book')),
          },
        ],
      }),
    );
    bus.destroy();

    // Assess
    expect(put.FailedEntryCount ?? 0).toBe(0);
    expect(await outcomeOf('e2e-bus-book')).toBe('SUCCESS');
  }, 60_000);
});
