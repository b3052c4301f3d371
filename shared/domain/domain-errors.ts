/**
 * Errors the domain raises on purpose. The HTTP layer maps each kind to a status code;
 * anything else that escapes is a bug and becomes a 500 with a request id.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  constructor(
    message: string,
    field?: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super('VALIDATION_FAILED', message, field);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(message = 'A valid API key is required: send "Authorization: Bearer <apiKey>"') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** Every key of a suspended account is refused until the operator reactivates it. */
export class AccountSuspendedError extends DomainError {
  readonly status = 403;
  constructor() {
    super('ACCOUNT_SUSPENDED', 'This account is suspended; its keys are refused until the operator reactivates it');
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  constructor(message: string, field?: string) {
    super('CONFLICT', message, field);
  }
}

/**
 * A ref or event id that several retailers of the account use, read by a key that names
 * none of them: the caller names one with `retailerId`.
 */
export class AmbiguousRefError extends DomainError {
  readonly status = 409;
  constructor(message: string) {
    super('AMBIGUOUS_REF', message, 'retailerId');
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  constructor(message: string) {
    super('PAYLOAD_TOO_LARGE', message);
  }
}

/** A dependency Ordo needs is down; the same request may succeed after `retryAfterSeconds`. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super('SERVICE_UNAVAILABLE', message);
  }
}
