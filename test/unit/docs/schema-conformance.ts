/**
 * The part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that openapi.yaml's message schemas
 * use: $ref, allOf, type (or a list of types), const, enum, pattern, minimum, required,
 * properties, items, and closed objects (`additionalProperties: false`, `unevaluatedProperties: false`
 * over an allOf). Enough to tell an example that does not fit its schema, and where.
 */
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  unevaluatedProperties?: boolean;
}

const typeOf = (value: unknown): string[] => {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every place where `value` breaks `schema`, as `path: problem`; empty when it fits. */
export const schemaProblems = (value: unknown, schema: Schema, resolve: (ref: string) => Schema, path = '$'): string[] => {
  if (schema.$ref) return schemaProblems(value, resolve(schema.$ref), resolve, path);
  const parts = schema.allOf ?? [];
  const problems = parts.flatMap((part) => schemaProblems(value, part, resolve, path));
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length && !typeOf(value).some((type) => types.includes(type))) problems.push(`${path}: is not ${types.join(' or ')}`);
  if ('const' in schema && value !== schema.const) problems.push(`${path}: is not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: is not one of ${schema.enum.join(', ')}`);
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) problems.push(`${path}: does not match ${schema.pattern}`);
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) problems.push(`${path}: is below ${schema.minimum}`);
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => problems.push(...schemaProblems(item, schema.items as Schema, resolve, `${path}[${index}]`)));
  }
  if (!isObject(value)) return problems;
  for (const name of schema.required ?? []) if (!(name in value)) problems.push(`${path}: lacks ${name}`);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (name in value) problems.push(...schemaProblems(value[name], property, resolve, `${path}.${name}`));
  }
  const declared = new Set(Object.keys(schema.properties ?? {}));
  if (schema.unevaluatedProperties === false) {
    for (const part of parts) for (const name of Object.keys((part.$ref ? resolve(part.$ref) : part).properties ?? {})) declared.add(name);
  }
  if (schema.additionalProperties === false || schema.unevaluatedProperties === false) {
    for (const name of Object.keys(value)) if (!declared.has(name)) problems.push(`${path}: has ${name}, which the schema does not declare`);
  }
  return problems;
};
