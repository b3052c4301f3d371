import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

interface Parameter {
  $ref?: string;
  name?: string;
  in?: string;
}

interface Operation {
  parameters?: Parameter[];
  responses?: Record<string, unknown>;
}

type PathItem = Record<string, Operation> & { parameters?: Parameter[] };

interface Document {
  paths: Record<string, PathItem>;
  components?: { parameters?: Record<string, Parameter> };
}

/** What openapi.yaml promises of one operation: its query parameters and its success statuses. */
export interface OperationContract {
  query: string[];
  successStatuses: number[];
}

const document = (): Document => load(readFileSync(join(__dirname, '..', '..', 'openapi.yaml'), 'utf8')) as Document;

/** The operation `METHOD /path` of openapi.yaml, or undefined when the contract has none. */
export const openApiOperation = (method: string, path: string): OperationContract | undefined => {
  const spec = document();
  const item = spec.paths[path];
  const operation = item?.[method.toLowerCase()];
  if (!item || !operation) return undefined;
  const resolve = (parameter: Parameter): Parameter =>
    parameter.$ref ? (spec.components?.parameters?.[parameter.$ref.split('/').pop() ?? ''] ?? {}) : parameter;
  const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolve);
  return {
    query: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name ?? ''),
    successStatuses: Object.keys(operation.responses ?? {})
      .map(Number)
      .filter((status) => status >= 200 && status < 300),
  };
};
