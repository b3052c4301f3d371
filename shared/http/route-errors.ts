import { OrdoError } from '../engine/ordo-error';

export class RouteNotFoundError extends OrdoError {
  constructor(method: string, path: string) {
    super('ROUTE_NOT_FOUND', `No route for ${method} ${path}`);
  }
}

export class MethodNotAllowedError extends OrdoError {
  constructor(method: string, path: string) {
    super('METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`);
  }
}
