import { ConflictError, NotFoundError, OrderNotAcceptedError, ValidationError } from '../../../../shared/domain/domain-errors';
import { createReturn } from '../../../../shared/domain/returns/create-return';
import type { ReturnInput } from '../../../../shared/domain/returns/return-input';
import { referenceReturnWorkflow } from '../../../../shared/domain/returns/reference-workflows/return-reference-workflow';
import { inMemoryOrchestration } from '../../../support/orchestration';
import { InMemoryOrderReturns, ORDER_RETAILER, orderWithFulfilments } from '../../../support/returns';

/** An account whose order O-1 has fulfilments in these statuses, and the reference return workflow unless told not to. */
const accountWith = (fulfilmentStatuses: string[], withWorkflow = true) => {
  const account = inMemoryOrchestration('acme', { workflows: withWorkflow ? [referenceReturnWorkflow(ORDER_RETAILER)] : [] });
  for (const entity of orderWithFulfilments(fulfilmentStatuses)) account.store.putEntity(entity);
  return { ...account, orderReturns: new InMemoryOrderReturns() };
};

const aReturn = (overrides: Partial<ReturnInput> = {}): ReturnInput => ({
  ref: 'R-1',
  orderRef: 'O-1',
  returnLocationRef: 'DC-1',
  lines: [{ lineRef: 'L1', qty: 1, reason: 'too small' }],
  ...overrides,
});

const unscoped = {};

describe('createReturn', () => {
  it('opens a return in CREATED, its lines priced from the order, and notes it against the order', async () => {
    // Prepare
    const account = accountWith(['SHIPPED']);

    // Act
    const result = await createReturn(aReturn(), unscoped, account);

    // Assess
    expect(result).toMatchObject({
      outcome: 'CREATED',
      return: {
        ref: 'R-1',
        retailerId: ORDER_RETAILER,
        orderRef: 'O-1',
        status: 'CREATED',
        currency: 'GBP',
        lines: [{ lineRef: 'L1', skuRef: 'TEE', qty: 1, reason: 'too small', unitPrice: 12.5, currency: 'GBP' }],
      },
    });
    expect(await account.orderReturns.list(ORDER_RETAILER, 'O-1')).toEqual(['R-1']);
  });

  it('refuses to take back more than shipped with a 400 naming the line and what it may return, writing nothing', async () => {
    // Prepare
    const account = accountWith(['SHIPPED']);

    // Act
    const attempt = createReturn(aReturn({ lines: [{ lineRef: 'L2', qty: 2, reason: 'broken' }] }), unscoped, account);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'lines[0].qty', message: expect.stringContaining('line L2 can return at most 1') });
    expect(await account.store.loadRoot(ORDER_RETAILER, 'RETURN_ORDER', 'R-1')).toEqual([]);
    expect(await account.orderReturns.list(ORDER_RETAILER, 'O-1')).toEqual([]);
  });

  it('refuses a return of goods not shipped yet, naming the line', async () => {
    // Prepare
    const account = accountWith(['PACKED']);

    // Act
    const attempt = createReturn(aReturn(), unscoped, account);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'lines[0].qty' });
  });

  it('refuses a line the order does not have, naming lineRef', async () => {
    // Prepare
    const account = accountWith(['SHIPPED']);

    // Act
    const attempt = createReturn(aReturn({ lines: [{ lineRef: 'L9', qty: 1, reason: 'wrong item' }] }), unscoped, account);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'lines[0].lineRef' });
  });

  it('counts what an earlier return of the order takes back', async () => {
    // Prepare
    const account = accountWith(['SHIPPED']);
    await createReturn(aReturn({ ref: 'R-1', lines: [{ lineRef: 'L1', qty: 2, reason: 'too small' }] }), unscoped, account);

    // Act
    const attempt = createReturn(aReturn({ ref: 'R-2' }), unscoped, account);

    // Assess
    await expect(attempt).rejects.toMatchObject({ field: 'lines[0].qty', message: expect.stringContaining('2 shipped, 2 in other returns') });
  });

  it('answers a resend of the same body with the return as it is', async () => {
    // Prepare
    const account = accountWith(['SHIPPED']);
    await createReturn(aReturn(), unscoped, account);

    // Act
    const resend = await createReturn(aReturn(), unscoped, account);

    // Assess
    expect(resend).toMatchObject({ outcome: 'EXISTS', return: { ref: 'R-1', status: 'CREATED' } });
  });

  it('refuses a resend with another body as a conflict on ref', async () => {
    // Prepare
    const account = accountWith(['SHIPPED']);
    await createReturn(aReturn(), unscoped, account);

    // Act
    const attempt = createReturn(aReturn({ lines: [{ lineRef: 'L2', qty: 1, reason: 'other' }] }), unscoped, account);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ field: 'ref' });
  });

  it("answers a key scoped to another retailer as if the order did not exist", async () => {
    // Prepare
    const account = accountWith(['SHIPPED']);

    // Act
    const attempt = createReturn(aReturn(), { retailerId: 'other-shop' }, account);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(await account.orderReturns.list(ORDER_RETAILER, 'O-1')).toEqual([]);
  });

  it('refuses a return for a retailer without a return workflow, writing nothing', async () => {
    // Prepare
    const account = accountWith(['SHIPPED'], false);

    // Act
    const attempt = createReturn(aReturn(), unscoped, account);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(OrderNotAcceptedError);
    await expect(attempt).rejects.toMatchObject({ code: 'WORKFLOW_NOT_FOUND' });
    expect(await account.orderReturns.list(ORDER_RETAILER, 'O-1')).toEqual([]);
  });
});
