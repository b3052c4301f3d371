import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CreateTableCommand, ResourceInUseException, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TTL_ATTRIBUTE, controlPlaneTableSchema } from '../../shared/adapters/dynamodb/table-schemas';

/** What CloudFormation creates in AWS, the local stack creates here before serverless starts. */
export const ensureControlPlaneTable = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  try {
    await client.send(new CreateTableCommand(controlPlaneTableSchema(tableName)));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
};

const readSecret = (file: string): string | undefined =>
  existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;

const writeSecret = (file: string, value: string): void => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
};

/** The key `npm start` was given (ORDO_OPERATOR_KEY) when set; otherwise a key generated once and kept in the state folder. */
export const ensureOperatorKey = (fromEnv: string | undefined, file: string): string => {
  if (fromEnv) return fromEnv;
  const existing = readSecret(file);
  if (existing) return existing;
  const generated = `ordo_admin_${randomBytes(24).toString('base64url')}`;
  writeSecret(file, generated);
  return generated;
};

/** The local stand-in for KMS: 32 random bytes, generated once and kept with the data they protect. */
export const ensureMasterKey = (fromEnv: string | undefined, file: string): string => {
  if (fromEnv) return fromEnv;
  const existing = readSecret(file);
  if (existing) return existing;
  const generated = randomBytes(32).toString('base64');
  writeSecret(file, generated);
  return generated;
};

const call = async (baseUrl: string, path: string, key: string, body?: unknown) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
};

/**
 * Creates the demo account through the public API and keeps its key, so a second start
 * prints the same key. Returns undefined keyFile handling for throwaway in-memory runs.
 */
export const ensureDemoAccount = async (options: {
  baseUrl: string;
  operatorKey: string;
  keyFile?: string;
}): Promise<{ accountId: string; apiKey: string }> => {
  const accountId = 'demo';
  const saved = options.keyFile ? readSecret(options.keyFile) : undefined;
  const created = await call(options.baseUrl, '/v1/accounts', options.operatorKey, {
    accountId,
    name: 'Demo Retail',
    environment: 'sandbox',
  });
  if (created.status === 201) {
    const apiKey = String(created.json.apiKey);
    if (options.keyFile) writeSecret(options.keyFile, apiKey);
    return { accountId, apiKey };
  }
  if (created.status === 409 && saved && (await call(options.baseUrl, '/v1/account', saved)).status === 200) {
    return { accountId, apiKey: saved };
  }
  throw new Error(
    created.status === 409
      ? 'The demo account exists but its saved key is missing or revoked. Delete the .ordo folder to start afresh.'
      : `Creating the demo account failed with ${created.status}: ${JSON.stringify(created.json)}`,
  );
};
