import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import { PayloadTooLargeError, ValidationError } from '../domain/errors';

type Issue = z.core.$ZodIssue;

const fieldOf = (path: PropertyKey[]): string =>
  path.reduce<string>(
    (field, key) => (typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${String(key)}` : String(key)),
    '',
  );

const valueAt = (value: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (current, key) => (current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  );

const describe = (issue: Issue, input: unknown): { field: string; message: string }[] => {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = fieldOf([...issue.path, key]);
      return { field, message: `${field} is not a known field` };
    });
  }
  const field = fieldOf(issue.path) || 'body';
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    return [{ field, message: `${field} is required` }];
  }
  return [{ field, message: `${field}: ${issue.message}` }];
};

/** Validates a value against a schema, naming every offending field. */
export const validate = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.flatMap((issue) => describe(issue, value));
  const summary = details.map((detail) => detail.message).join('; ');
  throw new ValidationError(summary, details[0]?.field, details);
};

/** Parses the JSON body within the size limit, then validates it. */
export const readJsonBody = <S extends z.ZodType>(
  event: APIGatewayProxyEvent,
  schema: S,
  maxBytes: number,
): z.infer<S> => {
  const raw = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (raw && Buffer.byteLength(raw, 'utf8') > maxBytes) {
    throw new PayloadTooLargeError(`The request body is larger than ${maxBytes} bytes`);
  }
  if (!raw || !raw.trim()) throw new ValidationError('A JSON request body is required', 'body');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`, 'body');
  }
  return validate(schema, parsed);
};
