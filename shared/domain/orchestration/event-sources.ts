import * as z from 'zod';
import type { Clock } from '../../ports/clock';
import type { EventSourceRegistration, EventSourceRegistry, RetailerScope } from '../../ports/event-source-registry';
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

/**
 * Claims a source for the account. A key scoped to a retailer binds it to that retailer, so
 * that bus events through it act for that retailer only; an unscoped key may bind it to a
 * retailer it names or leave it unbound (its events then name their retailer).
 */
export const registerEventSource = async (
  accountId: string,
  input: EventSourceInput,
  scope: RetailerScope,
  deps: { eventSources: EventSourceRegistry; clock: Clock },
): Promise<EventSourceRegistration> => {
  const retailerId = scope.retailerId || input.retailerId ? retailerFor(input.retailerId, scope) : undefined;
  const registration: EventSourceRegistration = {
    source: input.source,
    accountId,
    awsAccountId: input.awsAccountId,
    ...(retailerId ? { retailerId } : {}),
    claimedOn: deps.clock.now().toISOString(),
  };
  await deps.eventSources.claim(registration, scope);
  return registration;
};

/** What a caller sees of its sources: a scoped key only those bound to its retailer. */
export const listEventSources = async (accountId: string, scope: RetailerScope, deps: { eventSources: EventSourceRegistry }) => {
  const registrations = await deps.eventSources.listFor(accountId, scope);
  return registrations.map(({ accountId: _account, ...registration }) => registration);
};

/** A scoped key releases only its retailer's sources; any other is reported missing, never forbidden. */
export const releaseEventSource = async (
  accountId: string,
  source: string,
  scope: RetailerScope,
  deps: { eventSources: EventSourceRegistry },
) => {
  if (!(await deps.eventSources.release(validate(sourceSchema, source, 'source'), accountId, scope))) {
    throw new NotFoundError(`Event source ${source} is not registered to this account`);
  }
};
