import type { RouteHandler, RouteInput, RouteSpec, Schema } from './route-declaration';
import { declaredInput, lambdaRoute, routeInput, routeResult } from './route-pipeline';

/** Whoever calls a public route: nobody in particular. */
export interface AnonymousCaller {
  readonly anonymous: true;
}

const ANONYMOUS: AnonymousCaller = { anonymous: true };

/** The request as API Gateway routed it: what the fallback names in its 404 and 405. */
export interface RequestLine {
  method: string;
  path: string;
  /** The resource API Gateway matched, `/{proxy+}` for a path no route knows. */
  resource: string;
}

export interface PublicRouteParts<C> {
  context: () => C;
}

/** A route anyone may call (health, the fallback). It reads no body, so it needs no body limit. */
export const publicRoute = <R, C = undefined, P extends Schema = undefined, Q extends Schema = undefined>(
  spec: Omit<RouteSpec<undefined, P, Q, R>, 'body' | 'maxBodyBytes'> & { context?: () => C },
  handle: (input: RouteInput<undefined, P, Q> & { request: RequestLine }, caller: AnonymousCaller, context: C) => Promise<R>,
): RouteHandler<PublicRouteParts<C>> => {
  const declaration = { access: 'public' as const, ...declaredInput(spec) };
  const over = (parts: Partial<PublicRouteParts<C>>) =>
    lambdaRoute(declaration, async (event) => {
      const request: RequestLine = { method: event.httpMethod, path: event.path, resource: event.resource };
      const context = (parts.context ?? spec.context)?.() as C;
      return routeResult(spec, await handle({ ...routeInput<undefined, P, Q, R>(event, spec, 0), request }, ANONYMOUS, context));
    });
  return Object.assign(over({}), { with: over });
};
