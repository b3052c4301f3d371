import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The stage and regions CI packages: a deployment to either region must produce a valid template. */
export const PACKAGED_STAGE = 'production';
export const PACKAGED_REGIONS = ['us-east-1', 'eu-west-1'] as const;

const projectRoot = join(__dirname, '..', '..');

export const packagedDir = (region: string): string => join(projectRoot, '.package', `${PACKAGED_STAGE}-${region}`);

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  UpdatePolicy?: Record<string, unknown>;
  DeletionPolicy?: string;
}

export interface PackagedTemplate {
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
  Parameters?: Record<string, unknown>;
}

const readJson = <T>(file: string): T => {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run package:production\` first`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
};

/** The root template of a region as `npm run package:production` wrote it, nested stacks left as stacks. */
export const packagedRootTemplate = (region: string): PackagedTemplate =>
  readJson(join(packagedDir(region), 'cloudformation-template-update-stack.json'));

/** The nested stacks' templates (infra/nested-stacks.js), by the root's logical id of each stack. */
export const packagedNestedTemplates = (region: string): Record<string, PackagedTemplate> => {
  const root = packagedRootTemplate(region);
  return Object.fromEntries(
    resourcesOfType(root, 'AWS::CloudFormation::Stack').map(([id]) => [
      id,
      readJson<PackagedTemplate>(join(packagedDir(region), `cloudformation-template-${id.replace(/NestedStack$/, '')}-nested-stack.json`)),
    ]),
  );
};

type Json = unknown;

/** Replaces every value for which `swap` answers something, depth first. */
const rewrite = (value: Json, swap: (node: Record<string, Json>) => Json | undefined): Json => {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, swap));
  if (value && typeof value === 'object') {
    const node = value as Record<string, Json>;
    const swapped = swap(node);
    if (swapped !== undefined) return swapped;
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, rewrite(item, swap)]));
  }
  return value;
};

/**
 * The packaged template of a region as one stack: the nested stacks' resources back in the root, their parameters
 * replaced by what the root passes and the root's references to their outputs by the outputs' values. What the
 * stage deploys, read as if it had not been split.
 */
export const packagedTemplate = (region: string): PackagedTemplate => {
  const root = packagedRootTemplate(region);
  const nested = packagedNestedTemplates(region);
  const outputOf = (node: Record<string, Json>): Json | undefined => {
    const getAtt = node['Fn::GetAtt'];
    if (!Array.isArray(getAtt) || !(String(getAtt[0]) in nested)) return undefined;
    const outputs = (nested[String(getAtt[0])].Outputs ?? {}) as Record<string, { Value: Json }>;
    return outputs[String(getAtt[1]).replace(/^Outputs\./, '')]?.Value;
  };
  // The split writes `Fn::Sub: "…${Id}…"` as `Fn::Sub: ["…${Id}…", {Id: {Ref: Id}}]`; back to the plain form.
  const plainSub = (node: Record<string, Json>): Json | undefined => {
    const sub = node['Fn::Sub'];
    if (!Array.isArray(sub) || sub.length !== 2) return undefined;
    const [text, mappings] = sub as [string, Record<string, Json>];
    const plain = Object.entries(mappings).every(([name, value]) => {
      const reference = rewrite(value, outputOf);
      return JSON.stringify(reference) === JSON.stringify({ Ref: name }) ||
        JSON.stringify(reference) === JSON.stringify({ 'Fn::GetAtt': name.split('.') });
    });
    return plain ? { 'Fn::Sub': text } : undefined;
  };
  const restore = (value: Json): Json => rewrite(value, (node) => plainSub(node) ?? outputOf(node));
  const resources: Record<string, TemplateResource> = {};
  for (const [stackId, template] of Object.entries(nested)) {
    const passed = (root.Resources[stackId].Properties?.Parameters ?? {}) as Record<string, Json>;
    for (const [id, resource] of Object.entries(template.Resources)) {
      const unparameterized = rewrite(resource, (node) => (typeof node.Ref === 'string' && node.Ref in passed ? passed[node.Ref] : undefined));
      resources[id] = restore(unparameterized) as TemplateResource;
    }
  }
  for (const [id, resource] of Object.entries(root.Resources)) {
    if (id in nested) continue;
    const restored = restore(resource) as TemplateResource;
    const dependsOn = [restored.DependsOn ?? []].flat().filter((dependency) => !(dependency in nested));
    resources[id] = { ...restored, DependsOn: dependsOn };
  }
  return { ...root, Resources: resources };
};

/** The resources of one type, by logical id. */
export const resourcesOfType = (template: PackagedTemplate, type: string): [string, TemplateResource][] =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

/** The functions of the packaged service, with their handlers, as serverless recorded them. */
export const packagedFunctions = (region: string): Record<string, { handler: string; name: string }> => {
  const state = JSON.parse(readFileSync(join(packagedDir(region), 'serverless-state.json'), 'utf8')) as {
    service: { functions: Record<string, { handler: string; name: string }> };
  };
  return state.service.functions;
};
