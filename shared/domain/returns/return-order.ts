import type { Entity } from '../../engine/engine-model';

export const RETURN_ORDER = 'RETURN_ORDER';
/** One return workflow per retailer, whatever the type of the order the goods came from. */
export const RETURN_SUBTYPE = 'DEFAULT';

/** What the goods of a line were found to be on receipt: only RESALEABLE units go back on sale. */
export const RETURN_CONDITIONS = ['RESALEABLE', 'DAMAGED'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export interface ReturnLine {
  lineRef: string;
  skuRef: string;
  qty: number;
  reason: string;
  unitPrice: number;
  currency: string;
  /** Set on receipt. */
  condition?: ReturnCondition;
}

/** What a RETURN_ORDER entity keeps in its attributes; the return rules read the same names. */
export interface ReturnAttributes {
  orderRef: string;
  returnLocationRef: string;
  lines: ReturnLine[];
  currency: string;
  /** Fingerprint of the create request: a resend with another body is a conflict. */
  requestHash: string;
  /** Set on receipt: what the payment system refunds, qty × unitPrice of every received line. */
  refundableAmount?: number;
}

export const returnAttributes = (entity: Entity) => entity.attributes as unknown as ReturnAttributes;

/** Returns in this status give their units back to the order: they can be returned again. */
export const CANCELLED_RETURN_STATUS = 'CANCELLED';
