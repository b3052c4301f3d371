import { api as controlPlane, newAccount } from './control-plane-api';
import { orchestrationApi, twoStatusWorkflow } from './orchestration-api';
import { hdOrder, LONDON } from '../support/order-builder';
import { ordersApi as api, seedCatalog, uploadReferenceWorkflows } from './orders-api';

// Account creation (a new table) and seeding take seconds on DynamoDB Local.
jest.setTimeout(30_000);

const CAMDEN = { ref: 'CAMDEN', ...LONDON };

/** A key of the account scoped to one retailer. */
const scopedKey = async (adminKey: string, retailerId: string): Promise<string> => {
  const response = await controlPlane.createApiKey(adminKey, { role: 'INTEGRATION', retailerId });
  if (response.status !== 201) throw new Error(`key setup failed: ${response.raw}`);
  return response.body.apiKey as string;
};

/** An HD order of the retailer with lines of its own SKU and price, so its data is recognisable. */
const orderOf = (ref: string, retailerId: string, skuRef: string, unitPrice: number) => hdOrder(ref, [{ skuRef, qty: 1, unitPrice }], { retailerId });

/**
 * One account whose retailers r1 and r2 run the reference workflows on one catalogue, with an
 * unscoped ADMIN key and a key scoped to each retailer.
 */
const accountWithTwoRetailers = async (prefix: string) => {
  const account = await newAccount(prefix);
  for (const retailerId of ['r1', 'r2']) await uploadReferenceWorkflows(account.apiKey, retailerId);
  await seedCatalog(
    account.apiKey,
    [CAMDEN],
    [
      { locationRef: 'CAMDEN', skuRef: 'R1-TEE', onHand: 10 },
      { locationRef: 'CAMDEN', skuRef: 'R2-MUG', onHand: 10 },
    ],
  );
  return { admin: account.apiKey, r1: await scopedKey(account.apiKey, 'r1'), r2: await scopedKey(account.apiKey, 'r2') };
};

/** Both retailers have an order O-1: r1's of R1-TEE at 11.11, r2's of R2-MUG at 22.22. */
const sameRefForBoth = async (prefix: string) => {
  const keys = await accountWithTwoRetailers(prefix);
  const first = await api.createOrder(keys.r1, orderOf('O-1', 'r1', 'R1-TEE', 11.11));
  const second = await api.createOrder(keys.r2, orderOf('O-1', 'r2', 'R2-MUG', 22.22));
  return { keys, first, second };
};

describe('retailers of one account have their own order refs and event ids', () => {
  it('creates the same order ref for two retailers, both 201', async () => {
    // Act
    const { first, second } = await sameRefForBoth('ns-create');

    // Assess
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(first.body).toMatchObject({ ref: 'O-1', retailerId: 'r1', lines: [{ skuRef: 'R1-TEE', unitPrice: 11.11 }] });
    expect(second.body).toMatchObject({ ref: 'O-1', retailerId: 'r2', lines: [{ skuRef: 'R2-MUG', unitPrice: 22.22 }] });
  });

  it("shows each scoped key its own retailer's order of the shared ref", async () => {
    // Prepare
    const { keys } = await sameRefForBoth('ns-scoped-read');

    // Act
    const [mine, theirs] = [await api.getOrder(keys.r1, 'O-1'), await api.getOrder(keys.r2, 'O-1')];

    // Assess
    expect(mine.body).toMatchObject({ retailerId: 'r1', lines: [{ skuRef: 'R1-TEE' }] });
    expect(mine.raw).not.toContain('R2-MUG');
    expect(theirs.body).toMatchObject({ retailerId: 'r2', lines: [{ skuRef: 'R2-MUG' }] });
    expect(theirs.raw).not.toContain('R1-TEE');
  });

  it('answers a scoped key naming another retailer with 404', async () => {
    // Prepare
    const { keys } = await sameRefForBoth('ns-scoped-other');

    // Act
    const response = await api.getOrder(keys.r1, 'O-1', { retailerId: 'r2' });

    // Assess
    expect(response.status).toBe(404);
    expect(response.raw).not.toContain('R2-MUG');
  });

  it('answers the unscoped key 409 AMBIGUOUS_REF naming retailerId when it names no retailer', async () => {
    // Prepare
    const { keys } = await sameRefForBoth('ns-ambiguous');

    // Act
    const response = await api.getOrder(keys.admin, 'O-1');

    // Assess
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: { code: 'AMBIGUOUS_REF', message: expect.any(String), field: 'retailerId' },
      requestId: expect.any(String),
    });
  });

  it('answers the unscoped key the order of the retailer it names', async () => {
    // Prepare
    const { keys } = await sameRefForBoth('ns-named');

    // Act
    const response = await api.getOrder(keys.admin, 'O-1', { retailerId: 'r2' });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ retailerId: 'r2', lines: [{ skuRef: 'R2-MUG', unitPrice: 22.22 }] });
  });

  it('answers the unscoped key without retailerId while only one retailer has the ref', async () => {
    // Prepare
    const keys = await accountWithTwoRetailers('ns-single');
    await api.createOrder(keys.r2, orderOf('O-2', 'r2', 'R2-MUG', 22.22));

    // Act
    const response = await api.getOrder(keys.admin, 'O-2');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ref: 'O-2', retailerId: 'r2' });
  });

  it('resolves the retailer the same way for the transitions and the entity routes', async () => {
    // Prepare
    const { keys } = await sameRefForBoth('ns-other-routes');

    // Act
    const ambiguous = [await api.transitions(keys.admin, 'O-1'), await orchestrationApi.getEntity(keys.admin, 'ORDER', 'O-1')];
    const named = await orchestrationApi.getEntity(keys.admin, 'ORDER', 'O-1', { retailerId: 'r1' });
    const scoped = await api.transitions(keys.r2, 'O-1');

    // Assess
    expect(ambiguous.map((response) => [response.status, response.body.error?.code])).toEqual([
      [409, 'AMBIGUOUS_REF'],
      [409, 'AMBIGUOUS_REF'],
    ]);
    expect(named.body).toMatchObject({ retailerId: 'r1', ref: 'O-1' });
    expect(scoped.status).toBe(200);
  });

  it('runs the same event id posted by two retailers as two events, both processed', async () => {
    // Prepare
    const keys = await accountWithTwoRetailers('ns-event-ids');
    for (const retailerId of ['r1', 'r2']) await orchestrationApi.putWorkflow(keys.admin, 'ORDER', 'BASIC', { ...twoStatusWorkflow(retailerId), subtype: 'BASIC' });
    const create = (retailerId: string) => ({ id: 'same-id', name: 'CREATE', retailerId, entityType: 'ORDER', entitySubtype: 'BASIC', entityRef: 'E-1' });

    // Act
    const first = await orchestrationApi.postEventSync(keys.r1, create('r1'));
    const second = await orchestrationApi.postEventSync(keys.r2, create('r2'));

    // Assess
    expect([first.body.status, second.body.status]).toEqual(['SUCCESS', 'SUCCESS']);
    expect((await orchestrationApi.getEvent(keys.r1, 'same-id')).body).toMatchObject({ status: 'SUCCESS', retailerId: 'r1' });
    expect((await orchestrationApi.getEvent(keys.admin, 'same-id', { retailerId: 'r2' })).body).toMatchObject({
      status: 'SUCCESS',
      retailerId: 'r2',
    });
    expect((await orchestrationApi.getEvent(keys.admin, 'same-id')).body.error).toMatchObject({ code: 'AMBIGUOUS_REF', field: 'retailerId' });
  });

  it("re-drives the FAILED event of the retailer the unscoped key names, and asks it to name one when two share the id", async () => {
    // Prepare
    const keys = await accountWithTwoRetailers('ns-retry');
    await orchestrationApi.putWorkflow(keys.admin, 'ORDER', 'BASIC', { ...twoStatusWorkflow('r2'), subtype: 'BASIC' });
    const create = (retailerId: string) => ({ id: 'retry-id', name: 'CREATE', retailerId, entityType: 'ORDER', entitySubtype: 'BASIC', entityRef: 'E-3' });
    // r1 has no BASIC workflow: its CREATE fails; r2's succeeds.
    const failed = await orchestrationApi.postEventSync(keys.r1, create('r1'));
    await orchestrationApi.postEventSync(keys.r2, create('r2'));

    // Act
    const unnamed = await orchestrationApi.retryEvent(keys.admin, 'retry-id');
    const named = await orchestrationApi.retryEvent(keys.admin, 'retry-id', { retailerId: 'r1' });

    // Assess
    expect(failed.body.status).toBe('FAILED');
    expect([unnamed.status, unnamed.body.error?.code]).toEqual([409, 'AMBIGUOUS_REF']);
    expect([named.status, named.body]).toEqual([202, { eventId: 'retry-id', status: 'PENDING' }]);
  });

  it('still answers a second post of one event id by the same retailer as a duplicate', async () => {
    // Prepare
    const keys = await accountWithTwoRetailers('ns-event-dup');
    await orchestrationApi.putWorkflow(keys.admin, 'ORDER', 'BASIC', { ...twoStatusWorkflow('r1'), subtype: 'BASIC' });
    const create = { id: 'dup-id', name: 'CREATE', retailerId: 'r1', entityType: 'ORDER', entitySubtype: 'BASIC', entityRef: 'E-2' };
    await orchestrationApi.postEventSync(keys.r1, create);

    // Act
    const again = await orchestrationApi.postEventSync(keys.r1, create);

    // Assess
    expect(again.body.status).toBe('DUPLICATE');
  });
});

describe("a retailer's events never show another retailer's order", () => {
  /** r2 has order R2-ONLY; r1 has none of that ref. Returns what identifies r2's order. */
  const r2Order = async (prefix: string) => {
    const keys = await accountWithTwoRetailers(prefix);
    const created = await api.createOrder(keys.r2, orderOf('R2-ONLY', 'r2', 'R2-MUG', 22.22));
    if (created.status !== 201) throw new Error(`order setup failed: ${created.raw}`);
    const entity = await orchestrationApi.getEntity(keys.r2, 'ORDER', 'R2-ONLY');
    const fulfilments = (created.body.fulfilments as { ref: string }[]).map((fulfilment) => fulfilment.ref);
    if (!fulfilments.length) throw new Error(`order not sourced: ${created.raw}`);
    // Its line, price and entity id; events also must not show its fulfilments (they hold the reservation).
    const owned = ['R2-MUG', '22.22', entity.body.id as string];
    return { keys, owned, secrets: [...owned, ...fulfilments] };
  };
  const eventOn = (name: string) => ({ name, retailerId: 'r1', entityType: 'ORDER', entitySubtype: 'HD', entityRef: 'R2-ONLY' });

  it("answers r1's sync event naming r2's order ref NO_MATCH, without r2's entity", async () => {
    // Prepare
    const { keys, secrets } = await r2Order('ns-sync-leak');

    // Act
    const response = await orchestrationApi.postEventSync(keys.r1, eventOn('CANCEL'));

    // Assess
    expect(response.body).toMatchObject({ status: 'NO_MATCH', error: { code: 'ENTITY_NOT_FOUND' } });
    expect(response.body.entity).toBeUndefined();
    for (const secret of secrets) expect(response.raw).not.toContain(secret);
  });

  it("answers r1's dry run naming r2's order ref NO_MATCH, without r2's entity", async () => {
    // Prepare
    const { keys, secrets } = await r2Order('ns-dry-leak');

    // Act
    const response = await orchestrationApi.dryRun(keys.r1, eventOn('CANCEL'));

    // Assess
    expect(response.body).toMatchObject({ status: 'NO_MATCH' });
    expect(response.body.entity).toBeUndefined();
    for (const secret of secrets) expect(response.raw).not.toContain(secret);
  });

  it("lets r1 create an order of r2's ref without learning that r2 has one", async () => {
    // Prepare
    const { keys, owned } = await r2Order('ns-create-leak');

    // Act
    const response = await api.createOrder(keys.r1, orderOf('R2-ONLY', 'r1', 'R1-TEE', 11.11));

    // Assess
    // Fulfilment refs derive from the order ref, so r1's own order has fulfilments of the same refs.
    expect(response.status).toBe(201);
    for (const secret of owned) expect(response.raw).not.toContain(secret);
    expect((await api.getOrder(keys.r2, 'R2-ONLY')).body).toMatchObject({ retailerId: 'r2', lines: [{ skuRef: 'R2-MUG' }] });
  });
});
