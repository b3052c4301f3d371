import { stockMatrixOf, withoutRedundant } from '../../../../shared/domain/sourcing/stock-matrix';
import { KM_PER_DEGREE, homeDelivery, location, profile, stock } from './fixtures';

/** What one candidate of the matrix holds of each of the order's SKUs, e.g. `{ TEE: 2 }`. */
const holdings = (matrix: ReturnType<typeof stockMatrixOf>, ref: string): Record<string, number> => {
  const c = matrix.candidates.findIndex((candidate) => candidate.ref === ref);
  return Object.fromEntries(matrix.skus.map((skuRef, sku) => [skuRef, matrix.available[c * matrix.skuCount + sku]]));
};

describe('stockMatrixOf', () => {
  it("gives each candidate what it holds of the order's SKUs, duplicate positions added up", () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2)];
    const positions = [...stock('A', { TEE: 2, SOCKS: 1 }), ...stock('A', { TEE: 3 }), ...stock('B', { SOCKS: 4, CAP: 9 })];

    // Act
    const matrix = stockMatrixOf(homeDelivery({ TEE: 1, SOCKS: 2 }), profile(), locations, positions);

    // Assess
    expect(matrix.skus).toEqual(['TEE', 'SOCKS']);
    expect(holdings(matrix, 'A')).toEqual({ TEE: 5, SOCKS: 1 });
    expect(holdings(matrix, 'B')).toEqual({ TEE: 0, SOCKS: 4 });
    expect([...matrix.covered]).toEqual([2, 2]);
    expect(matrix.totalRequested).toBe(3);
  });

  it('measures, once asked, a candidate holding any of the order from the delivery point, and one holding none as 0', () => {
    // Prepare
    const locations = [location('A', 0.5), location('EMPTY', 0.7)];
    const positions = [...stock('A', { TEE: 1 }), ...stock('EMPTY', { CAP: 1 })];

    // Act
    const matrix = stockMatrixOf(homeDelivery({ TEE: 1 }), profile(), locations, positions);
    matrix.distances.measureAll(matrix.covered);

    // Assess
    expect(matrix.distance[0]).toBeCloseTo(0.5 * KM_PER_DEGREE, 6);
    expect(matrix.distance[1]).toBe(0);
  });

  it("keeps an order's stock when another order's matrix is built after it", () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2)];
    const positions = [...stock('A', { TEE: 2, SOCKS: 1 }), ...stock('B', { TEE: 7, CAP: 3 })];
    const first = homeDelivery({ TEE: 1, SOCKS: 1 });
    const alone = stockMatrixOf(first, profile(), locations, positions);
    alone.distances.measureAll(alone.covered);
    const aloneHoldings = { A: holdings(alone, 'A'), B: holdings(alone, 'B') };

    // Act
    const matrix = stockMatrixOf(first, profile(), locations, positions);
    matrix.distances.measureAll(matrix.covered);
    const other = stockMatrixOf(homeDelivery({ CAP: 2, TEE: 5 }, { deliveryPoint: { lat: 1, lon: 1 } }), profile(), locations, positions);
    other.distances.measureAll(other.covered);

    // Assess
    expect({ A: holdings(matrix, 'A'), B: holdings(matrix, 'B') }).toEqual(aloneHoldings);
    expect([...matrix.covered]).toEqual([...alone.covered]);
    expect([...matrix.distance]).toEqual([...alone.distance]);
    expect([...matrix.requested]).toEqual([1, 1]);
  });
});

describe('withoutRedundant', () => {
  it('drops the farthest member that adds no units and keeps the rest ascending', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2), location('C', 0.3)];
    const positions = [...stock('A', { TEE: 1 }), ...stock('B', { SOCKS: 1 }), ...stock('C', { TEE: 1 })];
    const matrix = stockMatrixOf(homeDelivery({ TEE: 1, SOCKS: 1 }), profile(), locations, positions);
    matrix.distances.measureAll(matrix.covered);

    // Act
    const kept = withoutRedundant(matrix, [2, 1, 0]);

    // Assess
    expect(kept).toEqual([0, 1]);
  });
});
