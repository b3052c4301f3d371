import { planFulfilments } from '../../../../shared/domain/sourcing/sourcing';
import { homeDelivery, location, profile, stock } from './fixtures';

describe('planFulfilments, calls share nothing', () => {
  it('gives two orders planned alternately the same plans as planned alone', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2), location('C', 0.3), location('D', 0.4, { type: 'WAREHOUSE' })];
    const positions = [
      ...stock('A', { TEE: 1, SOCKS: 2 }),
      ...stock('B', { SOCKS: 1, CAP: 2 }),
      ...stock('C', { TEE: 2, MUG: 1 }),
      ...stock('D', { CAP: 5, MUG: 4, SOFA: 1 }),
    ];
    const split = homeDelivery({ TEE: 2, SOCKS: 3, CAP: 1 });
    const bulky = homeDelivery({ SOFA: 1, MUG: 2, TEE: 1 }, { deliveryPoint: { lat: 2, lon: 0.3 } });
    const splitAlone = planFulfilments(split, profile(), locations, positions);
    const bulkyAlone = planFulfilments(bulky, profile({ maxSplit: 2 }), locations, positions);

    // Act
    const alternately = [0, 1, 2].flatMap(() => [
      planFulfilments(split, profile(), locations, positions),
      planFulfilments(bulky, profile({ maxSplit: 2 }), locations, positions),
    ]);

    // Assess
    expect(alternately).toEqual([splitAlone, bulkyAlone, splitAlone, bulkyAlone, splitAlone, bulkyAlone]);
    expect(splitAlone.plans.length).toBeGreaterThan(0);
    expect(bulkyAlone.plans.length).toBeGreaterThan(0);
  });

  it('keeps the plans it returned when later calls plan other orders', () => {
    // Prepare
    const locations = [location('A', 0.1), location('B', 0.2)];
    const positions = [...stock('A', { TEE: 1 }), ...stock('B', { SOCKS: 1 })];
    const first = planFulfilments(homeDelivery({ TEE: 1, SOCKS: 1 }), profile(), locations, positions);
    const snapshot = JSON.stringify(first);

    // Act
    planFulfilments(homeDelivery({ SOCKS: 1 }, { deliveryPoint: { lat: 3, lon: 3 } }), profile(), locations, positions);

    // Assess
    expect(JSON.stringify(first)).toBe(snapshot);
  });
});
