import { builtInPermissions } from '../../../../shared/domain/accounts/roles';
import { ConflictError, OrderNotAcceptedError } from '../../../../shared/domain/domain-errors';
import { createOrder } from '../../../../shared/domain/orders/create-order';
import type { OrderInput } from '../../../../shared/domain/orders/order-input';
import { referenceWorkflows } from '../../../../shared/domain/orders/reference-workflows/order-reference-workflows';
import { FixedDataKeys } from '../../../support/data-keys';
import { inMemoryOrchestration } from '../../../support/orchestration';
import { anOrder } from '../../../support/order-builder';

const keys = new FixedDataKeys(3);
const admin = { permissions: builtInPermissions('ADMIN') };

const order = (overrides: Partial<OrderInput> = {}): OrderInput => anOrder({ ref: 'A-1', retailerId: 'r1', ...overrides });

describe('createOrder, async', () => {
  it('answers a resend of the same body with the pending order and queues its CREATE event again, as a resent event is', async () => {
    // Prepare
    const account = inMemoryOrchestration('acme', { workflows: referenceWorkflows('r1') });
    await createOrder({ order: order(), mode: 'async' }, admin, { ...account, dataKeys: keys });

    // Act
    const resend = await createOrder({ order: order(), mode: 'async' }, admin, { ...account, dataKeys: keys });

    // Assess
    expect(resend).toEqual({ outcome: 'QUEUED', order: { ref: 'A-1', status: 'PENDING', eventId: 'order:A-1:create' } });
    expect(account.queue.events.map((event) => event.id)).toEqual(['order:A-1:create', 'order:A-1:create']);
    expect(account.queue.sent[1]).toEqual(account.queue.sent[0]);
  });

  it('queues the CREATE event on a resend when the first call recorded it but failed to queue it', async () => {
    // Prepare: the queue is down for the first call, which answers with the error.
    const account = inMemoryOrchestration('acme', { workflows: referenceWorkflows('r1') });
    account.queue.failure = new Error('connection refused');
    await expect(createOrder({ order: order(), mode: 'async' }, admin, { ...account, dataKeys: keys })).rejects.toThrow('connection refused');
    account.queue.failure = undefined;

    // Act
    const resend = await createOrder({ order: order(), mode: 'async' }, admin, { ...account, dataKeys: keys });

    // Assess
    expect(resend.outcome).toBe('QUEUED');
    expect(account.queue.events.map((event) => event.id)).toEqual(['order:A-1:create']);
  });

  it('does not queue the CREATE event again once it has an outcome', async () => {
    // Prepare: the queued CREATE ran and FAILED, so no order exists.
    const account = inMemoryOrchestration('acme', { workflows: referenceWorkflows('r1') });
    await createOrder({ order: order(), mode: 'async' }, admin, { ...account, dataKeys: keys });
    for (const record of account.store.events.values()) Object.assign(record, { outcome: 'FAILED', error: { code: 'TEST', message: 'failed' } });

    // Act
    await createOrder({ order: order(), mode: 'async' }, admin, { ...account, dataKeys: keys });

    // Assess
    expect(account.queue.sent).toHaveLength(1);
  });

  it('refuses a resend with another body while the first is still queued, naming ref', async () => {
    // Prepare
    const account = inMemoryOrchestration('acme', { workflows: referenceWorkflows('r1') });
    await createOrder({ order: order(), mode: 'async' }, admin, { ...account, dataKeys: keys });

    // Act
    const attempt = createOrder({ order: order({ lines: [{ skuRef: 'SKU-2', qty: 5, unitPrice: 1, currency: 'GBP' }] }), mode: 'async' }, admin, { ...account, dataKeys: keys });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ field: 'ref' });
    expect(account.queue.sent).toHaveLength(1);
  });

  it('refuses an order whose retailer has no workflow of its type, and queues nothing', async () => {
    // Prepare
    const account = inMemoryOrchestration('acme', { workflows: [] });

    // Act
    const attempt = createOrder({ order: order(), mode: 'async' }, admin, { ...account, dataKeys: keys });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(OrderNotAcceptedError);
    await expect(attempt).rejects.toMatchObject({ code: 'WORKFLOW_NOT_FOUND' });
    expect(account.queue.sent).toEqual([]);
  });

  it('keeps the customer sealed in the queued event', async () => {
    // Prepare
    const account = inMemoryOrchestration('acme', { workflows: referenceWorkflows('r1') });

    // Act
    await createOrder({ order: order(), mode: 'async' }, admin, { ...account, dataKeys: keys });

    // Assess
    expect(JSON.stringify(account.queue.sent)).not.toContain('ada@example.com');
    expect(JSON.stringify(account.queue.sent)).not.toContain('Park Row');
  });
});
