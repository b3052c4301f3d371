import { OrdoError, type ErrorDetail } from './ordo-error';

/** A request, a body or a workflow that breaks the rules; nothing was written. */
export class ValidationError extends OrdoError {
  declare readonly details: ErrorDetail[];
  constructor(message: string, field?: string, details: ErrorDetail[] = []) {
    super('VALIDATION_FAILED', message, field, details);
  }
}

/** An entity changed between load and commit; nothing was written, so re-run the execution. */
export class VersionConflictError extends OrdoError {
  constructor(message: string) {
    super('VERSION_CONFLICT', message);
  }
}

/**
 * An inventory change would take a position below zero (not enough available to reserve, not
 * enough reserved to release or consume), or the position does not exist. Nothing was written;
 * the engine re-runs the execution, whose rules then see the stock as it is now.
 */
export class InsufficientStockError extends OrdoError {
  constructor(
    readonly skuRef: string,
    readonly locationRef: string,
    message = `Not enough stock of ${skuRef} at ${locationRef} for the inventory changes of this execution`,
  ) {
    super('INSUFFICIENT_STOCK', message);
  }
}

/** The event was already processed to a final outcome; nothing was written. */
export class DuplicateEventError extends OrdoError {
  constructor(readonly eventId: string) {
    super('DUPLICATE_EVENT', `Event ${eventId} was already processed`);
  }
}

/** More rulesets ran in one execution than the loop guard allows. */
export class LoopGuardError extends OrdoError {
  constructor(
    readonly limit: number,
    readonly lastEventName: string,
  ) {
    super('LOOP_GUARD', `Loop guard tripped: more than ${limit} rulesets ran in one execution (last event '${lastEventName}')`);
  }
}

/**
 * The event came through more relays (events sent to other roots, scheduled events) than the
 * hop limit allows: a workflow that keeps sending events on would otherwise never stop.
 */
export class HopLimitError extends OrdoError {
  constructor(
    readonly limit: number,
    readonly hops: number,
  ) {
    super('HOP_LIMIT', `Hop limit reached: the event came through ${hops} relays, more than the ${limit} allowed; it is not run and relays nothing`);
  }
}

export class WorkflowNotFoundError extends OrdoError {
  constructor(key: { retailerId: string; entityType: string; subtype: string }, version?: number) {
    const which = version === undefined ? 'any version' : `version ${version}`;
    super(
      'WORKFLOW_NOT_FOUND',
      `No workflow for retailer ${key.retailerId}, ${key.entityType}::${key.subtype} (${which})`,
    );
  }
}

/**
 * A rule could not do its job: thrown by `ordo.core.Fail`, by custom rules, and by the engine
 * for a rule it cannot run (unknown name, props that fail the schema, an undeclared status).
 */
export class RuleFailedError extends OrdoError {
  constructor(message: string, code = 'RULE_FAILED') {
    super(code, message);
  }
}

export interface WorkflowProblem {
  /** Where in the workflow JSON, e.g. `rulesets[2].rules[0].props.status`. */
  path: string;
  message: string;
}

/** A workflow upload that fails validation; lists every problem, not just the first. */
export class InvalidWorkflowError extends ValidationError {
  constructor(readonly problems: WorkflowProblem[]) {
    super(
      `The workflow has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
      problems[0]?.path,
      problems.map((p) => ({ field: p.path, message: p.message })),
    );
  }
}
