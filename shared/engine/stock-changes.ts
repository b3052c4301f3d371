import type { InventoryChange, InventoryChangeKind, Reservation, StockBasis, StockPosition } from './engine-model';
import type { InventoryReader, StockRead } from './engine-store';

/** Key of an inventory position among others, e.g. in a map. */
export const stockKey = (skuRef: string, locationRef: string): string => `${skuRef}|${locationRef}`;

/** How each kind of change moves the stored figures, per unit. */
const EFFECT: Record<InventoryChangeKind, { onHand: number; reserved: number; available: number }> = {
  RESERVE: { onHand: 0, reserved: 1, available: -1 },
  RELEASE: { onHand: 0, reserved: -1, available: 1 },
  CONSUME: { onHand: -1, reserved: -1, available: 0 },
  RESTOCK: { onHand: 1, reserved: 0, available: 1 },
};

/**
 * The net effect of an execution's changes on one position, written as one update. The
 * figures are added to the stored ones; the update applies only while the stored
 * `available` ≥ `minAvailable` and `reserved` ≥ `minReserved`.
 */
export interface PositionDelta {
  skuRef: string;
  locationRef: string;
  onHand: number;
  reserved: number;
  available: number;
  minAvailable: number;
  minReserved: number;
  /** The committed figures the latest of its changes was decided on, when the rules read them. */
  seen?: StockBasis;
}

/**
 * Merges the changes of each position into one delta, because a DynamoDB transaction may hold
 * only one operation per item. With R reserved, L released, C consumed and B restocked (brought
 * back) on one position: onHand +(B − C), reserved +(R − L − C), available +(L + B − R). The condition is that no figure the
 * delta lowers goes below zero: available ≥ R − L when R > L, reserved ≥ L + C − R when that is
 * positive. Each change on its own gets exactly its own condition (RESERVE q: available ≥ q;
 * RELEASE or CONSUME q: reserved ≥ q). Merged, the check is on the net result, not on each step
 * in turn: a reserve of 3 and a release of 1 need available ≥ 2, not 3. A position whose changes
 * cancel out (reserve 2, release 2) is left alone. Positions keep the order of their first change.
 */
export const netInventoryChanges = (changes: readonly InventoryChange[]): PositionDelta[] => {
  const deltas = new Map<string, PositionDelta>();
  for (const change of changes) {
    const key = stockKey(change.skuRef, change.locationRef);
    let delta = deltas.get(key);
    if (!delta) {
      delta = { skuRef: change.skuRef, locationRef: change.locationRef, onHand: 0, reserved: 0, available: 0, minAvailable: 0, minReserved: 0 };
      deltas.set(key, delta);
    }
    const effect = EFFECT[change.kind];
    delta.onHand += effect.onHand * change.qty;
    delta.reserved += effect.reserved * change.qty;
    delta.available += effect.available * change.qty;
    if (change.seen) delta.seen = change.seen;
  }
  const net: PositionDelta[] = [];
  for (const delta of deltas.values()) {
    if (delta.onHand === 0 && delta.reserved === 0 && delta.available === 0) continue;
    delta.minAvailable = Math.max(0, -delta.available);
    delta.minReserved = Math.max(0, -delta.reserved);
    net.push(delta);
  }
  return net;
};

/**
 * Whether a delta only adds units (a restock), so it may create a position never counted: units
 * that came back are on hand wherever they are, counted or not.
 */
export const onlyAdds = (delta: PositionDelta): boolean =>
  delta.onHand > 0 && delta.reserved === 0 && delta.minAvailable === 0 && delta.minReserved === 0;

/** Whether the stored position lets the delta through (see PositionDelta). */
export const deltaFits = (stored: StockPosition | undefined, delta: PositionDelta): boolean =>
  stored === undefined
    ? onlyAdds(delta)
    : stored.available >= delta.minAvailable && stored.reserved >= delta.minReserved;

/** A position nothing was ever counted at: what a restock starts from. */
export const uncountedPosition = (skuRef: string, locationRef: string): StockPosition => ({
  skuRef,
  locationRef,
  onHand: 0,
  reserved: 0,
  safetyStock: 0,
  available: 0,
});

/** The position after the delta. */
export const applyDelta = (stored: StockPosition, delta: Pick<PositionDelta, 'onHand' | 'reserved' | 'available'>): StockPosition => ({
  ...stored,
  onHand: stored.onHand + delta.onHand,
  reserved: stored.reserved + delta.reserved,
  available: stored.available + delta.available,
});

/** The holder's reservations after a change: RESERVE adds, RELEASE and CONSUME take off; empty entries go. */
export const changeReservations = (
  reservations: readonly Reservation[],
  change: Pick<InventoryChange, 'skuRef' | 'locationRef' | 'kind' | 'qty'>,
): Reservation[] => {
  const sign = change.kind === 'RESERVE' ? 1 : -1;
  const next = reservations.map((reservation) => ({ ...reservation }));
  const held = next.find((r) => r.skuRef === change.skuRef && r.locationRef === change.locationRef);
  if (held) held.qty += sign * change.qty;
  else next.push({ skuRef: change.skuRef, locationRef: change.locationRef, qty: sign * change.qty });
  return next.filter((reservation) => reservation.qty !== 0);
};

/** Units of the position that the reservations hold. */
export const heldQty = (reservations: readonly Reservation[] | undefined, skuRef: string, locationRef: string): number =>
  reservations?.find((r) => r.skuRef === skuRef && r.locationRef === locationRef)?.qty ?? 0;

/**
 * What rules read through `ctx.services.inventory`: the committed positions with the
 * execution's own pending changes applied, so a rule sees what an earlier rule reserved.
 * `available` is clamped at 0 here (the pending changes apply to the stored figure first).
 * Changes to a position that does not exist are not shown; their commit would fail.
 */
export class PendingInventoryReader implements InventoryReader {
  private readonly lastCommitted = new Map<string, StockPosition>();

  constructor(
    private readonly committed: InventoryReader,
    private readonly pending: readonly InventoryChange[],
    /** How the execution reads stock unless a rule asks for a read of its own. */
    private readonly read: StockRead = 'exact',
  ) {}

  /** The position as committed when this reader last read it, without the pending changes. */
  committedPosition(skuRef: string, locationRef: string): StockPosition | undefined {
    return this.lastCommitted.get(stockKey(skuRef, locationRef));
  }

  async positions(skuRefs: string[], read: StockRead = this.read): Promise<StockPosition[]> {
    const stored = await this.committed.positions(skuRefs, read);
    for (const position of stored) this.lastCommitted.set(stockKey(position.skuRef, position.locationRef), position);
    const deltas = new Map(netInventoryChanges(this.pending).map((delta) => [stockKey(delta.skuRef, delta.locationRef), delta]));
    return stored.map((position) => {
      const delta = deltas.get(stockKey(position.skuRef, position.locationRef));
      const seen = delta ? applyDelta(position, delta) : { ...position };
      seen.available = Math.max(0, seen.available);
      return seen;
    });
  }
}
