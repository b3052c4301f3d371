import * as fc from 'fast-check';
import { distanceKm, type SourcingLocation } from '../../../../shared/domain/sourcing/sourcing';
import { NearestFirst } from '../../../../shared/domain/sourcing/nearest-first';
import { stockMatrixOf } from '../../../../shared/domain/sourcing/stock-matrix';
import { homeDelivery, profile } from './fixtures';

/** Half the points on a coarse grid, so that equal distances are common; now and then one without a real latitude. */
const latitude = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 5, arbitrary: fc.double({ min: -89, max: 89, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 95) },
);
const longitude = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -179, max: 179, noNaN: true }));

const network = fc.record({
  points: fc.array(fc.record({ lat: latitude, lon: longitude, holds: fc.boolean() }), { minLength: 1, maxLength: 60 }),
  origin: fc.record({ lat: fc.double({ min: -89, max: 89, noNaN: true }), lon: fc.double({ min: -179, max: 179, noNaN: true }) }),
});

describe('NearestFirst', () => {
  it('hands out the candidates in order of their haversine distance, equal distances by index, whatever their latitudes', () => {
    fc.assert(
      fc.property(network, ({ points, origin }) => {
        // Prepare
        const locations: SourcingLocation[] = points.map((p, i) => ({ ref: `L${i}`, type: 'STORE', lat: p.lat, lon: p.lon, status: 'ACTIVE' }));
        const positions = points.flatMap((p, i) => (p.holds ? [{ skuRef: 'TEE', locationRef: `L${i}`, available: 1 }] : []));
        const stock = stockMatrixOf(homeDelivery({ TEE: 1, SOCKS: 1 }, { deliveryPoint: origin }), profile(), locations, positions);
        const partial = (c: number) => stock.covered[c] > 0;
        const expected = locations
          .map((location, c) => ({ c, km: distanceKm(origin, location) }))
          .filter(({ c }) => partial(c))
          .map(({ c, km }) => ({ c, km: km >= 0 ? km : Infinity }))
          .sort((a, b) => (a.km === b.km ? a.c - b.c : a.km < b.km ? -1 : 1));
        const nearest = new NearestFirst(stock.distances, partial, expected.length, new Int32Array(locations.length));

        // Act
        const order: number[] = [];
        for (let k = 0, c = nearest.at(0); c >= 0; c = nearest.at(++k)) order.push(c);

        // Assess
        expect(order).toEqual(expected.map(({ c }) => c));
      }),
      { numRuns: 500 },
    );
  });
});
