import { z } from 'zod';
import type { Clock } from '../../ports/clock';
import type { EventSourceRegistry } from '../../ports/event-source-registry';
import { NotFoundError } from '../errors';
import { validate } from '../validation';

/** EventBridge's own rules for `source`, minus the `aws.` prefix that AWS reserves. */
const sourceSchema = z
  .string()
  .regex(/^[A-Za-z0-9._\-/]{1,256}$/, 'must be 1 to 256 characters of A-Z, a-z, 0-9 and ._-/')
  .refine((source) => !source.startsWith('aws.'), 'must not start with "aws."');

export const eventSourceInputSchema = z.strictObject({ source: sourceSchema });

export const registerEventSource = async (
  accountId: string,
  source: string,
  deps: { eventSources: EventSourceRegistry; clock: Clock },
) => {
  const claimedOn = deps.clock.now().toISOString();
  await deps.eventSources.claim(source, accountId, claimedOn);
  return { source, accountId };
};

export const releaseEventSource = async (accountId: string, source: string, deps: { eventSources: EventSourceRegistry }) => {
  if (!(await deps.eventSources.release(validate(sourceSchema, source, 'source'), accountId))) {
    throw new NotFoundError(`Event source ${source} is not registered to this account`);
  }
};
