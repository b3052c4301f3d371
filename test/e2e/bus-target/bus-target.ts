import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { freePort } from '../../../scripts/local-stack/ports';
import { waitFor } from '../../support/wait-for';

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');
/** What the target is sent until it shows it listens; never one of Ordo's types. */
const PING = 'bus-target.ping';

/** An EventBridge event as the rule's target gets it. */
export interface ReceivedEvent {
  source: string;
  'detail-type': string;
  account: string;
  detail: Record<string, unknown>;
}

export interface BusTarget {
  /** Every event the rule matched so far, in the order received. */
  received(): ReceivedEvent[];
  /** How long the service took to start, in ms. */
  startedInMs: number;
  stop(): Promise<void>;
}

/** Pings the target through the emulator until one reaches it: its subscription to the broker is made after it starts. */
const pingUntilReceived = async (eventBridgeEndpoint: string, received: () => { 'detail-type': string }[]) => {
  const bus = new EventBridgeClient({ endpoint: eventBridgeEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await waitFor(
      async () => {
        await bus.send(new PutEventsCommand({ Entries: [{ EventBusName: 'ordo-sandbox-bus', Source: 'ordo.sandbox', DetailType: PING, Detail: '{}' }] }));
        return received().some((event) => event['detail-type'] === PING);
      },
      { description: 'the bus target to receive a ping', timeoutMs: 20_000, intervalMs: 500 },
    );
  } finally {
    bus.destroy();
  }
};

/**
 * Runs test/e2e/bus-target (a rule on the stack's bus matching `source: ordo.sandbox`, whose target
 * writes what it gets to a file) in its own `serverless offline`, subscribed to the stack's
 * EventBridge emulator on its pub/sub port. Ready once a ping went through; what it receives is read from the file.
 */
export const startBusTarget = async (pubSubPort: number, eventBridgeEndpoint: string): Promise<BusTarget> => {
  const started = Date.now();
  const recordFile = join(mkdtempSync(join(tmpdir(), 'ordo-bus-target-')), 'received.jsonl');
  writeFileSync(recordFile, '');
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules/serverless/bin/serverless.js'), 'offline', 'start'], {
    cwd: __dirname,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      BUS_TARGET_RECORD_FILE: recordFile,
      BUS_TARGET_HTTP_PORT: String(await freePort()),
      BUS_TARGET_LAMBDA_PORT: String(await freePort()),
      BUS_TARGET_WEBSOCKET_PORT: String(await freePort()),
      ORDO_EVENTBRIDGE_PUBSUB_PORT: String(pubSubPort),
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
    },
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`the bus target did not start within 60 s:\n${output.slice(-2000)}`)), 60_000);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      // It serves no HTTP route, so its Lambda endpoint listening is the sign it is up.
      if (output.includes('Function names exposed for local invocation')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', (code) => {
      clearTimeout(timer);
      failed(new Error(`the bus target exited with code ${code}:\n${output.slice(-2000)}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  const everything = () =>
    readFileSync(recordFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ReceivedEvent);
  await pingUntilReceived(eventBridgeEndpoint, everything).catch(async (error) => {
    await stop();
    throw error;
  });
  const received = () => everything().filter((event) => event['detail-type'] !== PING);
  return { received, startedInMs: Date.now() - started, stop };
};
