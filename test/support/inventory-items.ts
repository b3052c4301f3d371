/**
 * Raw DynamoDB items of an inventory position, as the table holds them: the count item
 * (`SKU#<sku>` / `LOC#<location>`) and the reservation item (`SKU#<sku>` / `RES#<location>`),
 * each with its GSI1 keys under `LOC#<location>`.
 */

/** The updatedOn of a count item unless a test gives one. */
export const COUNT_UPDATED_ON = '2025-03-01T10:00:00.000Z';
/** The updatedOn of a reservation item unless a test gives one: later than the count's, so a test can tell them apart. */
export const RESERVATION_UPDATED_ON = '2025-03-01T11:00:00.000Z';

/** A count item as the table holds it. */
export const countItem = (skuRef: string, locationRef: string, onHand: number, safetyStock = 0, updatedOn = COUNT_UPDATED_ON) => ({
  PK: `SKU#${skuRef}`,
  SK: `LOC#${locationRef}`,
  GSI1PK: `LOC#${locationRef}`,
  GSI1SK: `SKU#${skuRef}`,
  skuRef,
  locationRef,
  onHand,
  safetyStock,
  updatedOn,
});

/** A reservation item as the engine's transactions leave it. */
export const reservationItem = (skuRef: string, locationRef: string, reserved: number, updatedOn = RESERVATION_UPDATED_ON) => ({
  PK: `SKU#${skuRef}`,
  SK: `RES#${locationRef}`,
  GSI1PK: `LOC#${locationRef}`,
  GSI1SK: `RES#${skuRef}`,
  skuRef,
  locationRef,
  reserved,
  updatedOn,
});
