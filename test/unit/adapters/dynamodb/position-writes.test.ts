import { positionWrites } from '../../../../shared/adapters/dynamodb/position-writes';
import { InsufficientStockError } from '../../../../shared/engine/engine-errors';
import { netInventoryChanges, type PositionDelta } from '../../../../shared/engine/stock-changes';
import type { InventoryChange, StockBasis } from '../../../../shared/engine/engine-model';

const TABLE = 'ordo-unit-acct-acme';
const AT = '2025-03-01T10:00:00.000Z';
const COUNT_KEY = { PK: 'SKU#S1', SK: 'LOC#L1' };
const RESERVATION_KEY = { PK: 'SKU#S1', SK: 'RES#L1' };

/** The attributes every reservation Update sets besides `reserved`, so the item is indexed by location. */
const RESERVATION_ATTRIBUTES = {
  ':zero': 0,
  ':updatedOn': AT,
  ':gsi1pk': 'LOC#L1',
  ':gsi1sk': 'RES#S1',
  ':skuRef': 'S1',
  ':locationRef': 'L1',
};
const RESERVATION_UPDATE =
  'SET reserved = if_not_exists(reserved, :zero) + :reserved, updatedOn = :updatedOn, ' +
  'GSI1PK = :gsi1pk, GSI1SK = :gsi1sk, skuRef = :skuRef, locationRef = :locationRef';

const change = (kind: InventoryChange['kind'], qty: number): InventoryChange => ({ skuRef: 'S1', locationRef: 'L1', kind, qty });

/** The one merged delta of these changes to S1 at L1. */
const deltaOf = (...changes: InventoryChange[]): PositionDelta => {
  const [delta] = netInventoryChanges(changes);
  if (!delta) throw new Error('the changes cancel out');
  return delta;
};

/** What `run` threw, or undefined when it returned. */
const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

const basis = (onHand: number, reserved = 0, safetyStock = 0): StockBasis => ({ onHand, reserved, safetyStock });

describe('positionWrites', () => {
  describe('RESERVE', () => {
    it('checks that the count still has at least the onHand and at most the safety stock the rules decided on', () => {
      // Prepare
      const delta = deltaOf(change('RESERVE', 3));

      // Act
      const [count] = positionWrites(TABLE, delta, AT, basis(10, 4, 2));

      // Assess
      expect(count).toEqual({
        ConditionCheck: {
          TableName: TABLE,
          Key: COUNT_KEY,
          ConditionExpression:
            'attribute_exists(PK) AND onHand >= :seenOnHand AND (attribute_not_exists(safetyStock) OR safetyStock <= :seenSafetyStock)',
          ExpressionAttributeValues: { ':seenOnHand': 10, ':seenSafetyStock': 2 },
        },
      });
    });

    it('adds the units to the reservation item only while reserved ≤ onHand − safetyStock − qty of the figures decided on', () => {
      // Prepare
      const delta = deltaOf(change('RESERVE', 3));

      // Act
      const [, reservation] = positionWrites(TABLE, delta, AT, basis(10, 4, 2));

      // Assess
      expect(reservation).toEqual({
        Update: {
          TableName: TABLE,
          Key: RESERVATION_KEY,
          UpdateExpression: RESERVATION_UPDATE,
          ConditionExpression: '(attribute_not_exists(reserved) OR reserved <= :maxReserved)',
          ExpressionAttributeValues: { ...RESERVATION_ATTRIBUTES, ':maxReserved': 5, ':reserved': 3 },
        },
      });
    });

    it('writes exactly two operations: the count check and the reservation update', () => {
      // Prepare
      const delta = deltaOf(change('RESERVE', 3));

      // Act
      const writes = positionWrites(TABLE, delta, AT, basis(10));

      // Assess
      expect(writes.map((write) => [Object.keys(write)[0], (write.ConditionCheck ?? write.Update)?.Key])).toEqual([
        ['ConditionCheck', COUNT_KEY],
        ['Update', RESERVATION_KEY],
      ]);
    });

    it('lets a reservation through whose figures cover it exactly, with no room left for other reservations', () => {
      // Prepare
      const delta = deltaOf(change('RESERVE', 3));

      // Act
      const writes = positionWrites(TABLE, delta, AT, basis(5, 0, 2));

      // Assess
      expect(writes[1]?.Update?.ExpressionAttributeValues).toMatchObject({ ':maxReserved': 0 });
    });

    it('refuses a reservation without figures to decide on with InsufficientStockError, writing nothing', () => {
      // Prepare
      const delta = deltaOf(change('RESERVE', 1));

      // Act
      const error = thrownBy(() => positionWrites(TABLE, delta, AT, undefined));

      // Assess
      expect(error).toBeInstanceOf(InsufficientStockError);
      expect(error).toMatchObject({ code: 'INSUFFICIENT_STOCK', skuRef: 'S1', locationRef: 'L1' });
    });

    it('refuses a reservation larger than onHand − safetyStock of its figures with InsufficientStockError, writing nothing', () => {
      // Prepare
      const delta = deltaOf(change('RESERVE', 4));

      // Act
      const writing = () => positionWrites(TABLE, delta, AT, basis(5, 0, 2));

      // Assess
      expect(writing).toThrow(InsufficientStockError);
      expect(writing).toThrow('needs 4 available');
    });

    it('puts the checks of the figures decided on onto the count Update when the same delta also consumes', () => {
      // Prepare
      const delta = deltaOf(change('RESERVE', 2), change('CONSUME', 3));

      // Act
      const [count] = positionWrites(TABLE, delta, AT, basis(10, 3));

      // Assess
      expect(count).toEqual({
        Update: {
          TableName: TABLE,
          Key: COUNT_KEY,
          UpdateExpression: 'SET onHand = onHand + :onHand, updatedOn = :updatedOn',
          ConditionExpression:
            'attribute_exists(PK) AND onHand >= :seenOnHand AND (attribute_not_exists(safetyStock) OR safetyStock <= :seenSafetyStock)',
          ExpressionAttributeValues: { ':seenOnHand': 10, ':seenSafetyStock': 0, ':onHand': -3, ':updatedOn': AT },
        },
      });
    });
  });

  describe('RELEASE', () => {
    it('touches only the reservation item, taking the units off while reserved ≥ qty', () => {
      // Prepare
      const delta = deltaOf(change('RELEASE', 3));

      // Act
      const writes = positionWrites(TABLE, delta, AT, undefined);

      // Assess
      expect(writes).toEqual([
        {
          Update: {
            TableName: TABLE,
            Key: RESERVATION_KEY,
            UpdateExpression: RESERVATION_UPDATE,
            ConditionExpression: 'reserved >= :minReserved',
            ExpressionAttributeValues: { ...RESERVATION_ATTRIBUTES, ':minReserved': 3, ':reserved': -3 },
          },
        },
      ]);
    });
  });

  describe('CONSUME', () => {
    it('takes the units off onHand on the count item, as long as the count exists', () => {
      // Prepare
      const delta = deltaOf(change('CONSUME', 3));

      // Act
      const [count] = positionWrites(TABLE, delta, AT, undefined);

      // Assess
      expect(count).toEqual({
        Update: {
          TableName: TABLE,
          Key: COUNT_KEY,
          UpdateExpression: 'SET onHand = onHand + :onHand, updatedOn = :updatedOn',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':onHand': -3, ':updatedOn': AT },
        },
      });
    });

    it('takes the units off reserved on the reservation item while reserved ≥ qty', () => {
      // Prepare
      const delta = deltaOf(change('CONSUME', 3));

      // Act
      const [, reservation] = positionWrites(TABLE, delta, AT, undefined);

      // Assess
      expect(reservation?.Update).toMatchObject({
        Key: RESERVATION_KEY,
        ConditionExpression: 'reserved >= :minReserved',
        ExpressionAttributeValues: { ':minReserved': 3, ':reserved': -3 },
      });
    });
  });

  describe('RESTOCK', () => {
    it('adds the units to onHand with no condition, creating a count never made with safety stock 0', () => {
      // Prepare
      const delta = deltaOf(change('RESTOCK', 2));

      // Act
      const writes = positionWrites(TABLE, delta, AT, undefined);

      // Assess
      expect(writes).toEqual([
        {
          Update: {
            TableName: TABLE,
            Key: COUNT_KEY,
            UpdateExpression:
              'SET onHand = if_not_exists(onHand, :zero) + :onHand, safetyStock = if_not_exists(safetyStock, :zero), ' +
              'updatedOn = :updatedOn, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk, skuRef = :skuRef, locationRef = :locationRef',
            ExpressionAttributeValues: {
              ':zero': 0,
              ':onHand': 2,
              ':updatedOn': AT,
              ':gsi1pk': 'LOC#L1',
              ':gsi1sk': 'SKU#S1',
              ':skuRef': 'S1',
              ':locationRef': 'L1',
            },
          },
        },
      ]);
    });

    it('keeps the conditions of a consume merged with a restock of the same position', () => {
      // Prepare
      const delta = deltaOf(change('CONSUME', 3), change('RESTOCK', 1));

      // Act
      const [count, reservation] = positionWrites(TABLE, delta, AT, undefined);

      // Assess
      expect(count?.Update).toMatchObject({ ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':onHand': -2, ':updatedOn': AT } });
      expect(reservation?.Update).toMatchObject({ ConditionExpression: 'reserved >= :minReserved', ExpressionAttributeValues: { ':minReserved': 3 } });
    });
  });

  it('writes nothing for a delta whose changes cancel out', () => {
    // Prepare
    const delta: PositionDelta = { skuRef: 'S1', locationRef: 'L1', onHand: 0, reserved: 0, available: 0, minAvailable: 0, minReserved: 0 };

    // Act
    const writes = positionWrites(TABLE, delta, AT, basis(10));

    // Assess
    expect(writes).toEqual([]);
  });
});
