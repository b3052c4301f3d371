import * as z from 'zod';
import type { Outcome } from '../../engine/engine-model';
import type { ExecutionError } from '../../engine/execution-outcome';
import { eventInputSchema, type EventInput } from './event-input';

/**
 * Fluent Commerce's Event API body (POST /api/v4.1/event/sync and /event/async), as a migrating
 * integration sends it: https://docs.fluentcommerce.com/essential-knowledge/event-api and
 * https://docs.fluentcommerce.com/by-type/knowledge_tracks/workflow-framework/workflow-event-execution
 * It becomes Ordo's own event input, so it runs through exactly what POST /v1/events runs.
 */

/** Fluent numbers its retailers; Ordo names them. A number becomes its digits, which Ordo's event schema then checks. */
const fluentRetailerId = z.union([z.string(), z.number().int().nonnegative().transform(String)]);

/** One entry of Fluent's attribute list; `type` (STRING, OBJECT, ...) only describes `value`. */
const listedAttribute = z.strictObject({
  name: z.string().trim().min(1).max(200),
  type: z.string().max(100).optional(),
  value: z.unknown(),
});

/** Fluent sends attributes as an object or as a list of `{name, type, value}`: a name given twice is ambiguous. */
const fluentAttributes = z
  .union([z.record(z.string(), z.unknown()), z.array(listedAttribute).max(500)])
  .superRefine((attributes, context) => {
    if (!Array.isArray(attributes)) return;
    const seen = new Map<string, number>();
    attributes.forEach(({ name }, index) => {
      const first = seen.get(name);
      if (first !== undefined) context.addIssue({ code: 'custom', path: [index, 'name'], message: `${name} is already given at attributes[${first}].name` });
      else seen.set(name, index);
    });
  })
  .transform((attributes) => (Array.isArray(attributes) ? Object.fromEntries(attributes.map(({ name, value }) => [name, value])) : attributes));

/** Fields Fluent sends that Ordo has no use for: accepted so a payload need not change, and dropped. */
export const IGNORED_FLUENT_EVENT_FIELDS = ['accountId', 'source', 'type', 'entityId', 'rootEntityId', 'meta'] as const;

/**
 * Only what Fluent sends differently is read here: the result is piped into Ordo's own event
 * schema, so every check POST /v1/events makes (and any it gains) applies to this body too.
 */
export const fluentEventInputSchema = z
  .looseObject({
    retailerId: fluentRetailerId.optional(),
    attributes: fluentAttributes.optional(),
    accountId: z.string().max(200).optional(),
    source: z.string().max(200).optional(),
    type: z.string().max(100).optional(),
    entityId: z.union([z.string().max(200), z.number()]).optional(),
    rootEntityId: z.union([z.string().max(200), z.number()]).optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .transform((input): unknown => {
    const { accountId: _a, source: _s, type: _t, entityId: _e, rootEntityId: _r, meta: _m, ...event } = input;
    return event;
  })
  .pipe(eventInputSchema);

/**
 * Fluent's event statuses. The sync answer `{eventId, entityId, eventStatus}` is documented at
 * https://docs.fluentcommerce.com/by-type/manual-event-with-run-once-workflow ; DUPLICATE is
 * Ordo's own: an id already run, whose first outcome GET /v1/events/{eventId} shows.
 */
const FLUENT_STATUS = {
  SUCCESS: 'COMPLETE',
  PENDING: 'PENDING',
  SCHEDULED: 'SCHEDULED',
  NO_MATCH: 'NO_MATCH',
  FAILED: 'FAILED',
  DUPLICATE: 'DUPLICATE',
} as const satisfies Record<Outcome, string>;

/**
 * An Ordo event result in Fluent's response shape. Ordo entities have no numeric ids: the
 * entity's ref stands in for Fluent's `entityId`.
 */
export const fluentEventAnswer = (
  input: Pick<EventInput, 'entityRef'>,
  result: { eventId: string; status: Outcome; error?: ExecutionError },
) => ({
  eventId: result.eventId,
  entityId: input.entityRef,
  entityRef: input.entityRef,
  eventStatus: FLUENT_STATUS[result.status],
  ...(result.error ? { errorMessage: result.error.message } : {}),
});
