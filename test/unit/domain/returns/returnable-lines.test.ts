import { returnableLines } from '../../../../shared/domain/returns/returnable-lines';
import type { Entity } from '../../../../shared/engine/engine-model';
import { anOrderEntity } from '../../../support/order-builder';
import { orderWithFulfilments } from '../../../support/returns';

const earlierReturn = (lines: { lineRef: string; qty: number }[], status = 'CREATED'): Entity =>
  anOrderEntity('R-0', { entityType: 'RETURN_ORDER', rootEntityType: 'RETURN_ORDER', rootRef: 'R-0', status, attributes: { orderRef: 'O-1', lines } });

describe('returnableLines', () => {
  it('lets nothing come back of an order whose fulfilments have not shipped', () => {
    // Prepare
    const [order, ...rest] = orderWithFulfilments(['PACKED']);

    // Act
    const lines = returnableLines(order as Entity, [order as Entity, ...rest], []);

    // Assess
    expect(lines.get('L1')).toMatchObject({ shipped: 0, returnable: 0 });
  });

  it('lets back what shipped or was collected, line by line', () => {
    // Prepare
    const entities = orderWithFulfilments(['SHIPPED']);

    // Act
    const lines = returnableLines(entities[0] as Entity, entities, []);

    // Assess
    expect([...lines.values()].map(({ line, returnable }) => [line.lineRef, returnable])).toEqual([
      ['L1', 2],
      ['L2', 1],
    ]);
  });

  it('takes off what earlier returns take back, except cancelled ones', () => {
    // Prepare
    const entities = orderWithFulfilments(['COLLECTED']);
    const earlier = [earlierReturn([{ lineRef: 'L1', qty: 1 }]), earlierReturn([{ lineRef: 'L1', qty: 1 }], 'CANCELLED')];

    // Act
    const lines = returnableLines(entities[0] as Entity, entities, earlier);

    // Assess
    expect(lines.get('L1')).toMatchObject({ shipped: 2, returned: 1, returnable: 1 });
  });

  it("gives a SKU's shipped units to the order's lines of that SKU in line order", () => {
    // Prepare
    const order = anOrderEntity('O-2', {
      attributes: {
        lines: [
          { lineRef: 'L1', skuRef: 'TEE', qty: 2, unitPrice: 1, currency: 'GBP' },
          { lineRef: 'L2', skuRef: 'TEE', qty: 3, unitPrice: 1, currency: 'GBP' },
        ],
      },
    });
    const shipped = anOrderEntity('O-2-F1', { entityType: 'FULFILMENT', rootRef: 'O-2', status: 'SHIPPED', attributes: { lines: [{ skuRef: 'TEE', qty: 3 }] } });

    // Act
    const lines = returnableLines(order, [order, shipped], []);

    // Assess
    expect([lines.get('L1')?.returnable, lines.get('L2')?.returnable]).toEqual([2, 1]);
  });
});
