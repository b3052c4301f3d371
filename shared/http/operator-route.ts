import { operatorKeyHash } from '../composition/operator-key';
import { settings } from '../composition/settings';
import type { OperatorPrincipal } from '../domain/accounts/principal';
import { tracedHandler } from '../runtime/tracer';
import { requireOperator } from './caller';
import type { RouteHandler, RouteInput, RouteSpec, Schema } from './route-declaration';
import { declaredInput, lambdaRoute, routeInput, routeResult } from './route-pipeline';

export type { OperatorPrincipal };

/** The platform operator, who manages accounts; not an account's key, however powerful. */
const OPERATOR: OperatorPrincipal = { kind: 'operator' };

export interface OperatorRouteParts<C> {
  context: () => C;
  /** The operator key's SHA-256, hex; empty switches the operator routes off. */
  operatorKeyHash: () => Promise<string>;
  maxBodyBytes: number;
}

/** A route for the platform operator's key, checked against its hash (SSM in AWS); no hash switches these routes off. */
export const operatorRoute = <C, R, B extends Schema = undefined, P extends Schema = undefined, Q extends Schema = undefined>(
  spec: RouteSpec<B, P, Q, R> & { context: () => C },
  handle: (input: RouteInput<B, P, Q>, principal: OperatorPrincipal, context: C) => Promise<R>,
): RouteHandler<OperatorRouteParts<C>> => {
  const declaration = { access: 'operator' as const, ...declaredInput(spec) };
  const over = (parts: Partial<OperatorRouteParts<C>>) =>
    lambdaRoute(declaration, async (event) => {
      requireOperator(event, await (parts.operatorKeyHash ?? operatorKeyHash)());
      const input = routeInput(event, spec, spec.maxBodyBytes ?? parts.maxBodyBytes ?? settings().maxBodyBytes);
      return routeResult(spec, await handle(input, OPERATOR, (parts.context ?? spec.context)()));
    }, [tracedHandler()]);
  return Object.assign(over({}), { with: over });
};
