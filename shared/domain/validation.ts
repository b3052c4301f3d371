import type * as z from 'zod';
import { ValidationError } from './domain-errors';

type Issue = z.core.$ZodIssue;

// An empty key would make an empty field name: it is shown quoted, like JSON writes it.
const keyName = (key: PropertyKey): string => (key === '' ? '""' : String(key));

const fieldOf = (path: PropertyKey[]): string =>
  path.reduce<string>(
    (field, key) => (typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${keyName(key)}` : keyName(key)),
    '',
  );

const valueAt = (value: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (current, key) => (current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  );

const describe = (issue: Issue, input: unknown, scalarField: string): { field: string; message: string }[] => {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = fieldOf([...issue.path, key]);
      return { field, message: `${field} is not a known field` };
    });
  }
  const field = fieldOf(issue.path) || scalarField;
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    return [{ field, message: `${field} is required` }];
  }
  return [{ field, message: `${field}: ${issue.message}` }];
};

/**
 * Validates a value against a schema, naming every offending field. `field` names the
 * value itself when it is a scalar (a path parameter, say).
 */
export const validate = <S extends z.ZodType>(schema: S, value: unknown, field = 'body'): z.infer<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.flatMap((issue) => describe(issue, value, field));
  const summary = details.map((detail) => detail.message).join('; ');
  throw new ValidationError(summary, details[0]?.field, details);
};
