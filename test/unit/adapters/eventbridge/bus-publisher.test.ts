import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { EventBridgeBusPublisher } from '../../../../shared/adapters/eventbridge/eventbridge-bus-publisher';
import type { OutboundEvent } from '../../../../shared/domain/outbound/outbound-event';

const outboundEvent = (n: number): OutboundEvent => ({
  id: `change-${n}`,
  type: 'order.status_changed',
  occurredOn: '2026-12-04T10:00:00.000Z',
  accountId: 'acme',
  retailerId: 'r1',
  eventId: `evt-${n}`,
  entity: { entityType: 'ORDER', ref: `O-${n}` },
  status: { from: 'CREATED', to: 'BOOKED' },
  data: { customer: { name: 'A*** L***' } },
  toBus: true,
  toWebhooks: true,
});

describe('EventBridgeBusPublisher', () => {
  const eventBridgeMock = mockClient(EventBridgeClient);
  const client = new EventBridgeClient({ region: 'us-east-1' });

  beforeEach(() => {
    eventBridgeMock.reset();
    eventBridgeMock.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
  });

  afterAll(() => {
    eventBridgeMock.restore();
  });

  it('puts each event on the bus under Ordo source with its type as the detail type', async () => {
    // Prepare
    const publisher = new EventBridgeBusPublisher(client, 'ordo-unit-bus', 'ordo.unit');

    // Act
    await publisher.publish([outboundEvent(1)]);

    // Assess
    const [entry] = eventBridgeMock.commandCalls(PutEventsCommand)[0].args[0].input.Entries ?? [];
    expect(entry).toMatchObject({ EventBusName: 'ordo-unit-bus', Source: 'ordo.unit', DetailType: 'order.status_changed' });
    expect(JSON.parse(entry.Detail ?? '{}')).toEqual({
      id: 'change-1',
      accountId: 'acme',
      retailerId: 'r1',
      eventId: 'evt-1',
      entityType: 'ORDER',
      entityRef: 'O-1',
      status: { from: 'CREATED', to: 'BOOKED' },
      occurredOn: '2026-12-04T10:00:00.000Z',
      data: { customer: { name: 'A*** L***' } },
    });
  });

  it('sends at most ten events a call, as PutEvents allows', async () => {
    // Prepare
    const publisher = new EventBridgeBusPublisher(client, 'ordo-unit-bus', 'ordo.unit');

    // Act
    await publisher.publish(Array.from({ length: 23 }, (_, n) => outboundEvent(n)));

    // Assess
    const sizes = eventBridgeMock.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries?.length);
    expect(sizes).toEqual([10, 10, 3]);
  });

  it('fails when the bus refuses any event, so the relay tries again', async () => {
    // Prepare
    eventBridgeMock.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException' }] });
    const publisher = new EventBridgeBusPublisher(client, 'ordo-unit-bus', 'ordo.unit');

    // Act
    const publishing = publisher.publish([outboundEvent(1)]);

    // Assess
    await expect(publishing).rejects.toThrow(/ThrottlingException/);
  });
});
