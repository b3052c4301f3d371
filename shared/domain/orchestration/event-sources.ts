import * as z from 'zod';
import type { Clock } from '../../ports/clock';
import type { EventSourceRegistration, EventSourceRegistry } from '../../ports/event-source-registry';
import type { AccountPrincipal } from '../accounts/principal';
import { NotFoundError } from '../domain-errors';
import { validate } from '../validation';
import { retailerFor } from './retailer-scope';
import { retailerIdSchema } from '../../engine/workflow';

/** EventBridge's own rules for `source`, minus the `aws.` prefix that AWS reserves. */
const sourceSchema = z
  .string()
  .regex(/^[A-Za-z0-9._\-/]{1,256}$/, 'must be 1 to 256 characters of A-Z, a-z, 0-9 and ._-/')
  .refine((source) => !source.startsWith('aws.'), 'must not start with "aws."');

export const eventSourceInputSchema = z.strictObject({
  source: sourceSchema,
  /** The AWS account that puts this source's events on the bus (EventBridge's `account`). */
  awsAccountId: z.string().regex(/^\d{12}$/, 'must be the 12 digits of an AWS account id'),
  /** Binds the source to a retailer; a scoped key's sources are bound to its retailer anyway. */
  retailerId: retailerIdSchema.optional(),
});

export type EventSourceInput = z.infer<typeof eventSourceInputSchema>;

/** The caller's account, and its retailer when its key is scoped to one. */
type Caller = Pick<AccountPrincipal, 'accountId' | 'retailerId'>;

/**
 * Claims a source for the account. A key scoped to a retailer binds it to that retailer, so
 * that bus events through it act for that retailer only; an unscoped key may bind it to a
 * retailer it names or leave it unbound (its events then name their retailer).
 */
export const registerEventSource = async (
  input: EventSourceInput,
  caller: Caller,
  deps: { eventSources: EventSourceRegistry; clock: Clock },
): Promise<EventSourceRegistration> => {
  const retailerId = caller.retailerId || input.retailerId ? retailerFor(input.retailerId, caller) : undefined;
  const registration: EventSourceRegistration = {
    source: input.source,
    accountId: caller.accountId,
    awsAccountId: input.awsAccountId,
    ...(retailerId ? { retailerId } : {}),
    claimedOn: deps.clock.now().toISOString(),
  };
  await deps.eventSources.claim(registration, caller);
  return registration;
};

export type ListedEventSource = Omit<EventSourceRegistration, 'accountId'>;

/** What a caller sees of its sources: a scoped key only those bound to its retailer. */
export const listEventSources = async (
  _input: Record<string, never>,
  caller: Caller,
  deps: { eventSources: EventSourceRegistry },
): Promise<ListedEventSource[]> => {
  const registrations = await deps.eventSources.listFor(caller.accountId, caller);
  return registrations.map(({ accountId: _account, ...registration }) => registration);
};

/** A scoped key releases only its retailer's sources; any other is reported missing, never forbidden. */
export const releaseEventSource = async (
  { source }: { source: string },
  caller: Caller,
  deps: { eventSources: EventSourceRegistry },
) => {
  if (!(await deps.eventSources.release(validate(sourceSchema, source, 'source'), caller.accountId, caller))) {
    throw new NotFoundError(`Event source ${source} is not registered to this account`);
  }
};
