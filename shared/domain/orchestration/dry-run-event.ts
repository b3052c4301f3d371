import * as z from 'zod';
import { parseWorkflow } from '../../engine/workflow-validation';
import type { DataKeys } from '../../ports/keyring';
import type { AccountPrincipal } from '../accounts/principal';
import type { AccountOrchestration } from './account-orchestration';
import { withoutSealedValues } from '../privacy/customer-data';
import { entityView } from './entity-queries';
import { eventInputSchema } from './event-input';
import { incomingEvent } from './incoming-event';

/** The event body, plus an optional draft workflow to try instead of the stored one. */
export const dryRunInputSchema = eventInputSchema.extend({ workflow: z.unknown().optional() });

/** The event's customer data is sealed as a real run would see it; the answer shows none of it. */
export const dryRunEvent = async (
  input: z.infer<typeof dryRunInputSchema>,
  scope: Pick<AccountPrincipal, 'retailerId'>,
  account: Pick<AccountOrchestration, 'accountId' | 'engine' | 'registry'> & { dataKeys: DataKeys },
) => {
  const { workflow: rawDraft, ...eventInput } = input;
  const draft = rawDraft === undefined ? undefined : parseWorkflow(rawDraft, account.registry).workflow;
  const event = await incomingEvent(eventInput, 'API', { accountId: account.accountId, retailerId: scope.retailerId }, account.dataKeys);
  const { entity, ...result } = await account.engine.dryRun(event, draft);
  // `status` as in the sync API; `outcome` stays for clients of the first version.
  // The actions may carry the entity too (a webhook that includes it): no sealed value leaves.
  const shown = withoutSealedValues(result) as typeof result;
  return { eventId: event.id, status: result.outcome, ...shown, ...(entity ? { entity: entityView(entity) } : {}) };
};
