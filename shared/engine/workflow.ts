import * as z from 'zod';

export type RulesetEventType = 'NORMAL' | 'EXCEPTION';

export interface WorkflowRule {
  /** Fully qualified rule name, e.g. `ordo.core.SetState`. */
  name: string;
  props?: Record<string, unknown>;
}

export interface Ruleset {
  /** Matched against the event name. */
  name: string;
  /** The entity type it applies to, e.g. ORDER or FULFILMENT. */
  type: string;
  /** Absent = every subtype. */
  subtype?: string;
  /** Default NORMAL; an EXCEPTION ruleset runs when the event of the same name FAILED. */
  eventType?: RulesetEventType;
  /** Empty or absent = any status. */
  triggers?: { status: string }[];
  /** false hides an internal event from the list of user actions; default true. */
  userAction?: boolean;
  rules: WorkflowRule[];
}

export interface WorkflowStatus {
  name: string;
  category?: string;
}

/** One per retailer × root entity type × subtype, versioned; entities stay on the version they were created under. */
export interface Workflow {
  retailerId: string;
  /** The root entity type, e.g. ORDER. */
  entityType: string;
  subtype: string;
  version?: number;
  name?: string;
  /** Status of an entity created by a CREATE event; default CREATED. */
  initialStatus?: string;
  statuses: WorkflowStatus[];
  rulesets: Ruleset[];
  settings?: { loopGuard?: number };
}

export interface WorkflowKey {
  retailerId: string;
  entityType: string;
  subtype: string;
}

export const DEFAULT_INITIAL_STATUS = 'CREATED';
export const DEFAULT_SUBTYPE = 'DEFAULT';
export const CREATE_EVENT = 'CREATE';

export const initialStatusOf = (workflow: Workflow): string => workflow.initialStatus ?? DEFAULT_INITIAL_STATUS;

/** `ORDER::HD`: how an entity names the workflow it is pinned to. */
export const workflowRefOf = (key: Pick<WorkflowKey, 'entityType' | 'subtype'>): string =>
  `${key.entityType}::${key.subtype}`;

/**
 * How big an uploaded workflow may be. Every execution compiles and matches against the whole
 * workflow, and the diagram draws it, so an unbounded upload would slow every event of its root.
 * The reference workflows use about a tenth of each.
 */
export const WORKFLOW_LIMITS = {
  statuses: 100,
  rulesets: 200,
  rulesPerRuleset: 50,
  triggersPerRuleset: 100,
  /** The highest `settings.loopGuard` a workflow may set. */
  loopGuard: 1_000,
} as const;

const name = z.string().trim().min(1).max(200);

const atMost = (limit: number, what: string) => `must have at most ${limit} ${what}`;

const rulesetSchema = z.strictObject({
  name,
  type: name,
  subtype: name.optional(),
  eventType: z.enum(['NORMAL', 'EXCEPTION']).optional(),
  triggers: z
    .array(z.strictObject({ status: name }))
    .max(WORKFLOW_LIMITS.triggersPerRuleset, atMost(WORKFLOW_LIMITS.triggersPerRuleset, 'triggers'))
    .optional(),
  userAction: z.boolean().optional(),
  rules: z
    .array(z.strictObject({ name, props: z.record(z.string(), z.unknown()).optional() }))
    .max(WORKFLOW_LIMITS.rulesPerRuleset, atMost(WORKFLOW_LIMITS.rulesPerRuleset, 'rules')),
});

/**
 * What a retailer id may be. Retailer ids go into storage keys and queue ids, so they keep to a
 * short, plain alphabet: no separator of those keys, nothing that grows when it is encoded.
 */
export const retailerIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1 to 100 characters of A-Z, a-z, 0-9 and ._:-');

/** The raw JSON shape of a workflow; `validateWorkflow` then checks what it refers to. */
export const workflowSchema = z.strictObject({
  retailerId: retailerIdSchema,
  entityType: name,
  subtype: name,
  version: z.number().int().positive().optional(),
  name: name.optional(),
  initialStatus: name.optional(),
  statuses: z
    .array(z.strictObject({ name, category: name.optional() }))
    .max(WORKFLOW_LIMITS.statuses, atMost(WORKFLOW_LIMITS.statuses, 'statuses')),
  rulesets: z.array(rulesetSchema).max(WORKFLOW_LIMITS.rulesets, atMost(WORKFLOW_LIMITS.rulesets, 'rulesets')),
  settings: z
    .strictObject({
      loopGuard: z
        .number()
        .int()
        .positive()
        .max(WORKFLOW_LIMITS.loopGuard, `must be at most ${WORKFLOW_LIMITS.loopGuard}`)
        .optional(),
    })
    .optional(),
}) satisfies z.ZodType<Workflow>;
