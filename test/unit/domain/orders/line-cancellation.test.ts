import type { Entity } from '../../../../shared/engine/engine-model';
import { cancelAllBut, cancelLines } from '../../../../shared/domain/orders/line-cancellation';

const SHRINKABLE = ['CREATED', 'PICKED', 'PACKED'];

const entity = (entityType: string, ref: string, status: string, attributes: Record<string, unknown>, createdOn = '2025-01-01T09:00:00.000Z'): Entity => ({
  retailerId: 'R1',
  entityType,
  subtype: 'HD',
  ref,
  id: ref,
  status,
  attributes,
  workflowRef: 'ORDER::HD',
  workflowVersion: 1,
  version: 1,
  rootEntityType: 'ORDER',
  rootRef: 'O-1',
  createdOn,
  updatedOn: createdOn,
});

const line = (lineRef: string, skuRef: string, qty: number) => ({ lineRef, skuRef, qty, unitPrice: 10, currency: 'GBP' });
const order = entity('ORDER', 'O-1', 'ALLOCATED', { type: 'HD', lines: [line('L1', 'TEE', 4), line('L2', 'MUG', 2)] });
const fulfilment = (ref: string, status: string, lines: { skuRef: string; qty: number }[], createdOn?: string) =>
  entity('FULFILMENT', ref, status, { locationRef: `LOC-${ref}`, distanceKm: 1, lines }, createdOn);

describe('cancelLines', () => {
  it('takes the units off the line and keeps count of them in cancelledQty', () => {
    // Prepare
    const f1 = fulfilment('F1', 'CREATED', [{ skuRef: 'TEE', qty: 4 }, { skuRef: 'MUG', qty: 2 }]);

    // Act
    const { lines, nothingLeft } = cancelLines(order, [order, f1], [{ lineRef: 'L1', qty: 3 }], SHRINKABLE);

    // Assess
    expect(lines[0]).toMatchObject({ lineRef: 'L1', qty: 1, cancelledQty: 3 });
    expect(nothingLeft).toBe(false);
  });

  it('takes the surplus from the fulfilment least far along, the newest first among equals', () => {
    // Prepare
    const packed = fulfilment('F1', 'PACKED', [{ skuRef: 'TEE', qty: 2 }]);
    const older = fulfilment('F2', 'CREATED', [{ skuRef: 'TEE', qty: 1 }], '2025-01-01T09:00:00.000Z');
    const newer = fulfilment('F3', 'CREATED', [{ skuRef: 'TEE', qty: 1 }, { skuRef: 'MUG', qty: 2 }], '2025-01-01T09:30:00.000Z');

    // Act
    const { removals } = cancelLines(order, [order, packed, older, newer], [{ lineRef: 'L1', qty: 2 }], SHRINKABLE);

    // Assess
    expect([...removals]).toEqual([
      ['F3', [{ skuRef: 'TEE', qty: 1 }]],
      ['F2', [{ skuRef: 'TEE', qty: 1 }]],
    ]);
  });

  it('says nothing is left when every unit of every line is cancelled', () => {
    // Act
    const { nothingLeft } = cancelLines(order, [order], [{ lineRef: 'L1', qty: 4 }, { lineRef: 'L2', qty: 2 }], SHRINKABLE);

    // Assess
    expect(nothingLeft).toBe(true);
  });

  it('refuses a line the order does not have, naming where it was asked for', () => {
    // Act
    const attempt = () => cancelLines(order, [order], [{ lineRef: 'L1', qty: 1 }, { lineRef: 'L7', qty: 1 }], SHRINKABLE);

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_CANCEL_LINES', message: expect.stringContaining('attributes.lines[1].lineRef') }));
  });

  it('refuses more units than the line has left', () => {
    // Act
    const attempt = () => cancelLines(order, [order], [{ lineRef: 'L2', qty: 3 }], SHRINKABLE);

    // Assess
    expect(attempt).toThrow(/attributes\.lines\[0\]\.qty: line L2 has 2 units left to cancel, not 3/);
  });

  it('refuses to cancel units a shipped fulfilment carries', () => {
    // Prepare
    const shipped = fulfilment('F1', 'SHIPPED', [{ skuRef: 'TEE', qty: 4 }]);

    // Act
    const attempt = () => cancelLines(order, [order, shipped], [{ lineRef: 'L1', qty: 1 }], SHRINKABLE);

    // Assess
    expect(attempt).toThrow(/attributes\.lines\[0\]\.qty: 4 units of TEE are past cancelling/);
  });
});

describe('cancelAllBut', () => {
  it('keeps on each line what the kept fulfilments carry and cancels the rest', () => {
    // Prepare
    const shipped = fulfilment('F1', 'SHIPPED', [{ skuRef: 'TEE', qty: 3 }]);

    // Act
    const lines = cancelAllBut(order, [shipped]);

    // Assess
    expect(lines).toEqual([
      { ...line('L1', 'TEE', 3), cancelledQty: 1 },
      { ...line('L2', 'MUG', 0), cancelledQty: 2 },
    ]);
  });
});
