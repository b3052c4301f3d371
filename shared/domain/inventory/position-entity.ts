/**
 * An inventory position (one SKU at one location) as an orchestration entity, for retailers
 * that configure a workflow for it: its own root, of type INVENTORY_POSITION, subtype DEFAULT.
 */
export const INVENTORY_POSITION = 'INVENTORY_POSITION';
export const POSITION_SUBTYPE = 'DEFAULT';
export const INVENTORY_CHANGED = 'INVENTORY_CHANGED';

/**
 * The entity ref of a position: `<skuRef>@<locationRef>`. Both refs may contain `.`, `_`, `:`
 * and `-` but never `@`, so the ref names exactly one position (with `:` as separator, SKU `A:B`
 * at `C` and SKU `A` at `B:C` would share one entity).
 */
export const positionRef = (skuRef: string, locationRef: string): string => `${skuRef}@${locationRef}`;

/** Attributes of INVENTORY_CHANGED. */
export interface InventoryChangedAttributes {
  skuRef: string;
  locationRef: string;
  onHand: number;
  /** null when the position had no count before (or it cannot be told, see CountChange). */
  previousOnHand: number | null;
  safetyStock: number;
}
