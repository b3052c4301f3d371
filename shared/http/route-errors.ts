import { OrdoError } from '../engine/ordo-error';
import type { RequestLine } from './public-route';

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

/** A request no route takes: an unknown path is a 404, a known path with another method a 405. */
export const refuseUnroutedRequest = async ({ method, path, resource }: RequestLine): Promise<never> => {
  if (resource === '/{proxy+}') throw new RouteNotFoundError(method, path);
  throw new MethodNotAllowedError(method, path);
};
