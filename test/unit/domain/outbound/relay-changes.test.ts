import type { AccountChange } from '../../../../shared/domain/outbound/account-change';
import { relayChanges } from '../../../../shared/domain/outbound/relay-changes';
import type { OutboxKind, OutboxRecord } from '../../../../shared/engine/engine-model';
import { anOrderEntity } from '../../../support/order-builder';
import { fakeRelay } from '../../../support/outbox-relay';

const OWNER = { retailerId: 'r1', eventId: 'evt-1' };
const AT = '2025-03-14T09:26:53.000Z';

const outboxRecord = (id: string, kind: OutboxKind): OutboxRecord => ({
  id,
  kind,
  eventId: OWNER.eventId,
  createdOn: AT,
  payload:
    kind === 'EVENT'
      ? { id, name: 'ALLOCATE', retailerId: 'r1', entityType: 'ORDER', entityRef: 'O-2', source: 'QUEUE', hops: 1 }
      : { retailerId: 'r1', detailType: 'OrderBooked', detail: {} },
});

const outboxChange = (id: string, kind: OutboxKind = 'PUBLISH'): Extract<AccountChange, { kind: 'OUTBOX' }> => ({
  changeId: `change-${id}`,
  at: AT,
  kind: 'OUTBOX',
  owner: OWNER,
  record: outboxRecord(id, kind),
});

const entityChange = (ref: string): AccountChange => ({
  changeId: `change-${ref}`,
  at: AT,
  kind: 'ENTITY',
  after: anOrderEntity(ref, { retailerId: 'r1', version: 2, status: 'BOOKED' }),
});

/** A relay whose outbox holds the records of these changes, as after their commit. */
const relayHolding = (...changes: AccountChange[]) => {
  const fake = fakeRelay();
  for (const change of changes) if (change.kind === 'OUTBOX') fake.outbox.add(change.owner, change.record);
  return fake;
};

describe('relayChanges', () => {
  it('relays the changes in stream order', async () => {
    // Prepare
    const changes = [outboxChange('out-1'), entityChange('O-1'), outboxChange('out-2', 'WEBHOOK')];
    const { relay, journal } = relayHolding(...changes);

    // Act
    await relayChanges(changes, relay);

    // Assess
    expect(journal).toEqual(['bus out-1', 'remove out-1', 'bus O-1@2', 'webhook O-1@2', 'webhook out-2', 'remove out-2']);
  });

  it('delivers an outbox record before it removes it', async () => {
    // Prepare
    const change = outboxChange('out-1', 'WEBHOOK');
    const { relay, journal } = relayHolding(change);

    // Act
    await relayChanges([change], relay);

    // Assess
    expect(journal).toEqual(['webhook out-1', 'remove out-1']);
  });

  it('sends nothing and removes nothing for an outbox record already relayed', async () => {
    // Prepare
    const { relay, journal } = relayHolding();

    // Act
    const outcome = await relayChanges([outboxChange('out-1')], relay);

    // Assess
    expect(journal).toEqual([]);
    expect(outcome).toEqual({ handled: 1, failed: [] });
  });

  it("puts an outbox EVENT record's event on the events queue for the account, then removes the record", async () => {
    // Prepare
    const change = outboxChange('out-1', 'EVENT');
    const { relay, journal, queue } = relayHolding(change);

    // Act
    await relayChanges([change], relay);

    // Assess
    expect(queue.sent.map(({ message }) => message)).toEqual([{ accountId: 'acme', event: change.record.payload }]);
    expect(journal).toEqual(['queue out-1', 'remove out-1']);
  });

  it('puts bus-only events on the bus alone and webhook-only events to the webhooks alone', async () => {
    // Prepare
    const changes = [outboxChange('out-1', 'PUBLISH'), outboxChange('out-2', 'WEBHOOK')];
    const { relay, bus, webhooks } = relayHolding(...changes);

    // Act
    await relayChanges(changes, relay);

    // Assess
    expect(bus.published.map((event) => event.id)).toEqual(['out-1']);
    expect(webhooks.dispatched.map((event) => event.id)).toEqual(['out-2']);
  });

  it('stops at the first failure and reports that change and every one after it', async () => {
    // Prepare
    const changes = [outboxChange('out-1', 'WEBHOOK'), outboxChange('out-2'), outboxChange('out-3', 'WEBHOOK')];
    const { relay, bus, journal } = relayHolding(...changes);
    const refused = new Error('The bus refused 1 of 1 events: ThrottlingException');
    bus.failure = refused;

    // Act
    const outcome = await relayChanges(changes, relay);

    // Assess
    expect(outcome).toEqual({ handled: 1, failed: changes.slice(1), error: refused });
    expect(journal).toEqual(['webhook out-1', 'remove out-1']);
  });

  it('keeps a record it delivered but could not remove, and delivers it again with the same id on the next try', async () => {
    // Prepare
    const change = outboxChange('out-1', 'WEBHOOK');
    const { relay, outbox, webhooks } = relayHolding(change);
    outbox.failure = new Error('crashed before removing');
    const first = await relayChanges([change], relay);
    outbox.failure = undefined;

    // Act
    const second = await relayChanges([change], relay);

    // Assess
    expect(first.failed).toEqual([change]);
    expect(second.failed).toEqual([]);
    expect(webhooks.dispatched.map((event) => event.id)).toEqual(['out-1', 'out-1']);
    expect(await outbox.exists(change.owner, change.record)).toBe(false);
  });

  it('reports nothing failed when every change was relayed', async () => {
    // Prepare
    const changes = [entityChange('O-1'), outboxChange('out-1')];
    const { relay } = relayHolding(...changes);

    // Act
    const outcome = await relayChanges(changes, relay);

    // Assess
    expect(outcome).toEqual({ handled: 2, failed: [] });
  });
});

describe('relayChanges, in the chain of each change', () => {
  it("relays each change in its own scope, named by the correlation id its commit kept", async () => {
    // Prepare
    const changes = [{ ...outboxChange('out-1'), correlationId: 'corr-a' }, { ...entityChange('O-1'), correlationId: 'corr-b' }];
    const fake = relayHolding(...changes);
    const scoped: string[] = [];
    const relay = {
      ...fake.relay,
      scope: {
        ofChange: async <T>(change: { correlationId?: string }, run: () => Promise<T>) => {
          scoped.push(`${change.correlationId} in`);
          const result = await run();
          scoped.push(`${change.correlationId} out`);
          return result;
        },
      },
    };

    // Act
    await relayChanges(changes, relay);

    // Assess
    expect(scoped).toEqual(['corr-a in', 'corr-a out', 'corr-b in', 'corr-b out']);
    expect(fake.journal).toEqual(['bus out-1', 'remove out-1', 'bus O-1@2', 'webhook O-1@2']);
  });
});

