import type { RouteHandler, RouteInput, RouteSpec, Schema } from './route-declaration';
import { declaredInput, lambdaRoute, routeInput, routeResult } from './route-pipeline';

/** Whoever calls a public route: nobody in particular. */
export interface AnonymousCaller {
  readonly anonymous: true;
}

const ANONYMOUS: AnonymousCaller = { anonymous: true };

export interface PublicRouteParts<C> {
  context: () => C;
}

/** A route anyone may call (health). It reads no body, so it needs no body limit. */
export const publicRoute = <C, R, P extends Schema = undefined, Q extends Schema = undefined>(
  spec: Omit<RouteSpec<undefined, P, Q, R>, 'body' | 'maxBodyBytes'> & { context: () => C },
  handle: (input: RouteInput<undefined, P, Q>, caller: AnonymousCaller, context: C) => Promise<R>,
): RouteHandler<PublicRouteParts<C>> => {
  const declaration = { access: 'public' as const, ...declaredInput(spec) };
  const over = (parts: Partial<PublicRouteParts<C>>) =>
    lambdaRoute(declaration, async (event) =>
      routeResult(spec, await handle(routeInput(event, spec, 0), ANONYMOUS, (parts.context ?? spec.context)())),
    );
  return Object.assign(over({}), { with: over });
};
