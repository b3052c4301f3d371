import { seededRandom } from '../../scripts/seeded-random';
import { orchestrationApi } from '../integration/orchestration-api';
import { ordersApi, RETAILER as SHOP, seedCatalog, uploadReferenceWorkflows, type SeedLocation } from '../integration/orders-api';
import { hdOrder } from '../support/order-builder';
import type { ChaosAccount, Post } from './workload';

/** Near the HD delivery point the order builder uses (London): both are candidates for every order. */
const LOCATIONS: SeedLocation[] = [
  { ref: 'CAMDEN', lat: 51.539, lon: -0.1426 },
  { ref: 'CROYDON', lat: 51.3762, lon: -0.0982 },
];
const SKUS = ['TEE', 'MUG', 'CAP'];
/**
 * Units on hand at each position: about half what the account's orders ask of each SKU (an order asks about one unit
 * of each, across two locations), so stock runs short at every size and some orders wait in AWAITING_STOCK until a
 * recount (a unit more at a third of the positions, restocks.ts) or a release lets the position workflow source them.
 */
export const onHandFor = (orders: number, accounts: number): number => Math.max(1, Math.round(orders / Math.max(1, accounts) / 4));

/** Every position the shop stocks: each SKU at each location. */
export const STOCKED_POSITIONS = LOCATIONS.flatMap(({ ref }) => SKUS.map((skuRef) => ({ locationRef: ref, skuRef })));

/** The fulfilment events of the reference HD workflow, in order, that take a fulfilment to SHIPPED. */
const SHIPPING = ['PICKED', 'PACKED', 'SHIPPED'] as const;
/** Waves between an order's CREATE and its first fulfilment event, so the fulfilment exists by then (mostly). */
const FULFILMENT_LAG = 3;

/** The reference order workflows and a small catalogue for the account's order retailer. */
export const stockShop = async (account: ChaosAccount, onHand: number): Promise<void> => {
  await uploadReferenceWorkflows(account.apiKey);
  await seedCatalog(
    account.apiKey,
    LOCATIONS,
    STOCKED_POSITIONS.map((position) => ({ ...position, onHand })),
  );
};

const createPost = (account: ChaosAccount, ref: string, lines: { skuRef: string; qty: number }[]): Post => ({
  account,
  id: `order:${ref}:create`,
  kind: 'order',
  send: () => ordersApi.createOrder(account.apiKey, hdOrder(ref, lines), 'async'),
});

/** The order's CANCEL (reference HD workflow): before shipping it releases every reservation the order's fulfilments hold. */
const cancelPost = (account: ChaosAccount, ref: string): Post => {
  const id = `${ref}.CANCEL`;
  return {
    account,
    id,
    kind: 'cancel',
    send: () =>
      orchestrationApi.postEvent(account.apiKey, {
        id,
        name: 'CANCEL',
        retailerId: SHOP,
        entityType: 'ORDER',
        entitySubtype: 'HD',
        entityRef: ref,
        rootEntityType: 'ORDER',
        rootEntityRef: ref,
      }),
  };
};

const fulfilmentPost = (account: ChaosAccount, ref: string, name: string): Post => {
  const fulfilmentRef = `${ref}-F1`;
  const id = `${fulfilmentRef}.${name}`;
  return {
    account,
    id,
    kind: 'fulfilment',
    send: () =>
      orchestrationApi.postEvent(account.apiKey, {
        id,
        name,
        retailerId: SHOP,
        entityType: 'FULFILMENT',
        entitySubtype: 'HD',
        entityRef: fulfilmentRef,
        rootEntityType: 'ORDER',
        rootEntityRef: ref,
      }),
  };
};

/** Orders of one account created together: one commits its reservation while the next still reads the summary. */
const BURST = 4;

/**
 * The wave of the n-th order: orders come in bursts of BURST per account, the bursts spread evenly over the waves,
 * so a reservation is often decided on an availability summary that has not caught up yet (only the position's
 * condition then refuses it).
 */
const burstWave = (n: number, accounts: number, orders: number, waves: number): number => {
  const bursts = Math.ceil(orders / (accounts * BURST));
  return Math.floor((Math.floor(n / (accounts * BURST)) * Math.max(1, waves)) / bursts);
};

/**
 * Orders of one or two lines, created through POST /v1/orders (async: queued), in bursts (burstWave); a wave
 * FULFILMENT_LAG later, half of them start shipping (one fulfilment event a wave), and half of the others are
 * cancelled a wave after that (once they reserved, or while they wait for stock).
 */
export const orderWaves = (accounts: ChaosAccount[], orders: number, waves: number, seed: number): Post[][] => {
  const draw = seededRandom(seed);
  const planned: Post[][] = Array.from({ length: waves + FULFILMENT_LAG + SHIPPING.length }, () => []);
  for (let n = 0; n < orders; n++) {
    const account = accounts[n % accounts.length];
    const ref = `${account.accountId}.S${n}`;
    const skus = SKUS.filter(() => draw() < 0.5);
    const lines = (skus.length ? skus : [SKUS[n % SKUS.length]]).slice(0, 2).map((skuRef) => ({ skuRef, qty: 1 + Math.floor(draw() * 3) }));
    const wave = burstWave(n, accounts.length, orders, waves);
    planned[wave].push(createPost(account, ref, lines));
    const ships = draw() < 0.5;
    if (ships) for (const [i, name] of SHIPPING.entries()) planned[wave + FULFILMENT_LAG + i].push(fulfilmentPost(account, ref, name));
    else if (draw() < 0.5) planned[wave + FULFILMENT_LAG + 1].push(cancelPost(account, ref));
  }
  return planned;
};
