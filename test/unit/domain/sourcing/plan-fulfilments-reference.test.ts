import * as fc from 'fast-check';
import {
  LOCATION_TYPES,
  RANKING_CRITERIA,
  planFulfilments,
  type AvailableStock,
  type SourcingLocation,
  type SourcingProfile,
  type SourcingRequest,
} from '../../../../shared/domain/sourcing/sourcing';
import { planFulfilments as referencePlanFulfilments } from './reference-sourcing/plan-fulfilments';

const SKUS = ['S1', 'S2', 'S3', 'S4', 'S5'];

interface Case {
  request: SourcingRequest;
  profile: SourcingProfile;
  locations: SourcingLocation[];
  positions: AvailableStock[];
}

/** Coordinates on a coarse grid half the time, so that equal distances (ties) are common; now and then none usable. */
const coordinates = fc.oneof(
  { weight: 10, arbitrary: fc.record({ lat: fc.integer({ min: 50, max: 53 }), lon: fc.integer({ min: -3, max: 0 }) }) },
  { weight: 10, arbitrary: fc.record({ lat: fc.double({ min: 50, max: 54, noNaN: true }), lon: fc.double({ min: -3, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.constant({ lat: Number.NaN, lon: 0 }) },
);

const locationAt = (index: number) =>
  fc.record({
    type: fc.constantFrom(...LOCATION_TYPES),
    status: fc.oneof({ weight: 9, arbitrary: fc.constant('ACTIVE' as const) }, { weight: 1, arbitrary: fc.constant('INACTIVE' as const) }),
    spot: coordinates,
    // A ref now and then listed twice.
    sameRefAsPrevious: fc.integer({ min: 0, max: 19 }).map((n) => n === 0 && index > 0),
  });

/** Per location and SKU: no position, or one with 0..`most` units (0 being a position emptied by safety stock). */
const positionsOf = (count: number, most: number) =>
  fc.array(fc.array(fc.option(fc.integer({ min: 0, max: most }), { nil: undefined }), { minLength: SKUS.length, maxLength: SKUS.length }), {
    minLength: count,
    maxLength: count,
  });

const requestOf = (refs: readonly string[]) =>
  fc.record({
    type: fc.oneof({ weight: 4, arbitrary: fc.constant('HD' as const) }, { weight: 1, arbitrary: fc.constant('CC' as const) }),
    // Some lines name a SKU no location holds, some the same SKU twice.
    lines: fc.array(fc.record({ skuRef: fc.constantFrom(...SKUS, 'S-NONE'), qty: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 5 }),
    deliveryPoint: fc.option(fc.record({ lat: fc.double({ min: 50, max: 54, noNaN: true }), lon: fc.double({ min: -3, max: 1, noNaN: true }) }), { nil: undefined, freq: 8 }),
    pickupLocationRef: fc.constantFrom(...refs, 'L-UNKNOWN'),
    maxSplit: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  });

const profileArbitrary = fc.record({
  maxSplit: fc.integer({ min: 1, max: 4 }),
  locationTypes: fc.subarray([...LOCATION_TYPES]),
  ranking: fc.shuffledSubarray([...RANKING_CRITERIA]),
  maxPlans: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
});

/** A network of `minLocations`..`maxLocations` locations, its positions grouped by SKU or shuffled, and one order. */
const caseOf = (minLocations: number, maxLocations: number, most: number): fc.Arbitrary<Case> =>
  fc.integer({ min: minLocations, max: maxLocations }).chain((count) =>
    fc
      .tuple(
        fc.tuple(...Array.from({ length: count }, (_, i) => locationAt(i))),
        positionsOf(count, most),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: count * SKUS.length, maxLength: count * SKUS.length }),
        profileArbitrary,
      )
      .chain(([drawn, held, grouped, shuffle, profile]) => {
        const locations: SourcingLocation[] = drawn.map((l, i) => ({
          ref: l.sameRefAsPrevious ? `L${i - 1}` : `L${i}`,
          type: l.type,
          lat: l.spot.lat,
          lon: l.spot.lon,
          status: l.status,
        }));
        const bySku: AvailableStock[] = [];
        SKUS.forEach((skuRef, sku) =>
          held.forEach((row, i) => {
            if (row[sku] !== undefined) bySku.push({ skuRef, locationRef: `L${i}`, available: row[sku] });
          }),
        );
        bySku.push({ skuRef: 'S1', locationRef: 'L-UNKNOWN', available: 3 });
        const positions = grouped ? bySku : bySku.map((p, i) => ({ p, key: shuffle[i] ?? 0 })).sort((a, b) => a.key - b.key).map(({ p }) => p);
        return requestOf(locations.map((l) => l.ref)).map((request) => ({ request, profile, locations, positions }));
      }),
  );

describe('planFulfilments against the search as it was before it scaled with the number of locations', () => {
  it('returns exactly the reference plans on small random networks', () => {
    fc.assert(
      fc.property(caseOf(1, 12, 4), ({ request, profile, locations, positions }) => {
        // Prepare
        const expected = referencePlanFulfilments(request, profile, locations, positions);

        // Act
        const actual = planFulfilments(request, profile, locations, positions);

        // Assess
        expect(actual).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('returns exactly the reference plans on medium random networks', () => {
    fc.assert(
      fc.property(caseOf(20, 150, 6), ({ request, profile, locations, positions }) => {
        // Prepare
        const expected = referencePlanFulfilments(request, profile, locations, positions);

        // Act
        const actual = planFulfilments(request, profile, locations, positions);

        // Assess
        expect(actual).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('returns exactly the reference plans on networks of hundreds of locations', () => {
    fc.assert(
      fc.property(caseOf(300, 600, 1), ({ request, profile, locations, positions }) => {
        // Prepare
        const expected = referencePlanFulfilments(request, profile, locations, positions);

        // Act
        const actual = planFulfilments(request, profile, locations, positions);

        // Assess
        expect(actual).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
