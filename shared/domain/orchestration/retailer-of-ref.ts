import * as z from 'zod';
import type { RetailerClaims } from '../../ports/retailer-claims';
import { AmbiguousRefError, NotFoundError } from '../domain-errors';
import { retailerIdSchema } from '../../engine/workflow';

/** The query of the reads by ref or event id: which retailer's namespace to look in. */
export const retailerQuerySchema = z.strictObject({
  retailerId: retailerIdSchema.optional(),
});

export type RetailerQuery = z.infer<typeof retailerQuerySchema>;

/**
 * The retailer whose ref or event id a read names. Refs and event ids are unique per retailer
 * only. A retailer-scoped key reads its own retailer's; naming another gets the same 404 as
 * a ref that does not exist, so it learns nothing about other retailers. An unscoped key names
 * the retailer, or else it is the one retailer holding the ref: none is a 404, several a 409
 * AMBIGUOUS_REF asking for `retailerId`.
 */
export const retailerOfRef = async (
  /** What the read names, for the messages: "order O-1", "event e1". */
  what: string,
  requested: string | undefined,
  scope: { retailerId?: string },
  holders: () => Promise<string[]>,
): Promise<string> => {
  if (scope.retailerId) {
    if (requested !== undefined && requested !== scope.retailerId) throw new NotFoundError(`No ${what} in this account`);
    return scope.retailerId;
  }
  if (requested !== undefined) return requested;
  const retailers = await holders();
  if (!retailers.length) throw new NotFoundError(`No ${what} in this account`);
  if (retailers.length > 1) {
    throw new AmbiguousRefError(`More than one retailer has ${what}: name one with retailerId (${retailers.join(', ')})`);
  }
  return retailers[0] as string;
};

/** The retailer of a root entity (an order, a location, …) a read names. */
export const retailerOfRoot = (
  root: { rootEntityType: string; rootRef: string; what: string },
  requested: string | undefined,
  scope: { retailerId?: string },
  claims: RetailerClaims,
): Promise<string> => retailerOfRef(root.what, requested, scope, () => claims.retailersOfRoot(root.rootEntityType, root.rootRef));

/** The retailer of an event a read names. */
export const retailerOfEvent = (
  eventId: string,
  requested: string | undefined,
  scope: { retailerId?: string },
  claims: RetailerClaims,
): Promise<string> => retailerOfRef(`event ${eventId}`, requested, scope, () => claims.retailersOfEvent(eventId));
