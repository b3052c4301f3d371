import { clearFaults, planFaults } from '../support/planned-faults';
import { waitFor } from '../support/wait-for';
import { demoKey, http, registerRetailer } from './http-client';

/**
 * An event whose commit fails on an infrastructure error on the running local stack: the events
 * queue tries it twice, 5 s apart (the e2e stack's redelivery), then its DLQ hands it to
 * markStuckEvents. The failure is planned in the stack's faults file, for HOLD events alone.
 */
const workflow = {
  retailerId: 'e2e-stuck',
  entityType: 'ORDER',
  subtype: 'STUCK',
  statuses: [{ name: 'CREATED' }, { name: 'HELD' }],
  rulesets: [
    { name: 'CREATE', type: 'ORDER', rules: [{ name: 'ordo.core.Log', props: { message: 'received' } }] },
    { name: 'HOLD', type: 'ORDER', triggers: [{ status: 'CREATED' }], rules: [{ name: 'ordo.core.SetState', props: { status: 'HELD' } }] },
  ],
};

const event = (name: string, id: string) => ({ id, name, retailerId: 'e2e-stuck', entityType: 'ORDER', entitySubtype: 'STUCK', entityRef: 'E2E-STUCK-1' });

type EventItem = { eventId: string; status: string; stuckSince?: string; lastError?: { code: string; message: string; at: string } };

const stuckEvent = (eventId: string) =>
  waitFor(
    async () => {
      const page = await http('GET', '/v1/events?status=STUCK', { apiKey: demoKey() });
      return (page.body.items as EventItem[] | undefined)?.find((item) => item.eventId === eventId);
    },
    { description: `event ${eventId} listed as STUCK`, timeoutMs: 100_000, intervalMs: 1_000 },
  );

const outcomeOf = async (eventId: string): Promise<string> => {
  const reply = await waitFor(() => http('GET', `/v1/events/${eventId}`, { apiKey: demoKey() }), {
    description: `event ${eventId} leaving PENDING and STUCK`,
    until: (response) => response.status === 200 && !['PENDING', 'STUCK'].includes(response.body.status),
    timeoutMs: 45_000,
    intervalMs: 500,
  });
  return reply.body.status;
};

describe('stuck events on the running local stack', () => {
  beforeAll(async () => {
    await registerRetailer(demoKey(), 'e2e-stuck');
    const uploaded = await http('PUT', '/v1/workflows/ORDER/STUCK', { apiKey: demoKey(), body: workflow });
    expect(uploaded.status).toBe(201);
    const created = await http('POST', '/v1/events/sync', { apiKey: demoKey(), body: event('CREATE', 'e2e-stuck-create') });
    expect(created.body.status).toBe('SUCCESS');
  });

  afterAll(() => {
    clearFaults();
  });

  it('lists an event that failed on an infrastructure error as STUCK with its error code, and the retry route takes it to SUCCESS', async () => {
    // Prepare
    planFaults([{ boundary: 'engine.commit', eventName: 'HOLD', code: 'ProvisionedThroughputExceededException' }]);
    const accepted = await http('POST', '/v1/events', { apiKey: demoKey(), body: event('HOLD', 'e2e-stuck-hold') });
    expect(accepted.status).toBe(202);
    const stuck = await stuckEvent('e2e-stuck-hold');
    clearFaults();

    // Act
    const retried = await http('POST', '/v1/events/e2e-stuck-hold/retry', { apiKey: demoKey() });

    // Assess
    expect(stuck).toMatchObject({ status: 'PENDING', stuck: true, stuckSince: expect.any(String), lastError: { code: 'ProvisionedThroughputExceededException' } });
    expect(retried.status).toBe(202);
    expect(await outcomeOf('e2e-stuck-hold')).toBe('SUCCESS');
    const entity = await http('GET', '/v1/entities/ORDER/E2E-STUCK-1', { apiKey: demoKey() });
    expect(entity.body.status).toBe('HELD');
    const listed = await http('GET', '/v1/events?status=STUCK', { apiKey: demoKey() });
    expect((listed.body.items as EventItem[]).map(({ eventId }) => eventId)).not.toContain('e2e-stuck-hold');
  }, 180_000);

  it('refuses the retry of an event still waiting its turn with 409 EVENT_STILL_PENDING', async () => {
    // Prepare
    planFaults([{ boundary: 'engine.commit', eventName: 'HOLD', code: 'ProvisionedThroughputExceededException' }]);
    const accepted = await http('POST', '/v1/events', { apiKey: demoKey(), body: event('HOLD', 'e2e-stuck-waiting') });
    expect(accepted.status).toBe(202);

    // Act
    const retried = await http('POST', '/v1/events/e2e-stuck-waiting/retry', { apiKey: demoKey() });

    // Assess
    expect(retried.status).toBe(409);
    expect(retried.body.error.code).toBe('EVENT_STILL_PENDING');
  }, 30_000);
});
