import type { Action, InventoryRequest } from './actions';
import type { AuditTrail } from './audit-trail';
import { RuleFailedError } from './engine-errors';
import { entityKey, type Entity, type InventoryChange, type InventoryChangeKind } from './engine-model';
import type { InventoryReader, StockRead } from './engine-store';
import { changeReservations, heldQty, PendingInventoryReader } from './stock-changes';
import type { WorkingCopy } from './working-copy';

export type InventoryAction = Extract<
  Action,
  { type: 'RESERVE_INVENTORY' | 'RELEASE_INVENTORY' | 'CONSUME_INVENTORY' | 'RESTOCK_INVENTORY' }
>;

const KIND_OF: Record<InventoryAction['type'], InventoryChangeKind> = {
  RESERVE_INVENTORY: 'RESERVE',
  RELEASE_INVENTORY: 'RELEASE',
  CONSUME_INVENTORY: 'CONSUME',
  RESTOCK_INVENTORY: 'RESTOCK',
};

/** The root whose entities may hold reservations, and where each change is audited. */
export interface InventoryScope {
  rootEntityType: string;
  rootRef: string;
  working: WorkingCopy;
  trail: AuditTrail;
}

/**
 * What the rules of one execution ask of stock. Each request is checked here (a position, a
 * positive whole quantity, a holder of this root that holds what it gives back), kept on its
 * holder's reservations, and listed for the commit, which nets the changes of each position
 * into one conditioned write. Rules read stock through `reader`, which applies the requests so
 * far to the committed figures.
 */
export class InventoryRequests {
  /** In the order the rules asked for them. */
  private readonly changes: InventoryChange[] = [];
  readonly reader: PendingInventoryReader | undefined;

  constructor(
    committed: InventoryReader | undefined,
    private readonly scope: InventoryScope,
    read: StockRead = 'exact',
  ) {
    this.reader = committed ? new PendingInventoryReader(committed, this.changes, read) : undefined;
  }

  /** The changes to commit, in the order they were asked for. */
  get list(): InventoryChange[] {
    return this.changes;
  }

  /**
   * Records the change for the commit and keeps the holder's reservations: a holder cannot
   * release or consume more of a position than it reserved, so no entity gives back units
   * another one holds.
   */
  request(entity: Entity, action: InventoryAction, inlineEventId: string | undefined): void {
    const kind = KIND_OF[action.type];
    const { skuRef, locationRef, qty, reason } = action;
    const verb = kind.toLowerCase();
    for (const [field, value] of [
      ['skuRef', skuRef],
      ['locationRef', locationRef],
    ] as const) {
      if (typeof value !== 'string' || value.length === 0) {
        throw new RuleFailedError(`Cannot ${verb} inventory: ${field} must be a non-empty string`, 'INVALID_INVENTORY_CHANGE');
      }
    }
    if (!Number.isSafeInteger(qty) || qty <= 0) {
      throw new RuleFailedError(
        `Cannot ${verb} ${qty} of ${skuRef} at ${locationRef}: qty must be a positive whole number`,
        'INVALID_INVENTORY_CHANGE',
      );
    }
    const change: InventoryChange = { skuRef, locationRef, kind, qty };
    if (reason !== undefined) change.reason = reason;
    const seen = this.reader?.committedPosition(skuRef, locationRef);
    if (seen) change.seen = { onHand: seen.onHand, reserved: seen.reserved, safetyStock: seen.safetyStock };
    // Restocked units are nobody's: no holder's reservations change, the entity that asked is audited.
    const [holderKey, holder] = action.type === 'RESTOCK_INVENTORY' ? [undefined, entity] : this.holderOf(entity, action.holder);
    if (kind !== 'RESERVE' && kind !== 'RESTOCK') {
      const held = heldQty(holder.reservations, skuRef, locationRef);
      if (held < qty) {
        throw new RuleFailedError(
          `Cannot ${verb} ${qty} of ${skuRef} at ${locationRef}: ${holder.entityType} ${holder.ref} holds ${held}`,
          'NOT_RESERVED',
        );
      }
    }
    if (holderKey !== undefined) {
      this.scope.working.update(holderKey, { reservations: changeReservations(holder.reservations ?? [], change) });
    }
    this.changes.push(change);
    this.scope.trail.add('INVENTORY', holder.entityType, holder.ref, {
      name: kind,
      props: reason === undefined ? { skuRef, locationRef, kind, qty } : { skuRef, locationRef, kind, qty, reason },
      inlineEventId,
    });
  }

  private holderOf(entity: Entity, holder: InventoryRequest['holder']): [string, Entity] {
    const { rootEntityType, rootRef, working } = this.scope;
    const key =
      holder === undefined || holder === 'SELF'
        ? entityKey(entity.entityType, entity.ref)
        : holder === 'ROOT'
          ? entityKey(rootEntityType, rootRef)
          : entityKey(holder.entityType, holder.entityRef);
    const found = working.get(key);
    if (!found) {
      throw new RuleFailedError(
        `The reservation holder ${key.replace('#', ' ')} is not an entity of this root`,
        'ENTITY_NOT_FOUND',
      );
    }
    return [key, found];
  }
}
