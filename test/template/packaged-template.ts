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

/** The packaged CloudFormation template of a region, as `npm run package:production` wrote it. */
export const packagedTemplate = (region: string): PackagedTemplate => {
  const file = join(packagedDir(region), 'cloudformation-template-update-stack.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run package:production\` first`);
  return JSON.parse(readFileSync(file, 'utf8')) as PackagedTemplate;
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
