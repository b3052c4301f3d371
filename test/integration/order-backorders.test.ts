import { controlPlane } from '../../shared/composition/control-plane';
import { orchestrationOf } from '../../shared/composition/orchestration';
import type { AccountOrchestration } from '../../shared/domain/orchestration/account-orchestration';
import { releaseScheduledEvents } from '../../shared/domain/orchestration/release-scheduled-events';
import { runEvent } from '../../shared/domain/orchestration/run-event';
import { AWAITING_STOCK_AUTO_CANCEL_HOURS, PARTIAL_ALLOCATION } from '../../shared/domain/settings/setting-catalogue';
import { hdOrder } from '../support/order-builder';
import { catalogApi } from './catalog-api';
import { newAccount } from './control-plane-api';
import { orderEventSync, ordersApi as api, positionOf, RETAILER, seedCatalog, uploadReferenceWorkflows, type SeedLocation } from './orders-api';
import { settingsApi } from './settings-api';

jest.setTimeout(30_000);

const CAMDEN: SeedLocation = { ref: 'CAMDEN', lat: 51.539, lon: -0.1426 };

/** Camden has T-shirts and no mugs. */
const teesOnly = async (prefix: string, settings: Record<string, unknown> = {}) => {
  const account = await newAccount(prefix);
  await uploadReferenceWorkflows(account.apiKey);
  await seedCatalog(account.apiKey, [CAMDEN], [{ locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 10 }]);
  for (const [name, value] of Object.entries(settings)) {
    const stored = await settingsApi.put(account.apiKey, name, { value, retailerId: RETAILER });
    if (stored.status !== 200) throw new Error(`setting ${name} not stored: ${stored.raw}`);
  }
  return account;
};

/** Only Date moves on: timers, the event loop and the SDK's own clocks run as usual. */
const hoursLater = async <T>(hours: number, act: () => Promise<T>): Promise<T> => {
  jest.useFakeTimers({ now: Date.now() + hours * 3_600_000, doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  try {
    return await act();
  } finally {
    jest.useRealTimers();
  }
};

const teeAndMug = [
  { skuRef: 'TEE', qty: 3 },
  { skuRef: 'MUG', qty: 2 },
];

describe('partial allocation and waiting for stock, on DynamoDB Local', () => {
  it('with partial allocation on, allocates the line in stock and backorders the other', async () => {
    // Prepare
    const { apiKey } = await teesOnly('partial-on', { [PARTIAL_ALLOCATION]: true });

    // Act
    const created = await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));

    // Assess
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('AWAITING_STOCK');
    expect(created.body.fulfilments).toEqual([expect.objectContaining({ ref: 'O-1-F1', status: 'CREATED', locationRef: 'CAMDEN', lines: [{ skuRef: 'TEE', qty: 3 }] })]);
    expect(created.body.backorders).toEqual([{ ref: 'O-1-F2', status: 'AWAITING_STOCK', lines: [{ skuRef: 'MUG', qty: 2 }] }]);
    expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ reserved: 3 });
  });

  it('sources the backorder once stock arrives, closing it as SOURCED', async () => {
    // Prepare
    const { apiKey } = await teesOnly('partial-arrives', { [PARTIAL_ALLOCATION]: true });
    await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));
    expect((await catalogApi.putPosition(apiKey, 'CAMDEN', 'MUG', { onHand: 5 })).status).toBe(200);

    // Act
    const retried = await orderEventSync(apiKey, 'O-1', 'RETRY_SOURCING');

    // Assess
    expect(retried.body.status).toBe('SUCCESS');
    const order = (await api.getOrder(apiKey, 'O-1')).body;
    expect(order.status).toBe('ALLOCATED');
    expect(order.fulfilments).toEqual([
      expect.objectContaining({ ref: 'O-1-F1', lines: [{ skuRef: 'TEE', qty: 3 }] }),
      expect.objectContaining({ ref: 'O-1-F3', status: 'CREATED', locationRef: 'CAMDEN', lines: [{ skuRef: 'MUG', qty: 2 }] }),
    ]);
    expect(order.backorders).toEqual([{ ref: 'O-1-F2', status: 'SOURCED', lines: [{ skuRef: 'MUG', qty: 2 }] }]);
    expect(await positionOf(apiKey, 'MUG', 'CAMDEN')).toMatchObject({ onHand: 5, reserved: 2 });
  });

  it('with partial allocation off, keeps the order waiting whole, reserving nothing', async () => {
    // Prepare
    const { apiKey } = await teesOnly('partial-off');

    // Act
    const created = await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));

    // Assess
    expect(created.body).toMatchObject({ status: 'AWAITING_STOCK', fulfilments: [] });
    expect(created.body.backorders).toBeUndefined();
    expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ reserved: 0 });
  });

  it('cancels an order still waiting for stock when the auto-cancel hours have passed', async () => {
    // Prepare
    const { apiKey, accountId } = await teesOnly('auto-cancel', { [AWAITING_STOCK_AUTO_CANCEL_HOURS]: 1 });
    await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));
    // The queue runs each released event inline, so no SQS is needed.
    const inline: AccountOrchestration = {
      ...orchestrationOf(accountId),
      queue: {
        enqueue: async ({ event }) => void (await runEvent(event, inline)),
        enqueueAll: async (messages) => {
          for (const { event } of messages) await runEvent(event, inline);
        },
      },
    };
    // Other test files' accounts share DynamoDB Local: this sweep leaves their scheduled events alone.
    const untouched = (other: string): AccountOrchestration => ({ ...orchestrationOf(other), scheduled: { due: async () => [], remove: async () => undefined } });
    const sweep = () =>
      releaseScheduledEvents(
        { onAccountError: (_id, error) => { throw error; } },
        { controlPlane: controlPlane(), orchestrationOf: (id) => (id === accountId ? inline : untouched(id)), clock: { now: () => new Date() } },
      );

    // Act: the sweeper and the engine both read the clock, moved on past the wait's end and only then.
    const early = await sweep();
    const statusBefore = (await api.getOrder(apiKey, 'O-1')).body.status;
    const due = await hoursLater(1.1, sweep);

    // Assess
    expect(early.released).toBe(0);
    expect(statusBefore).toBe('AWAITING_STOCK');
    expect(due.released).toBe(1);
    expect((await api.getOrder(apiKey, 'O-1')).body.status).toBe('CANCELLED');
  });

  it('leaves a waiting order alone by default: no wait end is scheduled', async () => {
    // Prepare
    const { apiKey, accountId } = await teesOnly('auto-cancel-off');

    // Act
    await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));

    // Assess
    const due = await orchestrationOf(accountId).scheduled.due(new Date(Date.now() + 1_000 * 3_600_000).toISOString(), 10);
    expect(due).toEqual([]);
  });
});
