import { ListTablesCommand, ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { handler as createAccount } from '../../functions/accounts/create-account';
import { handler as getAccount } from '../../functions/accounts/get-account';
import { handler as updateAccount } from '../../functions/accounts/update-account';
import { handler as createApiKey } from '../../functions/api-keys/create-api-key';
import { handler as listApiKeys } from '../../functions/api-keys/list-api-keys';
import { handler as revokeApiKey } from '../../functions/api-keys/revoke-api-key';
import { handler as listRoles } from '../../functions/roles/list-roles';
import { handler as putRole } from '../../functions/roles/put-role';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoRetailerRegistry } from '../../shared/adapters/dynamodb/dynamo-retailer-registry';
import { loadSettings } from '../../shared/composition/settings';
import { accountTableName } from '../../shared/domain/accounts/account-table';
import { invoke } from '../support/api-gateway-event';

export const OPERATOR_KEY = 'integration-operator-key';

/** The control-plane routes, called in-process against DynamoDB Local. */
export const api = {
  createAccount: (body: unknown, apiKey = OPERATOR_KEY) =>
    invoke(createAccount, { method: 'POST', resource: '/v1/accounts', apiKey, body }),
  updateAccount: (accountId: string, body: unknown, apiKey = OPERATOR_KEY) =>
    invoke(updateAccount, { method: 'PATCH', resource: '/v1/accounts/{accountId}', pathParameters: { accountId }, apiKey, body }),
  getAccount: (apiKey: string, extra: { query?: Record<string, string>; headers?: Record<string, string> } = {}) =>
    invoke(getAccount, { method: 'GET', resource: '/v1/account', apiKey, ...extra }),
  createApiKey: (apiKey: string, body: unknown) =>
    invoke(createApiKey, { method: 'POST', resource: '/v1/api-keys', apiKey, body }),
  listApiKeys: (apiKey: string) => invoke(listApiKeys, { method: 'GET', resource: '/v1/api-keys', apiKey }),
  revokeApiKey: (apiKey: string, keyId: string) =>
    invoke(revokeApiKey, { method: 'DELETE', resource: '/v1/api-keys/{keyId}', pathParameters: { keyId }, apiKey }),
  listRoles: (apiKey: string) => invoke(listRoles, { method: 'GET', resource: '/v1/roles', apiKey }),
  putRole: (apiKey: string, name: string, body: unknown) =>
    invoke(putRole, { method: 'PUT', resource: '/v1/roles/{name}', pathParameters: { name }, apiKey, body }),
};

const dynamodb = () => localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');

export const tableNames = async (): Promise<string[]> => {
  const client = dynamodb();
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  client.destroy();
  return TableNames;
};

/** Every item of a table, raw, to check what was (not) written. */
export const scanTable = async (tableName: string) => {
  const client = dynamodb();
  const items: NonNullable<ScanCommandOutput['Items']> = [];
  let ExclusiveStartKey: ScanCommandOutput['LastEvaluatedKey'];
  // Page by page: the control plane of a whole test run can hold more than one Scan returns.
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  client.destroy();
  return items;
};

let counter = 0;
/** Account ids unique per test file run, so files can share one DynamoDB Local. */
export const uniqueAccountId = (prefix: string) => `${prefix}-${process.pid}-${Date.now() % 100000}-${counter++}`.slice(0, 32);

/**
 * The retailer ids the suites order, upload and issue keys for. A new account registers them first, as a merchant
 * registers its retailers before anything else (orders, workflows, keys and jobs of another retailer are refused).
 */
export const TEST_RETAILERS: readonly string[] = ['r1', 'r2', 'R1', 'R2', 'R3', 'r-a', 'r-b', 'north', 'south', 'east', 'shop', 'bare', 'store-9'];

/** A new account, with `retailers` registered (the suites' usual ones unless told otherwise). */
export const newAccount = async (prefix: string, { retailers = TEST_RETAILERS }: { retailers?: readonly string[] } = {}) => {
  const accountId = uniqueAccountId(prefix);
  const response = await api.createAccount({ accountId });
  if (response.status !== 201) throw new Error(`account setup failed: ${response.raw}`);
  const client = dynamodb();
  const registry = new DynamoRetailerRegistry(createDocumentClient(client), accountTableName(loadSettings().stage, accountId));
  const updatedOn = new Date().toISOString();
  await Promise.all(retailers.map((retailerId) => registry.register({ retailerId, name: retailerId, template: 'none', updatedOn })));
  client.destroy();
  return { accountId, apiKey: response.body.apiKey as string, keyId: response.body.keyId as string };
};
