import { streamedRecords } from '../support/change-stream';
import { accountChangesOf } from '../../shared/adapters/dynamodb/stream-changes';
import { accountTableName } from '../../shared/domain/accounts/account';
import { outboundEventsOf } from '../../shared/domain/outbound/change-events';
import { outboundContext } from '../support/account-changes';
import { hdOrder } from '../support/order-builder';
import { api as controlPlane, newAccount, scanTable } from './control-plane-api';
import { fulfilmentEvent, ordersApi, positionOf, RETAILER, seedCatalog, type SeedLocation } from './orders-api';
import { retailersApi } from './retailers-api';
import { returnEventSync, returnsApi } from './returns-api';

jest.setTimeout(30_000);

// Camden ships the order; returns come back to Croydon, which stocks T-shirts but has never stocked caps.
const CAMDEN: SeedLocation = { ref: 'CAMDEN', lat: 51.539, lon: -0.1426 };
const CROYDON: SeedLocation = { ref: 'CROYDON', lat: 51.3762, lon: -0.0982 };

/**
 * A registered retailer (reference workflows, the return workflow among them) whose order O-1 of
 * 2 TEE (L1, 12.50 GBP) and 1 CAP (L2, 8 GBP) was shipped from Camden.
 */
const shippedOrder = async (prefix: string) => {
  const account = await newAccount(prefix, { retailers: ['someone-else'] });
  const registered = await retailersApi.putRetailer(account.apiKey, RETAILER, { name: 'Shop' });
  if (registered.status !== 201) throw new Error(`retailer not registered: ${registered.raw}`);
  await seedCatalog(
    account.apiKey,
    [CAMDEN, CROYDON],
    [
      { locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 10 },
      { locationRef: 'CAMDEN', skuRef: 'CAP', onHand: 10 },
      { locationRef: 'CROYDON', skuRef: 'TEE', onHand: 4 },
    ],
  );
  const created = await ordersApi.createOrder(
    account.apiKey,
    hdOrder('O-1', [
      { skuRef: 'TEE', qty: 2, unitPrice: 12.5 },
      { skuRef: 'CAP', qty: 1, unitPrice: 8 },
    ]),
  );
  const [fulfilment] = created.body.fulfilments as { ref: string; locationRef: string }[];
  if (created.status !== 201 || fulfilment?.locationRef !== 'CAMDEN') throw new Error(`order not placed at Camden: ${created.raw}`);
  for (const name of ['PICKED', 'PACKED', 'SHIPPED']) {
    const moved = await fulfilmentEvent(account.apiKey, 'O-1', fulfilment.ref, name);
    if (moved.body.status !== 'SUCCESS') throw new Error(`${name} failed: ${moved.raw}`);
  }
  return account;
};

/** Opens return R-1 of these lines to Croydon and authorises it. */
const authorisedReturn = async (apiKey: string, lines: { lineRef: string; qty: number }[]) => {
  const opened = await returnsApi.createReturn(apiKey, {
    ref: 'R-1',
    orderRef: 'O-1',
    returnLocationRef: 'CROYDON',
    lines: lines.map((line) => ({ ...line, reason: 'changed my mind' })),
  });
  if (opened.status !== 201) throw new Error(`return not opened: ${opened.raw}`);
  const authorised = await returnEventSync(apiKey, 'R-1', 'AUTHORISE');
  if (authorised.body.status !== 'SUCCESS') throw new Error(`AUTHORISE failed: ${authorised.raw}`);
};

const receive = (apiKey: string, conditions: Record<string, 'RESALEABLE' | 'DAMAGED'>) =>
  returnEventSync(apiKey, 'R-1', 'RECEIVE', { lines: Object.entries(conditions).map(([lineRef, condition]) => ({ lineRef, condition })) });

/** The refs of the returns noted against an order in the account's table. */
const returnNotes = async (accountId: string) =>
  (await scanTable(accountTableName('sandbox', accountId)))
    .filter((item) => item.PK?.S?.startsWith('RETURNS#'))
    .map((item) => item.returnRef?.S);

describe('returns', () => {
  it('puts a unit returned RESALEABLE back on hand at the return location', async () => {
    // Prepare
    const { apiKey } = await shippedOrder('ret-resale');
    await authorisedReturn(apiKey, [{ lineRef: 'L1', qty: 1 }]);

    // Act
    const received = await receive(apiKey, { L1: 'RESALEABLE' });

    // Assess
    expect(received.body.status).toBe('SUCCESS');
    expect(await positionOf(apiKey, 'TEE', 'CROYDON')).toMatchObject({ onHand: 5, available: 5 });
    expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ onHand: 8 });
  });

  it('completes the return with each condition and the refundable amount, and lists it on its order', async () => {
    // Prepare
    const { apiKey } = await shippedOrder('ret-view');
    await authorisedReturn(apiKey, [
      { lineRef: 'L1', qty: 2 },
      { lineRef: 'L2', qty: 1 },
    ]);

    // Act
    await receive(apiKey, { L1: 'RESALEABLE', L2: 'DAMAGED' });
    const read = await returnsApi.getReturn(apiKey, 'R-1');
    const order = await ordersApi.getOrder(apiKey, 'O-1');

    // Assess
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      ref: 'R-1',
      orderRef: 'O-1',
      status: 'COMPLETE',
      refundableAmount: 33,
      currency: 'GBP',
      lines: [expect.objectContaining({ lineRef: 'L1', qty: 2, condition: 'RESALEABLE' }), expect.objectContaining({ lineRef: 'L2', qty: 1, condition: 'DAMAGED' })],
    });
    expect(order.body.returns).toEqual([{ ref: 'R-1', status: 'COMPLETE' }]);
  });

  it('sends return.received, once, from the commit of the RECEIVE, with the refundable amount', async () => {
    // Prepare
    const { apiKey, accountId } = await shippedOrder('ret-sent');
    await authorisedReturn(apiKey, [{ lineRef: 'L2', qty: 1 }]);
    await receive(apiKey, { L2: 'DAMAGED' });
    const context = { ...outboundContext(), accountId };

    // Act
    const changes = accountChangesOf(await streamedRecords(accountTableName('sandbox', accountId)));
    const sent = (await Promise.all(changes.map((change) => outboundEventsOf(change, context)))).flat();

    // Assess
    expect(sent.filter((event) => event.type === 'return.received')).toEqual([
      expect.objectContaining({
        retailerId: RETAILER,
        status: { from: 'AUTHORISED', to: 'RECEIVED' },
        data: { return: expect.objectContaining({ ref: 'R-1', orderRef: 'O-1', refundableAmount: 8, currency: 'GBP' }) },
        toBus: true,
        toWebhooks: true,
      }),
    ]);
  });

  it('leaves the stock as it was for a unit returned DAMAGED', async () => {
    // Prepare
    const { apiKey } = await shippedOrder('ret-damaged');
    await authorisedReturn(apiKey, [{ lineRef: 'L1', qty: 1 }]);

    // Act
    await receive(apiKey, { L1: 'DAMAGED' });

    // Assess
    expect(await positionOf(apiKey, 'TEE', 'CROYDON')).toMatchObject({ onHand: 4, available: 4 });
  });

  it('makes the position of a SKU the return location never stocked, with the units returned', async () => {
    // Prepare
    const { apiKey } = await shippedOrder('ret-newpos');
    await authorisedReturn(apiKey, [{ lineRef: 'L2', qty: 1 }]);

    // Act
    await receive(apiKey, { L2: 'RESALEABLE' });

    // Assess
    expect(await positionOf(apiKey, 'CAP', 'CROYDON')).toEqual({
      skuRef: 'CAP',
      locationRef: 'CROYDON',
      onHand: 1,
      reserved: 0,
      safetyStock: 0,
      available: 1,
      updatedOn: expect.any(String),
    });
  });

  it('refuses to return more than was shipped with 400 naming the line, and writes nothing', async () => {
    // Prepare
    const { apiKey, accountId } = await shippedOrder('ret-over');

    // Act
    const refused = await returnsApi.createReturn(apiKey, {
      ref: 'R-9',
      orderRef: 'O-1',
      returnLocationRef: 'CROYDON',
      lines: [{ lineRef: 'L2', qty: 2, reason: 'two broken' }],
    });

    // Assess
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lines[0].qty', message: expect.stringContaining('line L2 can return at most 1') });
    expect((await returnsApi.getReturn(apiKey, 'R-9')).status).toBe(404);
    expect(await returnNotes(accountId)).toEqual([]);
  });

  it("answers 404 to a key scoped to another retailer, opening or reading, and writes nothing", async () => {
    // Prepare
    const { apiKey, accountId } = await shippedOrder('ret-scope');
    await authorisedReturn(apiKey, [{ lineRef: 'L1', qty: 1 }]);
    const other = (await controlPlane.createApiKey(apiKey, { role: 'INTEGRATION', retailerId: 'someone-else' })).body.apiKey as string;

    // Act
    const opened = await returnsApi.createReturn(other, { ref: 'R-2', orderRef: 'O-1', returnLocationRef: 'CROYDON', lines: [{ lineRef: 'L2', qty: 1, reason: 'x' }] });
    const read = await returnsApi.getReturn(other, 'R-1');

    // Assess
    expect([opened.status, read.status]).toEqual([404, 404]);
    expect(await returnNotes(accountId)).toEqual(['R-1']);
  });
});
