/** One problem of a request and where it is; a ValidationError lists several. */
export interface ErrorDetail {
  field: string;
  message: string;
}

/**
 * An error Ordo raises on purpose. Its `code` is a contract callers act on; what a code means
 * to a transport (an HTTP status, a redelivery of a queue message) is decided at that edge,
 * never here. Anything else that escapes is a bug.
 */
export abstract class OrdoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: readonly ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
