import * as z from 'zod';
import type { AccountPrincipal } from '../accounts/principal';
import { NotFoundError } from '../domain-errors';
import type { AccountOrchestration } from './account-orchestration';
import { eventView } from './event-views';
import { retailerOfEvent, type RetailerQuery } from './retailer-of-ref';
import { stuckCutoff, type StuckPolicy } from './stuck-events';

/** The account's threshold, as of now. */
export const stuckPolicyOf = (account: Pick<AccountOrchestration, 'clock' | 'stuckAfterMs'>): StuckPolicy => ({
  now: account.clock.now(),
  stuckAfterMs: account.stuckAfterMs,
});

/** The outcomes, and STUCK: PENDING events that reached the DLQ or waited longer than the threshold. */
const STATUSES = ['PENDING', 'STUCK', 'SUCCESS', 'NO_MATCH', 'FAILED', 'SCHEDULED', 'DUPLICATE'] as const;

export const eventListQuerySchema = z.strictObject({
  rootEntityRef: z.string().min(1).max(200).optional(),
  entityRef: z.string().min(1).max(200).optional(),
  status: z.enum(STATUSES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
  include: z.enum(['audit']).optional(),
});

export type EventListQuery = z.infer<typeof eventListQuerySchema>;

/** The audit log, newest first, one page at a time; `status: STUCK` lists the events to re-drive. */
export const listEvents = async (
  query: EventListQuery,
  scope: Pick<AccountPrincipal, 'retailerId'>,
  account: Pick<AccountOrchestration, 'events' | 'clock' | 'stuckAfterMs'>,
) => {
  const policy = stuckPolicyOf(account);
  const page = await account.events.list({ ...query, retailerId: scope.retailerId, stuckBefore: stuckCutoff(policy) });
  const items = await Promise.all(
    page.items.map(async (logged) => {
      if (query.include !== 'audit') return eventView(logged, policy);
      const full = await account.events.get(logged.event.retailerId, logged.event.id);
      return eventView(logged, policy, full?.audit ?? []);
    }),
  );
  return { items, cursor: page.cursor };
};

/** An event named by its id, in the namespace of the retailer the query names (see retailerOfEvent). */
export type EventRefInput = RetailerQuery & { eventId: string };

/** One event of one retailer (see retailerOfEvent) with its outcome and its whole audit trail, in order. */
export const getEvent = async (
  { eventId, ...query }: EventRefInput,
  scope: Pick<AccountPrincipal, 'retailerId'>,
  account: Pick<AccountOrchestration, 'events' | 'claims' | 'clock' | 'stuckAfterMs'>,
) => {
  const retailerId = await retailerOfEvent(eventId, query.retailerId, scope, account.claims);
  const found = await account.events.get(retailerId, eventId);
  if (!found) throw new NotFoundError(`No event ${eventId} in this account`);
  return eventView(found.event, stuckPolicyOf(account), found.audit);
};
