import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { InsufficientStockError } from '../../engine/engine-errors';
import { onlyAdds, type PositionDelta } from '../../engine/stock-changes';
import type { StockBasis } from '../../engine/engine-model';
import { stockCountAttributes, stockCountKey, reservationAttributes, reservationKey } from './inventory-items';

/** One operation of a TransactWriteItems call, on a count or reservation item. */
export type PositionWrite = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * One position's merged changes (see netInventoryChanges) as writes to its two items (see
 * inventory-items.ts). No figure the delta lowers may go below zero:
 * - reserved ≥ minReserved is a condition on the reservation item;
 * - available ≥ minAvailable spans both items, and a condition sees only one. With the figures
 *   the rules decided on (onHand o, safetyStock s), the count must still have onHand ≥ o and
 *   safetyStock ≤ s, and the reservations reserved ≤ o − s − minAvailable. Together they give
 *   onHand − safetyStock − reserved ≥ minAvailable whatever else changed, while concurrent
 *   reservations of other units do not conflict unless the stock really runs out.
 * A RELEASE touches only the reservation item; a CONSUME also takes the units off onHand. A delta
 * that only adds units (a restock) needs no condition and creates a count never made (see restockWrite).
 * Throws InsufficientStockError at once when the basis itself cannot cover the delta.
 */
export const positionWrites = (tableName: string, delta: PositionDelta, updatedOn: string, basis: StockBasis | undefined): PositionWrite[] => {
  const needsAvailable = delta.minAvailable > 0;
  if (needsAvailable && (!basis || basis.onHand - basis.safetyStock - delta.minAvailable < 0)) {
    throw new InsufficientStockError(delta.skuRef, delta.locationRef, `Not enough stock of ${delta.skuRef} at ${delta.locationRef}: the execution needs ${delta.minAvailable} available`);
  }
  if (onlyAdds(delta)) return [restockWrite(tableName, delta, updatedOn)];
  const writes: PositionWrite[] = [];

  const countConditions = ['attribute_exists(PK)'];
  const countValues: Record<string, unknown> = {};
  if (needsAvailable && basis) {
    countConditions.push('onHand >= :seenOnHand', '(attribute_not_exists(safetyStock) OR safetyStock <= :seenSafetyStock)');
    countValues[':seenOnHand'] = basis.onHand;
    countValues[':seenSafetyStock'] = basis.safetyStock;
  }
  const countKey = stockCountKey(delta.skuRef, delta.locationRef);
  if (delta.onHand !== 0) {
    writes.push({
      Update: {
        TableName: tableName,
        Key: countKey,
        UpdateExpression: 'SET onHand = onHand + :onHand, updatedOn = :updatedOn',
        ConditionExpression: countConditions.join(' AND '),
        ExpressionAttributeValues: { ...countValues, ':onHand': delta.onHand, ':updatedOn': updatedOn },
      },
    });
  } else if (needsAvailable) {
    writes.push({
      ConditionCheck: {
        TableName: tableName,
        Key: countKey,
        ConditionExpression: countConditions.join(' AND '),
        ExpressionAttributeValues: countValues,
      },
    });
  }

  const reservedConditions: string[] = [];
  const values: Record<string, unknown> = {};
  if (delta.minReserved > 0) {
    reservedConditions.push('reserved >= :minReserved');
    values[':minReserved'] = delta.minReserved;
  }
  if (needsAvailable && basis) {
    reservedConditions.push('(attribute_not_exists(reserved) OR reserved <= :maxReserved)');
    values[':maxReserved'] = basis.onHand - basis.safetyStock - delta.minAvailable;
  }
  if (delta.reserved !== 0 || reservedConditions.length > 0) {
    const attributes = reservationAttributes(delta.skuRef, delta.locationRef);
    writes.push({
      Update: {
        TableName: tableName,
        Key: reservationKey(delta.skuRef, delta.locationRef),
        UpdateExpression:
          'SET reserved = if_not_exists(reserved, :zero) + :reserved, updatedOn = :updatedOn, ' +
          'GSI1PK = :gsi1pk, GSI1SK = :gsi1sk, skuRef = :skuRef, locationRef = :locationRef',
        ...(reservedConditions.length ? { ConditionExpression: reservedConditions.join(' AND ') } : {}),
        ExpressionAttributeValues: {
          ...values,
          ':zero': 0,
          ':reserved': delta.reserved,
          ':updatedOn': updatedOn,
          ':gsi1pk': attributes.GSI1PK,
          ':gsi1sk': attributes.GSI1SK,
          ':skuRef': attributes.skuRef,
          ':locationRef': attributes.locationRef,
        },
      },
    });
  }
  return writes;
};

/**
 * Units back on hand: added to the count, which is made (safety stock 0) where nothing was ever
 * counted, so a return to a location that never stocked the SKU still puts the units on sale.
 */
const restockWrite = (tableName: string, delta: PositionDelta, updatedOn: string): PositionWrite => {
  const attributes = stockCountAttributes(delta.skuRef, delta.locationRef);
  return {
    Update: {
      TableName: tableName,
      Key: stockCountKey(delta.skuRef, delta.locationRef),
      UpdateExpression:
        'SET onHand = if_not_exists(onHand, :zero) + :onHand, safetyStock = if_not_exists(safetyStock, :zero), ' +
        'updatedOn = :updatedOn, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk, skuRef = :skuRef, locationRef = :locationRef',
      ExpressionAttributeValues: {
        ':zero': 0,
        ':onHand': delta.onHand,
        ':updatedOn': updatedOn,
        ':gsi1pk': attributes.GSI1PK,
        ':gsi1sk': attributes.GSI1SK,
        ':skuRef': attributes.skuRef,
        ':locationRef': attributes.locationRef,
      },
    },
  };
};
