import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod';
import type { Permission } from '../domain/accounts/roles';

/**
 * How a route's data relates to retailers, declared beside its permission:
 * - `retailer`: the data belongs to one retailer; a key scoped to another retailer gets 404.
 * - `shared`: an account resource every retailer reads (locations, stock); scoped keys write only what they own.
 * - `account`: about the account itself, the same for every key of it.
 */
export type RouteScope = 'account' | 'retailer' | 'shared';

/** The schemas a route validates its request with, before its handler runs. */
export interface RouteSchemas {
  body?: z.ZodType;
  path?: z.ZodType;
  query?: z.ZodType;
}

/** What a route declares about who may call it and what it takes; the route-table tests and attack suites read it. */
export type RouteDeclaration = (
  | { access: 'public' }
  | { access: 'operator' }
  | { access: 'account'; permission: Permission; scope: RouteScope }
) & { input: RouteSchemas; status: number | 'computed' };

export type LambdaRoute = ((event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>) & {
  route: RouteDeclaration;
};

/** A route's Lambda handler; `with` gives the same route over other parts (tests inject fakes this way). */
export type RouteHandler<Parts = unknown> = LambdaRoute & { with(parts: Partial<Parts>): LambdaRoute };

export type Schema = z.ZodType | undefined;

type Inferred<S, Absent> = S extends z.ZodType ? z.infer<S> : Absent;

/** A request, validated: a route without a path or query schema gets an empty object. */
export interface RouteInput<B extends Schema, P extends Schema, Q extends Schema> {
  body: Inferred<B, undefined>;
  path: Inferred<P, Record<string, never>>;
  query: Inferred<Q, Record<string, never>>;
}

/** What every kind of route declares besides who may call it. */
export interface RouteSpec<B extends Schema, P extends Schema, Q extends Schema, R> {
  body?: B;
  path?: P;
  query?: Q;
  /**
   * The success status, or how the result chooses it (a replayed create answers 200). Default 200.
   * A function names its parameter's type: the result's type is inferred from the handler alone.
   */
  status?: number | ((result: R) => number);
  /** What the response shows of the use case's result; the result itself by default. */
  view?: (result: R) => unknown;
  /** Headers the result adds to the response, over the security headers (a public document's caching). */
  responseHeaders?: (result: R) => Record<string, string>;
  /** For bulk routes, instead of the settings' limit. */
  maxBodyBytes?: number;
}
