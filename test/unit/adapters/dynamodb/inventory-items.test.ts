import {
  stockCountFromItem,
  stockCountItem,
  stockCountKey,
  reservationAttributes,
  reservationKey,
  stockPositionsFromItems,
} from '../../../../shared/adapters/dynamodb/inventory-items';
import { countItem, reservationItem } from '../../../support/inventory-items';

const AT = '2025-03-01T10:00:00.000Z';

describe('inventory items', () => {
  describe('keys', () => {
    it('keys the count of a position in the SKU partition under LOC#<location>', () => {
      // Act
      const key = stockCountKey('S1', 'L1');

      // Assess
      expect(key).toEqual({ PK: 'SKU#S1', SK: 'LOC#L1' });
    });

    it('keys the reservations of a position in the same SKU partition under RES#<location>', () => {
      // Act
      const key = reservationKey('S1', 'L1');

      // Assess
      expect(key).toEqual({ PK: 'SKU#S1', SK: 'RES#L1' });
    });

    it('indexes the reservations on GSI1 in the location partition under RES#<sku>', () => {
      // Act
      const attributes = reservationAttributes('S1', 'L1');

      // Assess
      expect(attributes).toEqual({ GSI1PK: 'LOC#L1', GSI1SK: 'RES#S1', skuRef: 'S1', locationRef: 'L1' });
    });
  });

  describe('stockCountItem', () => {
    it('writes the count keyed by SKU and location, indexed by location, with no reservation figures a blind Put could wipe', () => {
      // Act
      const item = stockCountItem({ skuRef: 'S1', locationRef: 'L1', onHand: 7, safetyStock: 1, updatedOn: AT });

      // Assess
      expect(item).toEqual(countItem('S1', 'L1', 7, 1));
    });

    it('keeps the batch chunk that wrote the count', () => {
      // Act
      const item = stockCountItem({ skuRef: 'S1', locationRef: 'L1', onHand: 7, safetyStock: 0, updatedOn: AT, appliedBy: 'job-1#3' });

      // Assess
      expect(item.appliedBy).toBe('job-1#3');
    });

    it('reads back the batch chunk that wrote the count', () => {
      // Prepare
      const item = { ...countItem('S1', 'L1', 7), appliedBy: 'job-1#3' };

      // Act
      const count = stockCountFromItem(item);

      // Assess
      expect(count).toEqual({ skuRef: 'S1', locationRef: 'L1', onHand: 7, safetyStock: 0, updatedOn: AT, appliedBy: 'job-1#3' });
    });

    it('reads a count without a safety stock as a safety stock of zero', () => {
      // Prepare
      const { safetyStock: _omitted, ...item } = countItem('S1', 'L1', 7);

      // Act
      const count = stockCountFromItem(item);

      // Assess
      expect(count.safetyStock).toBe(0);
    });
  });

  describe('stockPositionsFromItems', () => {
    it('joins the count and the reservations of a position: available is onHand − reserved − safetyStock', () => {
      // Prepare
      const items = [countItem('S1', 'L1', 10, 2), reservationItem('S1', 'L1', 3)];

      // Act
      const levels = stockPositionsFromItems(items);

      // Assess
      expect(levels).toEqual([{ skuRef: 'S1', locationRef: 'L1', onHand: 10, reserved: 3, safetyStock: 2, available: 5, updatedOn: AT }]);
    });

    it('reads a count without a reservation item as nothing reserved', () => {
      // Act
      const levels = stockPositionsFromItems([countItem('S1', 'L1', 4)]);

      // Assess
      expect(levels).toEqual([{ skuRef: 'S1', locationRef: 'L1', onHand: 4, reserved: 0, safetyStock: 0, available: 4, updatedOn: AT }]);
    });

    it('matches each reservation to the count of its own location', () => {
      // Prepare
      const items = [countItem('S1', 'L1', 10), countItem('S1', 'L2', 10), reservationItem('S1', 'L2', 6)];

      // Act
      const levels = stockPositionsFromItems(items);

      // Assess
      expect(levels.map((level) => [level.locationRef, level.reserved])).toEqual([
        ['L1', 0],
        ['L2', 6],
      ]);
    });

    it('joins a reservation listed before its count, as on GSI1 where RES# sorts before SKU#', () => {
      // Prepare
      const items = [reservationItem('S1', 'L1', 2), reservationItem('S2', 'L1', 5), countItem('S1', 'L1', 9), countItem('S2', 'L1', 5)];

      // Act
      const levels = stockPositionsFromItems(items);

      // Assess
      expect(levels.map((level) => [level.skuRef, level.reserved, level.available])).toEqual([
        ['S1', 2, 7],
        ['S2', 5, 0],
      ]);
    });

    it('gives a negative available when a recount fell below the reservations', () => {
      // Prepare
      const items = [countItem('S1', 'L1', 2, 1), reservationItem('S1', 'L1', 3)];

      // Act
      const [level] = stockPositionsFromItems(items);

      // Assess
      expect(level).toMatchObject({ onHand: 2, reserved: 3, safetyStock: 1, available: -2 });
    });

    it('ignores a reservation item without a count: nothing was ever counted there', () => {
      // Prepare
      const items = [countItem('S1', 'L1', 5), reservationItem('S1', 'L9', 2)];

      // Act
      const levels = stockPositionsFromItems(items);

      // Assess
      expect(levels.map((level) => level.locationRef)).toEqual(['L1']);
    });

    it('takes updatedOn from the count, not from the reservations', () => {
      // Prepare
      const items = [countItem('S1', 'L1', 5), reservationItem('S1', 'L1', 2)];

      // Act
      const [level] = stockPositionsFromItems(items);

      // Assess
      expect(level.updatedOn).toBe(AT);
    });
  });
});
