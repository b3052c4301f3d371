import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';

/**
 * Checks an HTTP reply against openapi.yaml: its status is one the operation declares, and its body
 * fits the schema of that status and content type. Error replies are held to their schema too.
 */

const DOCUMENT_ID = 'openapi.yaml';
const ERROR_SCHEMA = '/components/schemas/Error';

interface MediaType {
  schema?: unknown;
}

interface HeaderObject {
  $ref?: string;
  required?: boolean;
  schema?: { type?: string };
}

interface ResponseObject {
  $ref?: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaType>;
}

interface Operation {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
}

type Document = { paths: Record<string, Record<string, Operation>> } & Record<string, unknown>;

/** An HTTP reply as a client saw it. */
export interface ObservedReply {
  method: string;
  /** The request path, with its query string if it had one. */
  path: string;
  status: number;
  contentType: string | null;
  text: string;
  /** The reply's headers, names in lower case; their declared ones are checked when given. */
  headers?: Record<string, string>;
}

/** What openapi.yaml does not allow in a reply: `problems` is empty when it conforms. */
export interface ContractCheck {
  operation: string;
  problems: string[];
}

/** A reply openapi.yaml does not allow: the test that received it fails here. */
export class ContractViolationError extends Error {
  constructor(
    readonly reply: ObservedReply,
    readonly check: ContractCheck,
  ) {
    super(
      `openapi.yaml does not allow the ${reply.status} reply to ${reply.method.toUpperCase()} ${reply.path}, operation ${check.operation}:\n` +
        check.problems.map((problem) => `  - ${problem}`).join('\n') +
        `\n  body: ${reply.text.length > 500 ? `${reply.text.slice(0, 500)}…` : reply.text}`,
    );
    this.name = 'ContractViolationError';
  }
}

const pointer = (...segments: string[]) => segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

interface PathTemplate {
  template: string;
  pattern: RegExp;
  literalSegments: number;
}

const pathTemplate = (template: string): PathTemplate => {
  const segments = template.split('/');
  const pattern = segments.map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
  return { template, pattern: new RegExp(`^${pattern}$`), literalSegments: segments.filter((segment) => !segment.startsWith('{')).length };
};

const ajvMessage = (error: ErrorObject) => `${error.instancePath || '(body)'} ${error.message ?? error.keyword}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`;

/** openapi.yaml, read and compiled once per test file; every schema is compiled on first use and kept. */
export class ResponseContract {
  private readonly ajv: Ajv2020;
  private readonly templates: PathTemplate[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Document) {
    // OpenAPI adds keywords of its own to JSON Schema (example, discriminator...): not validation rules.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema(document, DOCUMENT_ID);
    // The most specific template first: /v1/events/sync before /v1/events/{eventId}.
    this.templates = Object.keys(document.paths)
      .map(pathTemplate)
      .sort((a, b) => b.literalSegments - a.literalSegments);
  }

  static fromFile(file = join(__dirname, '..', '..', 'openapi.yaml')): ResponseContract {
    return new ResponseContract(load(readFileSync(file, 'utf8')) as Document);
  }

  /** Every way `reply` breaks the contract; none when it conforms. */
  check(reply: ObservedReply): ContractCheck {
    const path = reply.path.split('?')[0];
    const method = reply.method.toLowerCase();
    const matching = this.templates.filter((template) => template.pattern.test(path));
    const found = matching.find((template) => this.document.paths[template.template][method]);
    if (!found) return this.undocumentedRoute(reply, matching.length > 0);
    const operation = this.document.paths[found.template][method];
    const name = `${operation.operationId ?? method} (${method.toUpperCase()} ${found.template})`;
    const declared = this.declaredResponse(operation, reply.status);
    // openapi.yaml's description: an unexpected failure answers 500 INTERNAL_ERROR in the Error shape, on any route.
    if (!declared && reply.status === 500) return { operation: name, problems: this.schemaProblems(ERROR_SCHEMA, reply.text) };
    if (!declared) {
      const statuses = Object.keys(operation.responses ?? {}).join(', ');
      return { operation: name, problems: [`status ${reply.status} is not declared (declared: ${statuses})`] };
    }
    const location = pointer('paths', found.template, method, 'responses', declared.key);
    const response = this.located(location, declared.response);
    return { operation: name, problems: [...this.headerProblems(reply, response), ...this.bodyProblems(reply, response)] };
  }

  /** Throws a ContractViolationError when `reply` breaks the contract. */
  assertConforms(reply: ObservedReply): void {
    const check = this.check(reply);
    if (check.problems.length > 0) throw new ContractViolationError(reply, check);
  }

  // openapi.yaml's description: an unknown path answers 404 ROUTE_NOT_FOUND, a documented path called with
  // another method 405 METHOD_NOT_ALLOWED, both in the Error shape.
  private undocumentedRoute(reply: ObservedReply, pathKnown: boolean): ContractCheck {
    const operation = pathKnown ? 'a method the path does not have' : 'an undocumented path';
    const expected = pathKnown ? 405 : 404;
    if (reply.status !== expected) return { operation, problems: [`status ${reply.status} is not the documented ${expected}`] };
    return { operation, problems: this.schemaProblems(ERROR_SCHEMA, reply.text) };
  }

  private declaredResponse(operation: Operation, status: number): { key: string; response: ResponseObject } | undefined {
    const responses = operation.responses ?? {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => responses[candidate]);
    return key === undefined ? undefined : { key, response: responses[key] };
  }

  /** The response object and where it is in the document, past a `$ref` to components/responses. */
  private located(location: string, response: ResponseObject): { at: string; response: ResponseObject } {
    return response.$ref ? { at: response.$ref.slice(1), response: this.resolve(response.$ref.slice(1)) as ResponseObject } : { at: location, response };
  }

  private headerProblems(reply: ObservedReply, { at, response }: { at: string; response: ResponseObject }): string[] {
    if (!reply.headers) return [];
    return Object.entries(response.headers ?? {}).flatMap(([name, declared]) => {
      const header = declared.$ref ? (this.resolve(declared.$ref.slice(1)) as HeaderObject) : declared;
      const value = reply.headers?.[name.toLowerCase()];
      if (value === undefined) return header.required ? [`header ${name} is missing`] : [];
      if (!header.schema) return [];
      // A header is text: a numeric one is compared as the number it spells, when it spells one.
      const numeric = ['integer', 'number'].includes(header.schema.type ?? '') && value.trim() !== '' && !Number.isNaN(Number(value));
      const typed = numeric ? Number(value) : value;
      const schemaAt = declared.$ref ? `${declared.$ref.slice(1)}/schema` : `${at}${pointer('headers', name, 'schema')}`;
      const validate = this.validator(schemaAt);
      return validate(typed) ? [] : (validate.errors ?? []).map((error) => `header ${name}: ${value} ${error.message ?? error.keyword}`);
    });
  }

  private bodyProblems(reply: ObservedReply, { at, response: resolved }: { at: string; response: ResponseObject }): string[] {
    const content = resolved.content ?? {};
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) return reply.text === '' ? [] : ['a body is sent where the contract declares none'];
    const mediaType = (reply.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!content[mediaType]) return [`content type "${reply.contentType ?? ''}" is not declared (declared: ${mediaTypes.join(', ')})`];
    if (!content[mediaType].schema) return [];
    const schemaAt = `${at}${pointer('content', mediaType, 'schema')}`;
    return mediaType.endsWith('json') ? this.schemaProblems(schemaAt, reply.text) : [];
  }

  private schemaProblems(schemaAt: string, text: string): string[] {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`the body is not JSON: ${text.slice(0, 100)}`];
    }
    const validate = this.validator(schemaAt);
    return validate(body) ? [] : (validate.errors ?? []).map(ajvMessage);
  }

  private validator(schemaAt: string): ValidateFunction {
    let validate = this.validators.get(schemaAt);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}#${schemaAt}` });
      this.validators.set(schemaAt, validate);
    }
    return validate;
  }

  private resolve(at: string): unknown {
    return at
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], this.document);
  }
}
