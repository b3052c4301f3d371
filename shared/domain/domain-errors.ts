import { OrdoError } from '../engine/ordo-error';

export { ValidationError } from '../engine/engine-errors';

/**
 * Errors the domain raises on purpose, each with its code. The HTTP edge maps a code to a status
 * (`shared/http/error-statuses.ts`); anything else that escapes is a bug and becomes a 500 with a request id.
 */
export abstract class DomainError extends OrdoError {}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid API key is required: send "Authorization: Bearer <apiKey>"') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** Every key of a suspended account is refused until the operator reactivates it. */
export class AccountSuspendedError extends DomainError {
  constructor() {
    super('ACCOUNT_SUSPENDED', 'This account is suspended; its keys are refused until the operator reactivates it');
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, field?: string) {
    super('CONFLICT', message, field);
  }
}

/** A retry of an event still waiting its turn in the queue: re-driving it would only queue it twice. */
export class EventStillPendingError extends DomainError {
  constructor(eventId: string, stuckAfterMinutes: number) {
    super(
      'EVENT_STILL_PENDING',
      `Event ${eventId} is PENDING and not stuck: it can be retried once it has reached the DLQ or stayed PENDING for ${stuckAfterMinutes} minutes`,
    );
  }
}

/**
 * A ref or event id that several retailers of the account use, read by a key that names
 * none of them: the caller names one with `retailerId`.
 */
export class AmbiguousRefError extends DomainError {
  constructor(message: string) {
    super('AMBIGUOUS_REF', message, 'retailerId');
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super('PAYLOAD_TOO_LARGE', message);
  }
}

/** A dependency Ordo needs is down; the same request may succeed after `retryAfterSeconds`. */
export class ServiceUnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super('SERVICE_UNAVAILABLE', message);
  }
}

/** The account sent more requests this second than its limit; the same request may succeed after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  constructor(
    limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', `This account may make ${limit} requests a second; retry after ${retryAfterSeconds} s`);
  }
}

/**
 * The order was refused: its code is the reason the engine gave (WORKFLOW_NOT_FOUND, RULE_FAILED, a
 * custom rule's code, LOOP_GUARD, …), so callers see why, and one kind answers all of them alike.
 */
export class OrderNotAcceptedError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}
