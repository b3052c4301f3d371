import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEMA, Type, load } from 'js-yaml';

/**
 * openapi.yaml is the contract for integrators; serverless.yml is what API Gateway routes.
 * These tests keep the two in step: a route added to one and not the other fails here.
 */

const ROOT = join(__dirname, '..', '..');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const ERROR_SCHEMA_REF = '#/components/schemas/Error';
const HEALTH_ROUTE = 'GET /v1/health';
/** Routes anyone may call: the health check and the contract itself. */
const PUBLIC_ROUTES = [HEALTH_ROUTE, 'GET /v1/openapi.json'];

// serverless.yml may use CloudFormation short forms (!Ref, !GetAtt, !Sub...): keep them as plain values.
const ANY_LOCAL_TAG = (['scalar', 'sequence', 'mapping'] as const).map(
  (kind) => new Type('!', { kind, multi: true, construct: (data: unknown) => data }),
);
const TOLERANT_SCHEMA = DEFAULT_SCHEMA.extend(ANY_LOCAL_TAG);

type SecurityRequirement = Record<string, string[]>;

interface Reference {
  $ref?: string;
}

interface OpenApiResponse extends Reference {
  content?: Record<string, { schema?: Reference }>;
}

interface OpenApiParameter extends Reference {
  name?: string;
  in?: string;
  required?: boolean;
}

interface OpenApiOperation {
  security?: SecurityRequirement[];
  parameters?: OpenApiParameter[];
  responses?: Record<string, OpenApiResponse>;
}

type OpenApiPathItem = Partial<Record<(typeof HTTP_METHODS)[number], OpenApiOperation>> & {
  parameters?: OpenApiParameter[];
};

interface OpenApiDocument {
  security?: SecurityRequirement[];
  paths: Record<string, OpenApiPathItem>;
  components?: {
    securitySchemes?: Record<string, { type?: string; scheme?: string }>;
    schemas?: Record<string, { required?: string[]; properties?: Record<string, { required?: string[]; properties?: object }> }>;
  };
}

type HttpEvent = { path: string; method: string } | string;

interface ServerlessConfig {
  functions?: Record<string, { events?: { http?: HttpEvent }[] }>;
}

interface DocumentedOperation {
  route: string;
  path: string;
  pathItem: OpenApiPathItem;
  operation: OpenApiOperation;
}

const readYaml = <T>(file: string): T => load(readFileSync(join(ROOT, file), 'utf8'), { schema: TOLERANT_SCHEMA }) as T;

const routeOf = (method: string, path: string) => `${method.toUpperCase()} ${path.startsWith('/') ? path : `/${path}`}`;

/** `METHOD /path` of every http event; the ANY routes only answer 404/405 and are not part of the contract. */
const serverlessRoutes = (config: ServerlessConfig): string[] =>
  Object.values(config.functions ?? {})
    .flatMap((fn) => fn.events ?? [])
    .flatMap((event) => (event.http === undefined ? [] : [event.http]))
    .map((http) => {
      if (typeof http === 'string') {
        const [method, path] = http.trim().split(/\s+/);
        return { method, path };
      }
      return http;
    })
    .filter(({ method }) => method.toLowerCase() !== 'any')
    .map(({ method, path }) => routeOf(method, path));

const documentedOperations = (document: OpenApiDocument): DocumentedOperation[] =>
  Object.entries(document.paths).flatMap(([path, pathItem]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = pathItem[method];
      return operation ? [{ route: routeOf(method, path), path, pathItem, operation }] : [];
    }),
  );

/** Follows a local `#/...` pointer through the document. */
const resolvePointer = (document: OpenApiDocument, ref: string): unknown =>
  ref.startsWith('#/')
    ? ref
        .slice(2)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>(
          (node, segment) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined),
          document,
        )
    : undefined;

const resolve = <T extends Reference>(document: OpenApiDocument, node: T): T =>
  node.$ref ? (resolvePointer(document, node.$ref) as T) : node;

const refsIn = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refsIn(value)));
};

const keysIn = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(keysIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [key, ...keysIn(value)]);
};

const effectiveSecurity = (document: OpenApiDocument, operation: OpenApiOperation): SecurityRequirement[] =>
  operation.security ?? document.security ?? [];

const answersWithError = (document: OpenApiDocument, response: OpenApiResponse): boolean =>
  resolve(document, response).content?.['application/json']?.schema?.$ref === ERROR_SCHEMA_REF;

describe('the OpenAPI contract', () => {
  const openApi = readYaml<OpenApiDocument>('openapi.yaml');
  const serverless = readYaml<ServerlessConfig>('serverless.yml');

  it('finds http routes with handlers in serverless.yml, so the comparisons below are not vacuous', () => {
    // Act
    const routes = serverlessRoutes(serverless);

    // Assess
    expect(routes).toContain(HEALTH_ROUTE);
  });

  it('documents every http route of serverless.yml except the ANY fallbacks', () => {
    // Prepare
    const documented = new Set(documentedOperations(openApi).map((operation) => operation.route));

    // Act
    const undocumented = serverlessRoutes(serverless).filter((route) => !documented.has(route));

    // Assess
    expect(undocumented).toEqual([]);
  });

  it('documents no operation that serverless.yml does not route to a handler', () => {
    // Prepare
    const routed = new Set(serverlessRoutes(serverless));

    // Act
    const unrouted = documentedOperations(openApi)
      .map((operation) => operation.route)
      .filter((route) => !routed.has(route));

    // Assess
    expect(unrouted).toEqual([]);
  });

  it('defines ApiKey as an HTTP bearer scheme', () => {
    // Act
    const scheme = openApi.components?.securitySchemes?.ApiKey;

    // Assess
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('requires the ApiKey scheme on every operation except the public ones', () => {
    // Prepare
    const guarded = documentedOperations(openApi).filter(({ route }) => !PUBLIC_ROUTES.includes(route));

    // Act
    const unguarded = guarded
      .filter(({ operation }) => !effectiveSecurity(openApi, operation).some((requirement) => 'ApiKey' in requirement))
      .map(({ route }) => route);

    // Assess
    expect(unguarded).toEqual([]);
  });

  it.each(PUBLIC_ROUTES)('leaves %s open to callers without a key', (name) => {
    // Prepare
    const open = documentedOperations(openApi).find(({ route }) => route === name);

    // Act
    const security = open && effectiveSecurity(openApi, open.operation);

    // Assess
    expect(security).toEqual([]);
  });

  it('documents a 4xx response in the Error shape on every operation except the public ones', () => {
    // Prepare: the public routes take no key, no body and no parameters, so they have no 4xx of their own.
    const operations = documentedOperations(openApi).filter(({ route }) => !PUBLIC_ROUTES.includes(route));

    // Act
    const withoutErrors = operations
      .filter(({ operation }) =>
        !Object.entries(operation.responses ?? {}).some(
          ([status, response]) => /^4\d\d$/.test(status) && answersWithError(openApi, response),
        ),
      )
      .map(({ route }) => route);

    // Assess
    expect(withoutErrors).toEqual([]);
  });

  it('defines Error as {error: {code, message, field?, details?}, requestId}, as the response middleware writes it', () => {
    // Act
    const schema = openApi.components?.schemas?.Error;

    // Assess
    expect({
      required: schema?.required,
      errorRequired: schema?.properties?.error?.required,
      errorProperties: Object.keys(schema?.properties?.error?.properties ?? {}),
    }).toEqual({
      required: ['error', 'requestId'],
      errorRequired: ['code', 'message'],
      errorProperties: ['code', 'message', 'field', 'details'],
    });
  });

  it('resolves every $ref to a definition in the document', () => {
    // Act
    const dangling = [...new Set(refsIn(openApi))].filter((ref) => resolvePointer(openApi, ref) === undefined);

    // Assess
    expect(dangling).toEqual([]);
  });

  it('uses no OpenAPI 3.0 `nullable`: in 3.1 a value that may be null lists null among its types', () => {
    // Act
    const nullable = keysIn(openApi).filter((key) => key === 'nullable');

    // Assess
    expect(nullable).toEqual([]);
  });

  it('declares every parameter of a path template as a required path parameter', () => {
    // Act
    const undeclared = documentedOperations(openApi).flatMap(({ route, path, pathItem, operation }) => {
      const declared = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]
        .map((parameter) => resolve(openApi, parameter))
        .filter((parameter) => parameter.in === 'path' && parameter.required === true)
        .map((parameter) => parameter.name);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      return templated.filter((name) => !declared.includes(name)).map((name) => `${route}: ${name}`);
    });

    // Assess
    expect(undeclared).toEqual([]);
  });
});
