import { DEMO_RETAILER, demoSkus } from '../local-stack/demo-catalog';
import { fulfilmentEvent } from '../local-stack/demo-orders';
import type { LoadClient } from './load-client';

/** A number in [0, 1), seeded (scripts/seeded-random.ts) so a run's mix can be made again. */
export type Random = () => number;

/** What the load has made so far, for the requests that follow up on it. */
export interface LoadState {
  runId: string;
  orders: number;
  /**
   * Orders placed in sync mode, for reads. An async order answers 404 until its CREATE event has run, so it is read
   * only once the load stops (stock-invariants.ts).
   */
  placed: string[];
  /** Orders placed in async mode, checked once the load stops. */
  queued: string[];
  /** Fulfilments of sync orders, with the next event each is due. */
  fulfilments: { orderRef: string; ref: string; next: number }[];
  /** SKUs the load ordered, whose positions are checked once it stops. */
  skus: Set<string>;
  /** Fulfilment events the engine did not answer SUCCESS. */
  eventsNotApplied: number;
}

export const FULFILMENT_STEPS = ['PICKED', 'PACKED', 'SHIPPED'] as const;

/** Each kind of request, the statuses that count as answered, and its share of the mix. */
export interface LoadKind {
  name: string;
  weight: number;
  expected: number[];
  run(client: LoadClient, state: LoadState, random: Random): Promise<void>;
}

/** Somewhere in Great Britain, where the demo locations are. */
const deliveryPoint = (random: Random) => ({ lat: 50.5 + random() * 4.5, lon: -3.5 + random() * 4 });

const lines = (random: Random, state: LoadState) => {
  const count = 1 + Math.floor(random() * 3);
  const skus = new Set(Array.from({ length: count }, () => demoSkus[Math.floor(random() * demoSkus.length)]));
  for (const skuRef of skus) state.skus.add(skuRef);
  return [...skus].map((skuRef) => ({ skuRef, qty: 1, unitPrice: 9.99, currency: 'GBP' }));
};

const order = (random: Random, state: LoadState) => {
  const ref = `LOAD-${state.runId}-${++state.orders}`;
  const point = deliveryPoint(random);
  return {
    ref,
    retailerId: DEMO_RETAILER,
    type: 'HD',
    customer: { name: 'Load Test', email: 'load@example.com' },
    deliveryAddress: { line1: '1 Test Street', city: 'Testing', postcode: 'T1 1TT', country: 'GB', ...point },
    lines: lines(random, state),
  };
};

const availability: LoadKind = {
  name: 'availability',
  weight: 30,
  expected: [200],
  run: async (client, state, random) => {
    const body = { retailerId: DEMO_RETAILER, type: 'HD', lines: lines(random, state).map(({ skuRef, qty }) => ({ skuRef, qty })), deliveryPoint: deliveryPoint(random), maxSplit: 2 };
    await client.call('availability', 'POST', '/v1/availability', body);
  },
};

const syncOrder: LoadKind = {
  name: 'order (sync)',
  weight: 15,
  expected: [201],
  run: async (client, state, random) => {
    const body = order(random, state);
    const reply = await client.call('order (sync)', 'POST', '/v1/orders?mode=sync', body);
    if (reply.status !== 201) return;
    state.placed.push(body.ref);
    for (const fulfilment of (reply.body.fulfilments as { ref: string }[] | undefined) ?? []) state.fulfilments.push({ orderRef: body.ref, ref: fulfilment.ref, next: 0 });
  },
};

const asyncOrder: LoadKind = {
  name: 'order (async)',
  weight: 10,
  expected: [201, 202],
  run: async (client, state, random) => {
    const body = order(random, state);
    const reply = await client.call('order (async)', 'POST', '/v1/orders', body);
    if (reply.status === 201 || reply.status === 202) state.queued.push(body.ref);
  },
};

const orderRead: LoadKind = {
  name: 'order read',
  weight: 20,
  expected: [200],
  run: async (client, state, random) => {
    if (state.placed.length === 0) return availability.run(client, state, random);
    const ref = state.placed[Math.floor(random() * state.placed.length)];
    await client.call('order read', 'GET', `/v1/orders/${encodeURIComponent(ref)}`);
  },
};

/** The next step of a sync order's fulfilment: PICKED, PACKED, then SHIPPED, each as a sync event. */
const fulfilmentStep: LoadKind = {
  name: 'fulfilment event',
  weight: 25,
  expected: [200],
  run: async (client, state, random) => {
    const fulfilment = state.fulfilments.shift();
    if (!fulfilment) return availability.run(client, state, random);
    const name = FULFILMENT_STEPS[fulfilment.next];
    const reply = await client.call('fulfilment event', 'POST', '/v1/events/sync', fulfilmentEvent(fulfilment.orderRef, fulfilment.ref, name));
    if (reply.status === 200 && reply.body.status !== 'SUCCESS') state.eventsNotApplied += 1;
    if (fulfilment.next + 1 < FULFILMENT_STEPS.length) state.fulfilments.push({ ...fulfilment, next: fulfilment.next + 1 });
  },
};

export const LOAD_MIX: LoadKind[] = [availability, syncOrder, asyncOrder, orderRead, fulfilmentStep];

/** A kind drawn by weight. */
export const drawKind = (random: Random, mix: LoadKind[] = LOAD_MIX): LoadKind => {
  let point = random() * mix.reduce((sum, kind) => sum + kind.weight, 0);
  for (const kind of mix) {
    point -= kind.weight;
    if (point < 0) return kind;
  }
  return mix[mix.length - 1];
};
