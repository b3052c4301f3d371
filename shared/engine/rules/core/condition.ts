import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import { readAttributePath } from '../../attribute-path';
import type { RuleContext } from '../../rule-registry';

export const CONDITION_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'exists', 'notExists', 'in'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

const UNARY: readonly ConditionOp[] = ['exists', 'notExists'];

/**
 * A test on the entity or the event. `path` is a dot path into attributes, or `status` for
 * the entity's status. gt/gte/lt/lte compare two numbers or two strings (ISO dates sort as text).
 */
export const conditionSchema = z
  .strictObject({
    source: z.enum(['entity', 'event']),
    path: z.string().trim().min(1),
    op: z.enum(CONDITION_OPS),
    value: z.unknown().optional(),
  })
  .superRefine((condition, ctx) => {
    if (!UNARY.includes(condition.op) && condition.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `op '${condition.op}' needs a value` });
    }
    if (condition.op === 'in' && !Array.isArray(condition.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: "op 'in' needs an array value" });
    }
  });

export type Condition = z.infer<typeof conditionSchema>;

const valueAt = (condition: Condition, ctx: RuleContext): unknown => {
  if (condition.source === 'event') return readAttributePath(ctx.event.attributes, condition.path);
  return condition.path === 'status' ? ctx.entity.status : readAttributePath(ctx.entity.attributes, condition.path);
};

const compare = (actual: unknown, expected: unknown): number | undefined => {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual === 'string' && typeof expected === 'string') return actual < expected ? -1 : actual > expected ? 1 : 0;
  return undefined;
};

export const conditionHolds = (condition: Condition, ctx: RuleContext): boolean => {
  const actual = valueAt(condition, ctx);
  const expected = condition.value;
  switch (condition.op) {
    case 'eq':
      return isDeepStrictEqual(actual, expected);
    case 'ne':
      return !isDeepStrictEqual(actual, expected);
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'notExists':
      return actual === undefined || actual === null;
    case 'in':
      return Array.isArray(expected) && expected.some((candidate) => isDeepStrictEqual(actual, candidate));
    case 'gt':
      return (compare(actual, expected) ?? Number.NaN) > 0;
    case 'gte':
      return (compare(actual, expected) ?? Number.NaN) >= 0;
    case 'lt':
      return (compare(actual, expected) ?? Number.NaN) < 0;
    case 'lte':
      return (compare(actual, expected) ?? Number.NaN) <= 0;
  }
};

/** Statuses a condition on the entity's status names, so validation can check them. */
export const conditionStatuses = (condition: Condition): string[] => {
  if (condition.source !== 'entity' || condition.path !== 'status') return [];
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  return values.filter((value): value is string => typeof value === 'string');
};
