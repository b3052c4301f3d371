import { runEvent } from '../../../../shared/domain/orchestration/run-event';
import { createReturn } from '../../../../shared/domain/returns/create-return';
import { referenceReturnWorkflow } from '../../../../shared/domain/returns/reference-workflows/return-reference-workflow';
import { registerReturnRules } from '../../../../shared/domain/returns/rules/return-rules';
import type { OrdoEvent } from '../../../../shared/engine/engine-model';
import { createCoreRegistry } from '../../../../shared/engine/rules/core/core-rules';
import { validateWorkflow } from '../../../../shared/engine/workflow-validation';
import { inMemoryOrchestration } from '../../../support/orchestration';
import { InMemoryOrderReturns, ORDER_RETAILER, orderWithFulfilments } from '../../../support/returns';

/** Return R-1 of one TEE (L1) and one CAP (L2) of the shipped order O-1, to be taken back at DC-1, authorised. */
const authorisedReturn = async () => {
  const account = { ...inMemoryOrchestration('acme', { workflows: [referenceReturnWorkflow(ORDER_RETAILER)] }), orderReturns: new InMemoryOrderReturns() };
  registerReturnRules(account.registry);
  for (const entity of orderWithFulfilments(['SHIPPED'])) account.store.putEntity(entity);
  account.store.putPosition({ skuRef: 'TEE', locationRef: 'DC-1', onHand: 5 });
  account.store.putPosition({ skuRef: 'CAP', locationRef: 'DC-1', onHand: 5 });
  const lines = [
    { lineRef: 'L1', qty: 1, reason: 'too small' },
    { lineRef: 'L2', qty: 1, reason: 'arrived broken' },
  ];
  await createReturn({ ref: 'R-1', orderRef: 'O-1', returnLocationRef: 'DC-1', lines }, {}, account);
  await runEvent(returnEvent('AUTHORISE'), account);
  return account;
};

const returnEvent = (name: string, attributes?: Record<string, unknown>): OrdoEvent => ({
  id: `R-1-${name}`,
  name,
  retailerId: ORDER_RETAILER,
  entityType: 'RETURN_ORDER',
  entitySubtype: 'DEFAULT',
  entityRef: 'R-1',
  rootEntityType: 'RETURN_ORDER',
  rootEntityRef: 'R-1',
  ...(attributes ? { attributes } : {}),
});

const receipt = (conditions: Record<string, string>) => ({
  lines: Object.entries(conditions).map(([lineRef, condition]) => ({ lineRef, condition })),
});

describe('the reference return workflow', () => {
  it('is valid against the registered return rules', () => {
    // Act
    const { problems } = validateWorkflow(referenceReturnWorkflow('r1'), registerReturnRules(createCoreRegistry()));

    // Assess
    expect(problems).toEqual([]);
  });

  it('puts RESALEABLE units back on hand at the return location and leaves DAMAGED ones out', async () => {
    // Prepare
    const account = await authorisedReturn();

    // Act
    await runEvent(returnEvent('RECEIVE', receipt({ L1: 'RESALEABLE', L2: 'DAMAGED' })), account);

    // Assess
    expect(account.store.getPosition('TEE', 'DC-1')).toMatchObject({ onHand: 6, available: 6 });
    expect(account.store.getPosition('CAP', 'DC-1')).toMatchObject({ onHand: 5 });
  });

  it('completes the return on receipt, keeping each condition and the refundable amount', async () => {
    // Prepare
    const account = await authorisedReturn();

    // Act
    await runEvent(returnEvent('RECEIVE', receipt({ L1: 'RESALEABLE', L2: 'DAMAGED' })), account);

    // Assess
    const [received] = await account.store.loadRoot(ORDER_RETAILER, 'RETURN_ORDER', 'R-1');
    expect(received).toMatchObject({
      status: 'COMPLETE',
      attributes: {
        refundableAmount: 20.5,
        lines: [expect.objectContaining({ lineRef: 'L1', condition: 'RESALEABLE' }), expect.objectContaining({ lineRef: 'L2', condition: 'DAMAGED' })],
      },
    });
  });

  it('notes return.received and the refundable amount on the trail of the RECEIVE event', async () => {
    // Prepare
    const account = await authorisedReturn();

    // Act
    await runEvent(returnEvent('RECEIVE', receipt({ L1: 'RESALEABLE', L2: 'DAMAGED' })), account);

    // Assess
    const trail = account.store.auditOf('R-1-RECEIVE');
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'INVENTORY', name: 'RESTOCK', props: expect.objectContaining({ skuRef: 'TEE', locationRef: 'DC-1', qty: 1 }) }),
        expect.objectContaining({ kind: 'LOG', message: 'return.received: 20.5 GBP refundable for 2 line(s)' }),
      ]),
    );
  });

  it.each([
    ['a line without a condition', receipt({ L1: 'RESALEABLE' })],
    ['an unknown condition', receipt({ L1: 'RESALEABLE', L2: 'LOST' })],
    ['a line not on the return', receipt({ L1: 'RESALEABLE', L2: 'DAMAGED', L3: 'DAMAGED' })],
  ])('fails a RECEIVE with %s as INVALID_RECEIPT, restocking nothing', async (_case, attributes) => {
    // Prepare
    const account = await authorisedReturn();

    // Act
    const result = await runEvent(returnEvent('RECEIVE', attributes), account);

    // Assess
    expect(result).toMatchObject({ outcome: 'FAILED', error: { code: 'INVALID_RECEIPT' } });
    expect(account.store.getPosition('TEE', 'DC-1')).toMatchObject({ onHand: 5 });
  });

  it('receives nothing once the return is cancelled', async () => {
    // Prepare
    const account = await authorisedReturn();
    await runEvent(returnEvent('CANCEL'), account);

    // Act
    const result = await runEvent(returnEvent('RECEIVE', receipt({ L1: 'RESALEABLE', L2: 'RESALEABLE' })), account);

    // Assess
    expect(result.outcome).toBe('NO_MATCH');
    expect(account.store.getPosition('TEE', 'DC-1')).toMatchObject({ onHand: 5 });
  });
});
