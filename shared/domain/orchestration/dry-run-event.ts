import { z } from 'zod';
import { parseWorkflow } from '../../engine/workflow-validation';
import type { AccountOrchestration } from './account-orchestration';
import { eventInputSchema, toOrdoEvent } from './event-input';

/** The event body, plus an optional draft workflow to try instead of the stored one. */
export const dryRunInputSchema = eventInputSchema.extend({ workflow: z.unknown().optional() });

export const dryRunEvent = async (
  input: z.infer<typeof dryRunInputSchema>,
  scope: { retailerId?: string },
  account: Pick<AccountOrchestration, 'engine' | 'registry'>,
) => {
  const { workflow: rawDraft, ...eventInput } = input;
  const draft = rawDraft === undefined ? undefined : parseWorkflow(rawDraft, account.registry).workflow;
  const event = toOrdoEvent(eventInput, 'API', scope);
  const result = await account.engine.dryRun(event, draft);
  // `status` as in the sync API; `outcome` stays for clients of the first version.
  return { eventId: event.id, status: result.outcome, ...result };
};
