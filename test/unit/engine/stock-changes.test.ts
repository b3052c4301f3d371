import {
  PendingInventoryReader,
  changeReservations,
  netInventoryChanges,
} from '../../../shared/engine/stock-changes';
import type { InventoryChange, StockPosition } from '../../../shared/engine/engine-model';

const at = (kind: InventoryChange['kind'], qty: number, skuRef = 'S1', locationRef = 'L1'): InventoryChange => ({
  skuRef,
  locationRef,
  kind,
  qty,
});

const level = (overrides: Partial<StockPosition> = {}): StockPosition => ({
  skuRef: 'S1',
  locationRef: 'L1',
  onHand: 10,
  reserved: 0,
  safetyStock: 0,
  available: 10,
  ...overrides,
});

describe('netInventoryChanges', () => {
  it.each([
    ['RESERVE', { onHand: 0, reserved: 3, available: -3, minAvailable: 3, minReserved: 0 }],
    ['RELEASE', { onHand: 0, reserved: -3, available: 3, minAvailable: 0, minReserved: 3 }],
    ['CONSUME', { onHand: -3, reserved: -3, available: 0, minAvailable: 0, minReserved: 3 }],
    ['RESTOCK', { onHand: 3, reserved: 0, available: 3, minAvailable: 0, minReserved: 0 }],
  ] as const)('gives a single %s its own condition', (kind, expected) => {
    // Act
    const deltas = netInventoryChanges([at(kind, 3)]);

    // Assess
    expect(deltas).toEqual([{ skuRef: 'S1', locationRef: 'L1', ...expected }]);
  });

  it('merges a reserve of 3 and a release of 1 into reserved +2, available −2, needing 2 available', () => {
    // Act
    const deltas = netInventoryChanges([at('RESERVE', 3), at('RELEASE', 1)]);

    // Assess
    expect(deltas).toEqual([{ skuRef: 'S1', locationRef: 'L1', onHand: 0, reserved: 2, available: -2, minAvailable: 2, minReserved: 0 }]);
  });

  it('merges a reserve and a consume: onHand down, reserved as it was, available down by the reserve', () => {
    // Act
    const deltas = netInventoryChanges([at('RESERVE', 2), at('CONSUME', 3)]);

    // Assess
    expect(deltas).toEqual([{ skuRef: 'S1', locationRef: 'L1', onHand: -3, reserved: -1, available: -2, minAvailable: 2, minReserved: 1 }]);
  });

  it('keeps positions apart, in the order of their first change, and drops a position whose changes cancel out', () => {
    // Act
    const deltas = netInventoryChanges([
      at('RESERVE', 1, 'S2'),
      at('RESERVE', 2),
      at('RESERVE', 1, 'S2', 'L2'),
      at('RELEASE', 2),
      at('RESERVE', 4, 'S2'),
    ]);

    // Assess
    expect(deltas.map((delta) => [delta.skuRef, delta.locationRef, delta.reserved])).toEqual([
      ['S2', 'L1', 5],
      ['S2', 'L2', 1],
    ]);
  });
});

describe('changeReservations', () => {
  it('adds a reserve to the holding of its position and removes a holding that reaches 0', () => {
    // Prepare
    const held = [
      { skuRef: 'S1', locationRef: 'L1', qty: 2 },
      { skuRef: 'S2', locationRef: 'L1', qty: 1 },
    ];

    // Act
    const more = changeReservations(held, at('RESERVE', 3));
    const less = changeReservations(more, at('CONSUME', 1, 'S2'));

    // Assess
    expect(more).toEqual([
      { skuRef: 'S1', locationRef: 'L1', qty: 5 },
      { skuRef: 'S2', locationRef: 'L1', qty: 1 },
    ]);
    expect(less).toEqual([{ skuRef: 'S1', locationRef: 'L1', qty: 5 }]);
    expect(held[0]?.qty).toBe(2);
  });
});

describe('PendingInventoryReader', () => {
  const committed = (levels: StockPosition[]) => ({ positions: jest.fn(async () => levels.map((l) => ({ ...l }))) });

  it('shows the committed stock with the pending changes of its own position applied', async () => {
    // Prepare
    const base = committed([level(), level({ locationRef: 'L2', onHand: 4, available: 4 })]);
    const reader = new PendingInventoryReader(base, [at('RESERVE', 3), at('RESERVE', 1, 'S1', 'L2'), at('CONSUME', 1, 'S1', 'L2')]);

    // Act
    const seen = await reader.positions(['S1']);

    // Assess
    expect(base.positions).toHaveBeenCalledWith(['S1'], 'exact');
    expect(seen).toEqual([
      level({ reserved: 3, available: 7 }),
      level({ locationRef: 'L2', onHand: 3, reserved: 0, available: 3 }),
    ]);
  });

  it('clamps available at 0, applying pending changes to the stored figure first', async () => {
    // Prepare
    const reader = new PendingInventoryReader(committed([level({ onHand: 2, reserved: 5, available: -3 })]), [at('RELEASE', 1)]);

    // Act
    const [seen] = await reader.positions(['S1']);

    // Assess
    expect(seen).toMatchObject({ reserved: 4, available: 0 });
  });

  it('sees changes pushed after it was made', async () => {
    // Prepare
    const pending: InventoryChange[] = [];
    const reader = new PendingInventoryReader(committed([level()]), pending);
    pending.push(at('RESERVE', 4));

    // Act
    const [seen] = await reader.positions(['S1']);

    // Assess
    expect(seen?.available).toBe(6);
  });
});
