import type { APIGatewayProxyEvent } from 'aws-lambda';
import { authentication } from '../composition/authentication';
import { settings } from '../composition/settings';
import type { AccountPrincipal } from '../domain/accounts/principal';
import type { Permission } from '../domain/accounts/roles';
import { identifyCaller } from '../runtime/caller-context';
import { tracedHandler } from '../runtime/tracer';
import { accountCaller, type CallerDeps } from './caller';
import type { RouteHandler, RouteInput, RouteScope, RouteSpec, Schema } from './route-declaration';
import { declaredInput, lambdaRoute, routeInput, routeResult } from './route-pipeline';

/** What an account route is built over; tests pass fakes through `handler.with(...)`. */
export interface AccountRouteParts<C> {
  /** The account's part the use case needs, for the authenticated principal's account. */
  context: (accountId: string) => C;
  /** The key's authentication and its account's rate limit. */
  authentication: CallerDeps;
  maxBodyBytes: number;
}

/**
 * A route for an account's API key. The key is checked for the declared permission before the
 * body is read, so a caller without a key learns nothing about the body's schema; the use case
 * gets the account part of the principal's own account only.
 */
export const accountRoute = <C, R, B extends Schema = undefined, P extends Schema = undefined, Q extends Schema = undefined>(
  spec: RouteSpec<B, P, Q, R> & { permission: Permission; scope: RouteScope; context: (accountId: string) => C },
  handle: (input: RouteInput<B, P, Q>, principal: AccountPrincipal, context: C) => Promise<R>,
): RouteHandler<AccountRouteParts<C>> => {
  const declaration = { access: 'account' as const, permission: spec.permission, scope: spec.scope, ...declaredInput(spec) };
  const over = (parts: Partial<AccountRouteParts<C>>) =>
    lambdaRoute(declaration, async (event: APIGatewayProxyEvent) => {
      const principal = await accountCaller(event, spec.permission, parts.authentication ?? authentication());
      identifyCaller(principal);
      const input = routeInput(event, spec, spec.maxBodyBytes ?? parts.maxBodyBytes ?? settings().maxBodyBytes);
      const context = (parts.context ?? spec.context)(principal.accountId);
      return routeResult(spec, await handle(input, principal, context));
    }, [tracedHandler()]);
  return Object.assign(over({}), { with: over });
};
