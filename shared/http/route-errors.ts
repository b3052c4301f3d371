import { DomainError } from '../domain/domain-errors';

export class RouteNotFoundError extends DomainError {
  readonly status = 404;
  constructor(method: string, path: string) {
    super('ROUTE_NOT_FOUND', `No route for ${method} ${path}`);
  }
}

export class MethodNotAllowedError extends DomainError {
  readonly status = 405;
  constructor(method: string, path: string) {
    super('METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`);
  }
}
