import { OrderNotAcceptedError } from '../domain/domain-errors';
import { RuleFailedError } from '../engine/engine-errors';
import type { OrdoError } from '../engine/ordo-error';

/**
 * The HTTP status of each error code. Codes are the contract; statuses are how HTTP says them,
 * so this is the one place that knows both.
 */
export const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ACCOUNT_SUSPENDED: 403,
  NOT_FOUND: 404,
  WORKFLOW_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  AMBIGUOUS_REF: 409,
  VERSION_CONFLICT: 409,
  INSUFFICIENT_STOCK: 409,
  DUPLICATE_EVENT: 409,
  EVENT_STILL_PENDING: 409,
  PAYLOAD_TOO_LARGE: 413,
  RULE_FAILED: 422,
  LOOP_GUARD: 422,
  HOP_LIMIT: 422,
  TRANSACTION_TOO_LARGE: 422,
  RETAILER_NOT_FOUND: 422,
  RATE_LIMITED: 429,
  // A queued event the consumer hands back for redelivery; should it ever reach a caller, it failed on our side.
  EVENT_FAILED: 500,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Kinds whose code is chosen elsewhere, answered alike whatever it is: a custom rule names its
 * own codes (`RuleFailedError(message, code)`), and a refused order carries the reason the
 * engine gave (even WORKFLOW_NOT_FOUND, which alone would be a 404). They win over the code.
 */
const STATUS_OF_KIND: ReadonlyArray<readonly [abstract new (...args: never[]) => OrdoError, number]> = [
  [RuleFailedError, 422],
  [OrderNotAcceptedError, 422],
];

/**
 * The status an error answers, or undefined for a code no kind or entry covers: that is a bug
 * (a new code left out of this map), answered as one.
 */
export const statusOf = (error: OrdoError): number | undefined =>
  STATUS_OF_KIND.find(([kind]) => error instanceof kind)?.[1] ?? STATUS_OF_CODE[error.code];
