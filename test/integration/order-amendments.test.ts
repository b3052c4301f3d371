import { hdOrder } from '../support/order-builder';
import { newAccount } from './control-plane-api';
import {
  fulfilmentEvent,
  orderAmendment,
  orderEventSync,
  ordersApi as api,
  positionOf,
  seedCatalog,
  uploadReferenceWorkflows,
  type SeedLocation,
} from './orders-api';

jest.setTimeout(30_000);

// Around London (the HD delivery point is 51.5074, -0.1278): Camden ≈ 3.7 km, Croydon ≈ 14.7 km.
const CAMDEN: SeedLocation = { ref: 'CAMDEN', lat: 51.539, lon: -0.1426 };
const CROYDON: SeedLocation = { ref: 'CROYDON', lat: 51.3762, lon: -0.0982 };
const croydonAddress = { line1: '1 Surrey Street', city: 'Croydon', postcode: 'CR0 1RG', country: 'GB', lat: 51.372, lon: -0.1 };

const shop = async (prefix: string, locations: SeedLocation[], stock: Parameters<typeof seedCatalog>[2]) => {
  const account = await newAccount(prefix);
  await uploadReferenceWorkflows(account.apiKey);
  await seedCatalog(account.apiKey, locations, stock);
  return account;
};

/** Camden and Croydon both stock T-shirts and mugs; London orders go to Camden, the nearer. */
const twoStores = (prefix: string) =>
  shop(
    prefix,
    [CAMDEN, CROYDON],
    [
      { locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 10 },
      { locationRef: 'CAMDEN', skuRef: 'MUG', onHand: 10 },
      { locationRef: 'CROYDON', skuRef: 'TEE', onHand: 10 },
      { locationRef: 'CROYDON', skuRef: 'MUG', onHand: 10 },
    ],
  );

const teeAndMug = [
  { skuRef: 'TEE', qty: 3 },
  { skuRef: 'MUG', qty: 2 },
];

const outcomeOf = async (response: ReturnType<typeof orderAmendment>) => {
  const { status, body } = await response;
  expect(status).toBe(200);
  return { status: body.status as string, error: body.error as { code: string; message: string } | undefined };
};

const ship = async (apiKey: string, orderRef: string, fulfilmentRef: string) => {
  for (const name of ['PICKED', 'PACKED', 'SHIPPED']) expect((await fulfilmentEvent(apiKey, orderRef, fulfilmentRef, name)).body.status).toBe('SUCCESS');
};

const orderOf = async (apiKey: string, ref: string) => (await api.getOrder(apiKey, ref)).body;

describe('order amendments over the API, on DynamoDB Local', () => {
  describe('CANCEL_LINES', () => {
    it('reduces a line, shrinks its fulfilment and releases the cancelled units', async () => {
      // Prepare
      const { apiKey } = await twoStores('cancel-lines-reduce');
      await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));

      // Act
      const outcome = await outcomeOf(orderAmendment(apiKey, 'O-1', 'CANCEL_LINES', { lines: [{ lineRef: 'L1', qty: 2 }] }));

      // Assess
      expect(outcome).toEqual({ status: 'SUCCESS', error: undefined });
      const order = await orderOf(apiKey, 'O-1');
      expect(order.status).toBe('ALLOCATED');
      expect(order.lines[0]).toMatchObject({ lineRef: 'L1', skuRef: 'TEE', qty: 1, cancelledQty: 2 });
      expect(order.fulfilments).toEqual([
        expect.objectContaining({ ref: 'O-1-F1', status: 'CREATED', lines: [{ skuRef: 'TEE', qty: 1 }, { skuRef: 'MUG', qty: 2 }] }),
      ]);
      expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ onHand: 10, reserved: 1 });
    });

    it('cancels the order when every unit is cancelled, releasing everything', async () => {
      // Prepare
      const { apiKey } = await twoStores('cancel-lines-all');
      await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));

      // Act
      const outcome = await outcomeOf(
        orderAmendment(apiKey, 'O-1', 'CANCEL_LINES', { lines: [{ lineRef: 'L1', qty: 3 }, { lineRef: 'L2', qty: 2 }] }),
      );

      // Assess
      expect(outcome.status).toBe('SUCCESS');
      const order = await orderOf(apiKey, 'O-1');
      expect(order.status).toBe('CANCELLED');
      expect(order.fulfilments.map((f: { status: string }) => f.status)).toEqual(['CANCELLED']);
      expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ reserved: 0 });
      expect(await positionOf(apiKey, 'MUG', 'CAMDEN')).toMatchObject({ reserved: 0 });
    });

    it('fails the event naming the line when the order has no such line, and changes nothing', async () => {
      // Prepare
      const { apiKey } = await twoStores('cancel-lines-unknown');
      await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));
      const before = await orderOf(apiKey, 'O-1');

      // Act
      const outcome = await outcomeOf(orderAmendment(apiKey, 'O-1', 'CANCEL_LINES', { lines: [{ lineRef: 'L9', qty: 1 }] }));

      // Assess
      expect(outcome.status).toBe('FAILED');
      expect(outcome.error).toMatchObject({ code: 'INVALID_CANCEL_LINES', message: expect.stringContaining('attributes.lines[0].lineRef') });
      expect(await orderOf(apiKey, 'O-1')).toEqual(before);
      expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ reserved: 3 });
    });

    it('answers NO_MATCH to CANCEL_LINES once the order is complete, which stays COMPLETE', async () => {
      // Prepare
      const { apiKey } = await twoStores('cancel-lines-shipped');
      await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));
      await ship(apiKey, 'O-1', 'O-1-F1');

      // Act
      const outcome = await outcomeOf(orderAmendment(apiKey, 'O-1', 'CANCEL_LINES', { lines: [{ lineRef: 'L2', qty: 1 }] }));

      // Assess
      expect(outcome.status).toBe('NO_MATCH');
      expect((await orderOf(apiKey, 'O-1')).status).toBe('COMPLETE');
    });

    it('refuses to cancel more units than a picked-and-shipped split left cancellable, naming the line', async () => {
      // Prepare: Camden has no mugs, so the order splits; the T-shirts ship first.
      const { apiKey } = await shop(
        'cancel-lines-split',
        [CAMDEN, CROYDON],
        [
          { locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 10 },
          { locationRef: 'CROYDON', skuRef: 'MUG', onHand: 10 },
        ],
      );
      await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));
      await ship(apiKey, 'O-1', 'O-1-F1');

      // Act
      const outcome = await outcomeOf(orderAmendment(apiKey, 'O-1', 'CANCEL_LINES', { lines: [{ lineRef: 'L1', qty: 1 }] }));

      // Assess
      expect(outcome.status).toBe('FAILED');
      expect(outcome.error?.message).toContain('attributes.lines[0].qty');
      expect((await orderOf(apiKey, 'O-1')).lines[0]).toMatchObject({ lineRef: 'L1', qty: 3 });
    });

    it('allocates an order waiting for stock once the line nobody could supply is cancelled', async () => {
      // Prepare
      const { apiKey } = await shop('cancel-lines-waiting', [CAMDEN], [{ locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 10 }]);
      const created = await api.createOrder(apiKey, hdOrder('O-1', [{ skuRef: 'TEE', qty: 1 }, { skuRef: 'GHOST', qty: 1 }]));
      expect(created.body.status).toBe('AWAITING_STOCK');

      // Act
      await outcomeOf(orderAmendment(apiKey, 'O-1', 'CANCEL_LINES', { lines: [{ lineRef: 'L2', qty: 1 }] }));

      // Assess
      const order = await orderOf(apiKey, 'O-1');
      expect(order.status).toBe('ALLOCATED');
      expect(order.fulfilments).toEqual([expect.objectContaining({ locationRef: 'CAMDEN', lines: [{ skuRef: 'TEE', qty: 1 }] })]);
    });
  });

  describe('CHANGE_ADDRESS', () => {
    it('re-sources from the location nearest the new address, releasing the old reservation', async () => {
      // Prepare
      const { apiKey } = await twoStores('address-resource');
      await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));

      // Act
      const outcome = await outcomeOf(orderAmendment(apiKey, 'O-1', 'CHANGE_ADDRESS', { deliveryAddress: croydonAddress }));

      // Assess
      expect(outcome.status).toBe('SUCCESS');
      const order = await orderOf(apiKey, 'O-1');
      expect(order.status).toBe('ALLOCATED');
      expect(order.deliveryAddress).toMatchObject({ city: 'Croydon', postcode: 'CR0 1RG' });
      expect(order.fulfilments).toEqual([
        expect.objectContaining({ ref: 'O-1-F1', status: 'CANCELLED', locationRef: 'CAMDEN' }),
        expect.objectContaining({ ref: 'O-1-F2', status: 'CREATED', locationRef: 'CROYDON' }),
      ]);
      expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ reserved: 0 });
      expect(await positionOf(apiKey, 'TEE', 'CROYDON')).toMatchObject({ reserved: 3 });
    });

    it('keeps the fulfilment when the best plan from the new address is the same', async () => {
      // Prepare
      const { apiKey } = await twoStores('address-same-plan');
      await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));
      const nearCamden = { ...croydonAddress, city: 'London', postcode: 'NW1 7AA', lat: 51.54, lon: -0.14 };

      // Act
      await outcomeOf(orderAmendment(apiKey, 'O-1', 'CHANGE_ADDRESS', { deliveryAddress: nearCamden }));

      // Assess
      const order = await orderOf(apiKey, 'O-1');
      expect(order.deliveryAddress).toMatchObject({ postcode: 'NW1 7AA' });
      expect(order.fulfilments).toEqual([expect.objectContaining({ ref: 'O-1-F1', status: 'CREATED', locationRef: 'CAMDEN' })]);
      expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ reserved: 3 });
    });

    it('refuses a new address once a fulfilment is picked, and keeps the old one', async () => {
      // Prepare
      const { apiKey } = await twoStores('address-locked');
      await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));
      await fulfilmentEvent(apiKey, 'O-1', 'O-1-F1', 'PICKED');

      // Act
      const outcome = await outcomeOf(orderAmendment(apiKey, 'O-1', 'CHANGE_ADDRESS', { deliveryAddress: croydonAddress }));

      // Assess
      expect(outcome).toMatchObject({ status: 'FAILED', error: { code: 'ADDRESS_LOCKED' } });
      expect((await orderOf(apiKey, 'O-1')).deliveryAddress).toMatchObject({ city: 'London' });
    });
  });

  describe('FULFILMENT CANCEL', () => {
    it('sends the lines back to the order, which re-sources them at another location', async () => {
      // Prepare
      const { apiKey } = await twoStores('fulfilment-cancel');
      await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));

      // Act
      await fulfilmentEvent(apiKey, 'O-1', 'O-1-F1', 'CANCEL');

      // Assess
      const order = await orderOf(apiKey, 'O-1');
      expect(order.status).toBe('ALLOCATED');
      expect(order.fulfilments).toEqual([
        expect.objectContaining({ ref: 'O-1-F1', status: 'CANCELLED', locationRef: 'CAMDEN' }),
        expect.objectContaining({ ref: 'O-1-F2', status: 'CREATED', locationRef: 'CROYDON', lines: [{ skuRef: 'TEE', qty: 3 }, { skuRef: 'MUG', qty: 2 }] }),
      ]);
      expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ reserved: 0 });
      expect(await positionOf(apiKey, 'MUG', 'CROYDON')).toMatchObject({ reserved: 2 });
    });

    it('parks the order in AWAITING_STOCK when no other location has the lines', async () => {
      // Prepare
      const { apiKey } = await shop('fulfilment-cancel-nowhere', [CAMDEN], [{ locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 10 }]);
      await api.createOrder(apiKey, hdOrder('O-1', [{ skuRef: 'TEE', qty: 1 }]));

      // Act
      await fulfilmentEvent(apiKey, 'O-1', 'O-1-F1', 'CANCEL');

      // Assess
      expect((await orderOf(apiKey, 'O-1')).status).toBe('AWAITING_STOCK');
      expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ reserved: 0 });
    });
  });

  describe('order CANCEL', () => {
    it('cancels only the unshipped fulfilment of a split order, which ends PARTIALLY_CANCELLED', async () => {
      // Prepare: Camden has no mugs, so the order splits; the T-shirts ship.
      const { apiKey } = await shop(
        'cancel-partly',
        [CAMDEN, CROYDON],
        [
          { locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 10 },
          { locationRef: 'CROYDON', skuRef: 'MUG', onHand: 10 },
        ],
      );
      await api.createOrder(apiKey, hdOrder('O-1', teeAndMug));
      await ship(apiKey, 'O-1', 'O-1-F1');

      // Act
      const outcome = await outcomeOf(orderEventSync(apiKey, 'O-1', 'CANCEL'));

      // Assess
      expect(outcome.status).toBe('SUCCESS');
      const order = await orderOf(apiKey, 'O-1');
      expect(order.status).toBe('PARTIALLY_CANCELLED');
      expect(order.fulfilments.map((f: { status: string }) => f.status)).toEqual(['SHIPPED', 'CANCELLED']);
      expect(order.lines).toEqual([
        expect.objectContaining({ lineRef: 'L1', qty: 3 }),
        expect.objectContaining({ lineRef: 'L2', qty: 0, cancelledQty: 2 }),
      ]);
      expect(await positionOf(apiKey, 'MUG', 'CROYDON')).toMatchObject({ onHand: 10, reserved: 0 });
      expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ onHand: 7, reserved: 0 });
    });
  });
});
