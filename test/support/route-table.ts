import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEMA, Type, load } from 'js-yaml';
import type { LambdaRoute } from '../../shared/http/route-declaration';

/**
 * Every HTTP route that serverless.yml wires to a handler, with what that handler declares
 * (access, permission, scope). Suites that must cover every route are driven by this list, so a
 * route added to serverless.yml is covered without editing them.
 */
export interface RouteEntry {
  /** The serverless.yml function name. */
  functionName: string;
  method: string;
  /** As declared, e.g. /v1/orders/{ref}. */
  resource: string;
  /** e.g. functions/orders/get-order */
  module: string;
  /** `METHOD /path` */
  name: string;
}

const ROOT = join(__dirname, '..', '..');

// serverless.yml may use CloudFormation short forms (!Ref, !GetAtt, !Sub...): keep them as plain values.
const TOLERANT_SCHEMA = DEFAULT_SCHEMA.extend(
  (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type('!', { kind, multi: true, construct: (data: unknown) => data })),
);

type HttpEvent = { path: string; method: string } | string;
interface ServerlessFunction {
  handler: string;
  events?: { http?: HttpEvent }[];
}

const httpOf = (event: HttpEvent) => {
  if (typeof event !== 'string') return event;
  const [method, path] = event.trim().split(/\s+/);
  return { method, path };
};

/** The routes of serverless.yml, the ANY fallbacks (404/405 answers) left out. */
export const routeTable = (): RouteEntry[] => {
  const config = load(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), { schema: TOLERANT_SCHEMA }) as {
    functions: Record<string, ServerlessFunction>;
  };
  return Object.entries(config.functions).flatMap(([functionName, fn]) =>
    (fn.events ?? [])
      .flatMap((event) => (event.http === undefined ? [] : [httpOf(event.http)]))
      .filter(({ method }) => method.toLowerCase() !== 'any')
      .map(({ method, path }) => {
        const resource = path.startsWith('/') ? path : `/${path}`;
        const upper = method.toUpperCase();
        return { functionName, method: upper, resource, module: fn.handler.replace(/\.handler$/, ''), name: `${upper} ${resource}` };
      }),
  );
};

/**
 * The route's handler, loaded the way Lambda would load it. `require`, since Jest's CommonJS
 * transform cannot run a dynamic import().
 */
export const loadRouteHandler = (route: RouteEntry): LambdaRoute =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(ROOT, route.module)) as { handler: LambdaRoute }).handler;
