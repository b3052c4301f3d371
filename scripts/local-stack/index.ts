import { resolve } from 'node:path';
import { loadSettings } from '../../shared/composition/settings';
import { operatorKeyHashOf } from '../../shared/domain/accounts/operator-key-hash';
import { ensureControlPlaneTable, ensureDemoAccount, ensureMasterKey, ensureOperatorKey } from './bootstrap';
import { ensureDemoCatalog, ensureDemoEventSource, ensureDemoOrders } from './demo-seed';
import { localDynamoDbClient, startDynamoDbLocal } from './dynamodb-local';
import { prepareConsole } from './console-build';
import { startConsoleServer } from './console-server';
import { assertJava } from './java';
import { localConsoleOrigins } from './console-origins';
import { assertPortFree, freePort } from './ports';
import { startLocalS3 } from './s3-local';
import { startServerlessOffline } from './serverless-offline';
import { startLocalSqs, type EventsRedelivery } from './sqs-local';
import { removeStackState, writeStackState } from './stack-state';
import { startStreamRelay } from './stream-relay';

/** Short, so a failing local webhook is seen to be retried and to fail within a minute. */
const LOCAL_WEBHOOK_RETRY_SCHEDULE = '2,5,10';

export interface LocalStackPorts {
  http: number;
  dynamodb: number;
  sqs: number;
  /** The local S3; any free port when left out. */
  s3?: number;
  eventBridge: number;
  eventBridgePubSub: number;
  lambda: number;
  websocket: number;
  /** The console's static server; no console is served when left out. */
  console?: number;
}

export interface LocalStackOptions {
  stateDir: string;
  inMemory: boolean;
  ports: LocalStackPorts;
  operatorKey?: string;
  /** Load the reference workflows and demo catalogue (default true). */
  seedDemo?: boolean;
  /** The events queue's redelivery (default LOCAL_EVENTS_REDELIVERY); the e2e stack shortens it so a failing event reaches the DLQ in seconds. */
  eventsRedelivery?: EventsRedelivery;
  onProgress?: (step: string) => void;
}

export interface LocalStack {
  baseUrl: string;
  dynamoDbEndpoint: string;
  sqsEndpoint: string;
  /** The local S3 (fauxqs), holding the import drop bucket. */
  s3Endpoint: string;
  importBucket: string;
  eventBridgeEndpoint: string;
  operatorKey: string;
  demoApiKey: string;
  stage: string;
  controlTableName: string;
  logFile: string;
  /** Where a test plans faults for the handlers to meet (see shared/adapters/faults/planned-faults.ts). */
  faultsFile: string;
  /** Where the built console is served (http://127.0.0.1:<port>/), when the ports named one. */
  consoleUrl?: string;
  echoLogs(): void;
  stop(): Promise<void>;
}

export const portsFromEnv = (env: NodeJS.ProcessEnv = process.env): LocalStackPorts => ({
  http: Number(env.PORT ?? 3000),
  dynamodb: Number(env.ORDO_DYNAMODB_PORT ?? 8000),
  sqs: Number(env.ORDO_SQS_PORT ?? 9324),
  s3: Number(env.ORDO_S3_PORT ?? 9090),
  eventBridge: Number(env.ORDO_EVENTBRIDGE_PORT ?? 4010),
  eventBridgePubSub: Number(env.ORDO_EVENTBRIDGE_PUBSUB_PORT ?? 4011),
  lambda: Number(env.ORDO_LAMBDA_PORT ?? 3002),
  websocket: Number(env.ORDO_WEBSOCKET_PORT ?? 3001),
  console: Number(env.ORDO_CONSOLE_PORT ?? 3003),
});

/** Free ports for every piece, for a stack beside a developer's own (tests, benchmarks). */
export const freeLocalStackPorts = async (): Promise<LocalStackPorts> => ({
  http: await freePort(),
  dynamodb: await freePort(),
  sqs: await freePort(),
  s3: await freePort(),
  eventBridge: await freePort(),
  eventBridgePubSub: await freePort(),
  lambda: await freePort(),
  websocket: await freePort(),
});

const PORT_SETTINGS: Record<keyof LocalStackPorts, [string, string]> = {
  http: ['the HTTP API', 'PORT'],
  dynamodb: ['DynamoDB Local', 'ORDO_DYNAMODB_PORT'],
  sqs: ['the local SQS', 'ORDO_SQS_PORT'],
  s3: ['the local S3', 'ORDO_S3_PORT'],
  eventBridge: ['the EventBridge emulator', 'ORDO_EVENTBRIDGE_PORT'],
  eventBridgePubSub: ['the EventBridge emulator pub/sub', 'ORDO_EVENTBRIDGE_PUBSUB_PORT'],
  lambda: ['the offline Lambda API', 'ORDO_LAMBDA_PORT'],
  websocket: ['the offline websocket server', 'ORDO_WEBSOCKET_PORT'],
  console: ['the console', 'ORDO_CONSOLE_PORT'],
};

/**
 * Starts every local piece in order and undoes what already started when a later piece
 * fails, so a failed start leaves no java or node child behind.
 */
export const startLocalStack = async (options: LocalStackOptions): Promise<LocalStack> => {
  const progress = options.onProgress ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  const stateDir = resolve(options.stateDir);
  const { ports } = options;
  const settings = loadSettings({ ORDO_STAGE: 'sandbox' });

  try {
    assertJava();
    for (const [name, [what, setting]] of Object.entries(PORT_SETTINGS)) {
      const port = ports[name as keyof LocalStackPorts];
      if (port !== undefined) await assertPortFree(port, what, setting);
    }

    progress(`Starting DynamoDB Local on port ${ports.dynamodb}${options.inMemory ? ' (in memory)' : ''}`);
    const dynamodb = await startDynamoDbLocal(ports.dynamodb, options.inMemory ? undefined : `${stateDir}/dynamodb`);
    stops.push(dynamodb.stop);
    if (!dynamodb.streamIndex) {
      progress('python3 (with sqlite3) not found: DynamoDB Local runs without its stream index, and writes to accounts made late slow down');
    }
    const client = localDynamoDbClient(dynamodb.endpoint);
    await ensureControlPlaneTable(client, settings.controlTableName);
    client.destroy();

    progress(`Starting the local SQS on port ${ports.sqs}`);
    const sqs = await startLocalSqs(ports.sqs, settings.stage, options.eventsRedelivery);
    stops.push(sqs.stop);

    progress(`Starting the local S3${ports.s3 === undefined ? '' : ` on port ${ports.s3}`} (bucket ${settings.importBucket})`);
    const s3 = await startLocalS3(ports.s3 ?? 0, [settings.importBucket]);
    stops.push(s3.stop);

    const operatorKey = ensureOperatorKey(options.operatorKey, `${stateDir}/admin-key`);
    const masterKey = ensureMasterKey(process.env.ORDO_MASTER_KEY, `${stateDir}/master-key`);
    const eventBridgeEndpoint = `http://127.0.0.1:${ports.eventBridge}`;
    const apiBase = `http://127.0.0.1:${ports.http}`;
    const logFile = `${stateDir}/logs/serverless.log`;
    const faultsFile = `${stateDir}/faults.json`;
    const webhookRetrySchedule = process.env.ORDO_WEBHOOK_RETRY_SCHEDULE || LOCAL_WEBHOOK_RETRY_SCHEDULE;

    let consoleServer: Awaited<ReturnType<typeof startConsoleServer>> | undefined;
    if (ports.console !== undefined) {
      const root = await prepareConsole(progress);
      progress(`Serving the console on port ${ports.console}`);
      consoleServer = await startConsoleServer({ root, port: ports.console, config: { apiBase, stage: 'local' } });
      stops.push(consoleServer.stop);
    }
    // The API answers CORS for the console's origins only: by either name of this machine on the port it is served on,
    // or ORDO_CONSOLE_ORIGINS when a developer sets it (a Vite dev server's, say), and the served console's own.
    const consolePort = ports.console === undefined ? {} : { ORDO_CONSOLE_PORT: String(ports.console) };
    const consoleOrigins = [
      ...new Set([...localConsoleOrigins({ ...process.env, ...consolePort }), ...(consoleServer ? [consoleServer.origin] : [])]),
    ].join(',');

    // What the handlers run with; `serverless invoke local` gets the same through the stack state.
    const environment: Record<string, string> = {
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: eventBridgeEndpoint,
      PORT: String(ports.http),
      ORDO_DYNAMODB_PORT: String(ports.dynamodb),
      ORDO_SQS_PORT: String(ports.sqs),
      ORDO_S3_PORT: String(s3.port),
      ORDO_IMPORT_BUCKET: settings.importBucket,
      // Every minute, so a dropped file is picked up while the developer watches.
      ORDO_IMPORT_SCHEDULE: process.env.ORDO_IMPORT_SCHEDULE ?? 'rate(1 minute)',
      ORDO_EVENTBRIDGE_PORT: String(ports.eventBridge),
      ORDO_EVENTBRIDGE_PUBSUB_PORT: String(ports.eventBridgePubSub),
      ORDO_LAMBDA_PORT: String(ports.lambda),
      ORDO_WEBSOCKET_PORT: String(ports.websocket),
      // The functions get the key's hash only, as they would read it from SSM in AWS.
      ORDO_OPERATOR_KEY_HASH: operatorKeyHashOf(operatorKey),
      ORDO_MASTER_KEY: masterKey,
      ORDO_ACCOUNT_TABLE_PITR: 'false',
      // Counted as in AWS, but high enough that the demo, the e2e suites and the benchmarks never meet it.
      ORDO_RATE_LIMIT_PER_SECOND: process.env.ORDO_RATE_LIMIT_PER_SECOND ?? '1000',
      // The stream relay below stands in for the stream mappings AWS would need this for.
      ORDO_RELAY_FUNCTION_ARN: '',
      // A developer points webhooks at a server on this machine.
      ORDO_WEBHOOK_ALLOW_INSECURE_LOCAL: 'true',
      ORDO_WEBHOOK_RETRY_SCHEDULE: webhookRetrySchedule,
      // Read by the handlers at each commit; no file, no faults.
      ORDO_FAULTS_FILE: faultsFile,
      // The console's pages call this API from their own origin (infra/plugins/console-cors.js).
      ORDO_CONSOLE_ORIGINS: consoleOrigins,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
    };
    progress(`Starting serverless offline on port ${ports.http} (bundling the functions)`);
    const offline = await startServerlessOffline({ httpPort: ports.http, logFile, env: { ...process.env, ...environment } });
    stops.push(offline.stop);

    progress(`Relaying account tables' change streams to relayOutbox (Lambda API on port ${ports.lambda})`);
    const relay = startStreamRelay({
      stage: settings.stage,
      dynamoDbEndpoint: dynamodb.endpoint,
      lambdaEndpoint: `http://127.0.0.1:${ports.lambda}`,
      sqsEndpoint: sqs.endpoint,
      log: offline.note,
    });
    stops.push(relay.stop);
    progress(`Webhooks may go over http to loopback addresses on this stack; a failed one is retried after ${webhookRetrySchedule} s`);

    progress('Provisioning the demo account');
    const demo = await ensureDemoAccount({
      baseUrl: offline.baseUrl,
      operatorKey,
      keyFile: options.inMemory ? undefined : `${stateDir}/demo-key`,
    });

    if (options.seedDemo !== false) {
      progress('Loading the reference workflows, locations and stock of the demo account');
      await ensureDemoCatalog(offline.baseUrl, demo.apiKey, progress);
      await ensureDemoEventSource(offline.baseUrl, demo.apiKey);
      await ensureDemoOrders(offline.baseUrl, demo.apiKey);
    }

    writeStackState(stateDir, {
      pid: process.pid,
      stage: settings.stage,
      region: environment.AWS_REGION,
      baseUrl: offline.baseUrl,
      operatorKey,
      demoAccountId: demo.accountId,
      demoApiKey: demo.apiKey,
      environment,
    });
    // Stopped first: nothing should find a stack that is going away.
    stops.push(async () => removeStackState(stateDir));

    return {
      baseUrl: offline.baseUrl,
      dynamoDbEndpoint: dynamodb.endpoint,
      sqsEndpoint: sqs.endpoint,
      s3Endpoint: s3.endpoint,
      importBucket: settings.importBucket,
      eventBridgeEndpoint,
      operatorKey,
      demoApiKey: demo.apiKey,
      stage: settings.stage,
      controlTableName: settings.controlTableName,
      logFile,
      faultsFile,
      consoleUrl: consoleServer?.url,
      echoLogs: offline.echo,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
};
