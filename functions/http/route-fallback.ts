import { publicRoute } from '../../shared/http/route';
import { MethodNotAllowedError, RouteNotFoundError } from '../../shared/http/route-errors';

/**
 * API Gateway sends here what no route takes: a known path with another method (wired in
 * serverless.yml as ANY on that path) or any other path (the `/{proxy+}` catch-all).
 */
export const handler = publicRoute(async (_request, event) => {
  if (event.resource === '/{proxy+}') throw new RouteNotFoundError(event.httpMethod, event.path);
  throw new MethodNotAllowedError(event.httpMethod, event.path);
});
