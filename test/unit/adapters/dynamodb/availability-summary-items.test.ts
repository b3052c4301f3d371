import * as fc from 'fast-check';
import {
  SUMMARY_LIMIT_BYTES,
  figuresOfItems,
  positionsOfSummaryItem,
  summaryFromItem,
  summaryItem,
  type SummaryFigures,
} from '../../../../shared/adapters/dynamodb/availability-summary-items';
import { stockPositionsFromItems } from '../../../../shared/adapters/dynamodb/inventory-items';
import { countItem, reservationItem } from '../../../support/inventory-items';
import { seededRandom } from '../../../../scripts/seeded-random';

const figuresOf = (entries: Record<string, SummaryFigures>) => new Map(Object.entries(entries));

/**
 * Enough locations, with long refs that share nothing, that even packed their figures do not fit under
 * the limit: 64 random characters of the 66 a ref may hold carry about 6 bits each, deflate or not.
 */
const tooManyLocations = (): Map<string, SummaryFigures> => {
  const random = seededRandom(11);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-';
  const ref = () => Array.from({ length: 64 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const figures = new Map<string, SummaryFigures>();
  while (figures.size * 48 <= 1.2 * SUMMARY_LIMIT_BYTES) figures.set(ref(), { count: { onHand: 10, safetyStock: 1 }, reserved: 2 });
  return figures;
};

describe('availability summary items', () => {
  describe('summaryItem and summaryFromItem', () => {
    it('give back the count and the reservations of each location written', () => {
      // Prepare
      const figures = figuresOf({
        W1: { count: { onHand: 10, safetyStock: 2 }, reserved: 3 },
        W2: { count: { onHand: 0, safetyStock: 0 }, reserved: 0 },
      });

      // Act
      const read = summaryFromItem(summaryItem({ skuRef: 'TEE', version: 4, figures }));

      // Assess
      expect(read).toEqual({ skuRef: 'TEE', version: 4, figures });
    });

    it('keep the reservations of a location where nothing was ever counted', () => {
      // Prepare
      const figures = figuresOf({ W1: { reserved: 2 } });

      // Act
      const read = summaryFromItem(summaryItem({ skuRef: 'TEE', version: 1, figures }));

      // Assess
      expect(read.figures).toEqual(figuresOf({ W1: { reserved: 2 } }));
    });

    it('keep a count whose units on hand went below zero', () => {
      // Prepare
      const figures = figuresOf({ W1: { count: { onHand: -3, safetyStock: 1 }, reserved: 0 } });

      // Act
      const read = summaryFromItem(summaryItem({ skuRef: 'TEE', version: 1, figures }));

      // Assess
      expect(read.figures).toEqual(figures);
    });

    it('leave out a location with neither a count nor a reservation', () => {
      // Prepare
      const figures = figuresOf({ W1: { count: { onHand: 5, safetyStock: 0 }, reserved: 0 }, GONE: { reserved: 0 } });

      // Act
      const read = summaryFromItem(summaryItem({ skuRef: 'TEE', version: 1, figures }));

      // Assess
      expect([...(read.figures?.keys() ?? [])]).toEqual(['W1']);
    });

    it('store the item under the SKU summary key with its version', () => {
      // Act
      const item = summaryItem({ skuRef: 'TEE', version: 7, figures: new Map() });

      // Assess
      expect(item).toMatchObject({ PK: 'AVAIL#TEE', SK: 'SUMMARY', skuRef: 'TEE', version: 7 });
    });
  });

  describe('past the size limit', () => {
    it('stores the summary as overflowed, without figures', () => {
      // Act
      const item = summaryItem({ skuRef: 'TEE', version: 3, figures: tooManyLocations() });

      // Assess
      expect(item).toEqual({ PK: 'AVAIL#TEE', SK: 'SUMMARY', skuRef: 'TEE', version: 3, overflow: true });
    });

    it('reads an overflowed summary as holding no figures, so the SKU is read exactly', () => {
      // Prepare
      const item = summaryItem({ skuRef: 'TEE', version: 3, figures: tooManyLocations() });

      // Act
      const read = summaryFromItem(item);

      // Assess
      expect(read).toEqual({ skuRef: 'TEE', version: 3 });
      expect(positionsOfSummaryItem(item)).toBeUndefined();
    });

    it('stores the summary as overflowed when a location ref holds a newline', () => {
      // Act
      const item = summaryItem({ skuRef: 'TEE', version: 1, figures: figuresOf({ 'W\n1': { reserved: 1 } }) });

      // Assess
      expect(item).toMatchObject({ overflow: true });
      expect(item).not.toHaveProperty('packed');
    });
  });

  describe('positionsOfSummaryItem', () => {
    it('gives each counted location available as on hand less reserved less safety stock', () => {
      // Prepare
      const item = summaryItem({ skuRef: 'TEE', version: 1, figures: figuresOf({ W1: { count: { onHand: 10, safetyStock: 2 }, reserved: 3 } }) });

      // Act
      const positions = positionsOfSummaryItem(item);

      // Assess
      expect(positions).toEqual([{ skuRef: 'TEE', locationRef: 'W1', onHand: 10, reserved: 3, safetyStock: 2, available: 5 }]);
    });

    it('gives a negative available where a recount fell below the reservations', () => {
      // Prepare
      const item = summaryItem({ skuRef: 'TEE', version: 1, figures: figuresOf({ W1: { count: { onHand: 1, safetyStock: 0 }, reserved: 3 } }) });

      // Act
      const positions = positionsOfSummaryItem(item);

      // Assess
      expect(positions?.[0].available).toBe(-2);
    });

    it('leaves out a location holding reservations but no count', () => {
      // Prepare
      const item = summaryItem({
        skuRef: 'TEE',
        version: 1,
        figures: figuresOf({ W1: { reserved: 2 }, W2: { count: { onHand: 4, safetyStock: 0 }, reserved: 0 } }),
      });

      // Act
      const positions = positionsOfSummaryItem(item);

      // Assess
      expect(positions?.map((position) => position.locationRef)).toEqual(['W2']);
    });

    it('keeps a location whose units on hand went below zero, as a consistent read does', () => {
      // Prepare
      const item = summaryItem({ skuRef: 'TEE', version: 1, figures: figuresOf({ W1: { count: { onHand: -3, safetyStock: 0 }, reserved: 0 } }) });

      // Act
      const positions = positionsOfSummaryItem(item);

      // Assess
      expect(positions).toEqual([{ skuRef: 'TEE', locationRef: 'W1', onHand: -3, reserved: 0, safetyStock: 0, available: -3 }]);
    });

    it('gives no positions for a summary of a SKU stocked nowhere', () => {
      // Prepare
      const item = summaryItem({ skuRef: 'TEE', version: 1, figures: new Map() });

      // Act
      const positions = positionsOfSummaryItem(item);

      // Assess
      expect(positions).toEqual([]);
    });

    it('gives the positions a consistent read of the partition gives, for any figures', () => {
      // Prepare
      const location = fc.record({
        // onHand goes below zero when reserved units are consumed after a recount below them.
        count: fc.option(fc.record({ onHand: fc.integer({ min: -100, max: 10_000 }), safetyStock: fc.nat(100) }), { nil: undefined }),
        reserved: fc.nat(1_000),
      });
      const locations = fc.dictionary(fc.stringMatching(/^[A-Z0-9-]{1,12}$/), location, { maxKeys: 30 });

      // Act & Assess
      fc.assert(
        fc.property(locations, (byRef) => {
          const figures = new Map(Object.entries(byRef).map(([ref, { count, reserved }]) => [ref, count ? { count, reserved } : { reserved }]));
          const partition = [...figures].flatMap(([ref, { count, reserved }]) => [
            ...(count ? [countItem('TEE', ref, count.onHand, count.safetyStock)] : []),
            ...(reserved > 0 ? [reservationItem('TEE', ref, reserved)] : []),
          ]);
          const direct = stockPositionsFromItems(partition).map(({ updatedOn: _updatedOn, ...position }) => position);

          const summarised = positionsOfSummaryItem(summaryItem({ skuRef: 'TEE', version: 1, figures }));

          expect(summarised).toEqual(direct);
        }),
      );
    });
  });

  describe('figuresOfItems', () => {
    it('joins the count and the reservations of each location of a partition read whole', () => {
      // Prepare
      const items = [countItem('TEE', 'W1', 10, 2), reservationItem('TEE', 'W1', 3), countItem('TEE', 'W2', 4)];

      // Act
      const figures = figuresOfItems(items);

      // Assess
      expect(figures).toEqual(
        figuresOf({ W1: { count: { onHand: 10, safetyStock: 2 }, reserved: 3 }, W2: { count: { onHand: 4, safetyStock: 0 }, reserved: 0 } }),
      );
    });

    it('keeps the reservations of a location without a count', () => {
      // Prepare
      const items = [reservationItem('TEE', 'W1', 3)];

      // Act
      const figures = figuresOfItems(items);

      // Assess
      expect(figures).toEqual(figuresOf({ W1: { reserved: 3 } }));
    });

    it('joins the items of a location whichever comes first', () => {
      // Prepare
      const items = [reservationItem('TEE', 'W1', 3), countItem('TEE', 'W1', 10, 2)];

      // Act
      const figures = figuresOfItems(items);

      // Assess
      expect(figures.get('W1')).toEqual({ count: { onHand: 10, safetyStock: 2 }, reserved: 3 });
    });
  });
});
