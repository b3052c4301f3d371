import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipEntries } from '../../bench/zip-entries';
import { packagedDir, packagedFunctions, type PackagedTemplate, type TemplateResource } from './packaged-template';

export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

/** The role serverless makes for functions that declare none; with a role per function, none should use it. */
export const SHARED_ROLE = 'IamRoleLambdaExecution';

export interface FunctionRole {
  /** The function's name in serverless.yml. */
  name: string;
  /** Logical ids in the template. */
  functionId: string;
  roleId: string;
  statements: PolicyStatement[];
}

export const actionsOfStatement = (statement: PolicyStatement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

export const isWildcard = (resource: unknown): boolean =>
  resource === '*' || (Array.isArray(resource) && resource.includes('*'));

/** Every Allow statement of a role's inline policies. */
export const statementsOfRole = (role: TemplateResource): PolicyStatement[] => {
  const policies = (role.Properties?.Policies ?? []) as { PolicyDocument: { Statement: PolicyStatement[] } }[];
  return policies.flatMap((policy) => policy.PolicyDocument.Statement).filter((statement) => statement.Effect === 'Allow');
};

/** The actions a role allows, whatever the resource. */
export const allowedActions = (statements: PolicyStatement[]): Set<string> => new Set(statements.flatMap(actionsOfStatement));

const functionLogicalId = (template: PackagedTemplate, deployedName: string): string => {
  const found = Object.entries(template.Resources).find(
    ([, resource]) => resource.Type === 'AWS::Lambda::Function' && resource.Properties?.FunctionName === deployedName,
  );
  if (!found) throw new Error(`No AWS::Lambda::Function named ${deployedName} in the template`);
  return found[0];
};

/** Each function of the service with the role its Lambda function resource runs under. */
export const functionRoles = (region: string, template: PackagedTemplate): FunctionRole[] =>
  Object.entries(packagedFunctions(region)).map(([name, fn]) => {
    const functionId = functionLogicalId(template, fn.name);
    const role = template.Resources[functionId].Properties?.Role as { 'Fn::GetAtt'?: [string, string] } | undefined;
    const roleId = role?.['Fn::GetAtt']?.[0];
    if (!roleId) throw new Error(`${name} names its role otherwise than by a GetAtt of a role in the template`);
    return { name, functionId, roleId, statements: statementsOfRole(template.Resources[roleId]) };
  });

/** An AWS SDK command class, paginator or waiter, as the minified bundle still names it. */
const SDK_CALL = /\b([A-Z][A-Za-z0-9]*Command|paginate[A-Z][A-Za-z0-9]*|waitUntil[A-Z][A-Za-z0-9]*)\b/g;

/** The AWS SDK calls a function's packaged bundle references: what its code can call, and more (see uncalled-commands.ts). */
export const bundleSdkCalls = (region: string, name: string): Set<string> => {
  const zip = readFileSync(join(packagedDir(region), `${name}.zip`));
  const code = zipEntries(zip)
    .filter((entry) => entry.name.endsWith('.js') || entry.name.endsWith('.mjs') || entry.name.endsWith('.cjs'))
    .map((entry) => entry.content().toString('utf8'))
    .join('\n');
  return new Set([...code.matchAll(SDK_CALL)].map((match) => match[1]));
};

type Arn = { 'Fn::GetAtt'?: [string, string] } | string;

const logicalIdOf = (arn: Arn | undefined): string | undefined => (typeof arn === 'object' ? arn['Fn::GetAtt']?.[0] : undefined);

/** The function a mapping invokes: named by its ARN, or by its canary alias (a Ref to the alias). */
const mappedFunctionOf = (template: PackagedTemplate, target: unknown): string | undefined => {
  const reference = target as { Ref?: string } | Arn | undefined;
  if (reference && typeof reference === 'object' && 'Ref' in reference && reference.Ref) {
    const alias = template.Resources[reference.Ref];
    if (alias?.Type !== 'AWS::Lambda::Alias') return reference.Ref;
    return mappedFunctionOf(template, alias.Properties?.FunctionName);
  }
  return logicalIdOf(reference as Arn | undefined);
};

/**
 * What the Lambda service does with a function's role for the event source mappings the template
 * declares for it: poll the queue or stream, and send what failed to the mapping's destination.
 */
export const eventSourceActions = (template: PackagedTemplate, functionId: string): Set<string> => {
  const actions = new Set<string>();
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::EventSourceMapping') continue;
    const properties = resource.Properties ?? {};
    if (mappedFunctionOf(template, properties.FunctionName) !== functionId) continue;
    const sourceId = logicalIdOf(properties.EventSourceArn as Arn);
    const sourceType = sourceId ? template.Resources[sourceId]?.Type : undefined;
    if (sourceType === 'AWS::SQS::Queue') {
      ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'].forEach((action) => actions.add(action));
    } else {
      STREAM_MAPPING_ACTIONS.forEach((action) => actions.add(action));
    }
    if ((properties.DestinationConfig as { OnFailure?: unknown } | undefined)?.OnFailure) actions.add('sqs:SendMessage');
  }
  return actions;
};

/** What a DynamoDB stream's mapping reads the stream with, under the function's role. */
export const STREAM_MAPPING_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
