/**
 * The chaos run: events through the real handlers on DynamoDB Local and the local queues it starts, under random
 * duplicate deliveries, crashes around the commit, racing workers and queue outages; then the invariants from a raw
 * Scan of every account table. Bounded in count and time: it stops by itself, prints one table, exits 1 on any ✘.
 *
 *   npm run chaos                                   # 10,000 status events on 200 orders, 500 stock orders, 5 accounts
 *   npm run chaos -- --events 300 --orders 20 --roots 30 --seed 7
 *   npm run chaos -- --events 100 --orders 6 --roots 10 --accounts 2 --throttle 2   # 2% of DynamoDB requests throttled
 */
import { parseArgs } from 'node:util';

const USAGE = 'usage: npm run chaos -- [--events N] [--orders N] [--roots N] [--accounts N] [--seed S] [--minutes M] [--throttle PERCENT]';

const wholeNumber = (name: string, value: string | undefined, fallback: number, max: number): number => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) throw new Error(`--${name} must be a whole number from 1 to ${max}, got "${value}"\n${USAGE}`);
  return parsed;
};

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: { events: { type: 'string' }, orders: { type: 'string' }, roots: { type: 'string' }, accounts: { type: 'string' }, seed: { type: 'string' }, minutes: { type: 'string' }, throttle: { type: 'string' } },
  });
  // Before the AWS SDK loads: it warns about the Node version at import.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const { ensureControlPlaneTable } = await import('../../scripts/local-stack/bootstrap');
  const { localDynamoDbClient, startDynamoDbLocal } = await import('../../scripts/local-stack/dynamodb-local');
  const { assertJava } = await import('../../scripts/local-stack/java');
  const { freePort } = await import('../../scripts/local-stack/ports');
  const { startLocalSqs } = await import('../../scripts/local-stack/sqs-local');
  const { operatorKeyHashOf } = await import('../../shared/domain/accounts/operator-key-hash');
  assertJava();
  // In DynamoDB Local's own memory and with C2: the run makes every table at its start, so the stream index would save
  // little, its database grows past 200 MB, where a file's page reads cost more, and it keeps DynamoDB Local busy for
  // ten minutes, long enough for C2 to pay (scripts/local-stack/dynamodb-local.ts). On a file the full run missed its
  // 15-minute deadline; on C1 alone it had not settled after 12 minutes, where it takes about 10 with C2.
  const emulator = { streamIndex: false, fullJit: true };
  const [dynamodb, sqs] = await Promise.all([startDynamoDbLocal(await freePort(), undefined, emulator), startLocalSqs(await freePort(), 'sandbox')]);
  try {
    // As the integration project's global setup; before any handler is imported, as they read their settings then.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ORDO_STAGE: 'sandbox',
      ORDO_OPERATOR_KEY_HASH: operatorKeyHashOf('integration-operator-key'),
      ORDO_ACCOUNT_TABLE_PITR: 'false',
      ORDO_RATE_LIMIT_PER_SECOND: '100000',
      ORDO_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
      POWERTOOLS_LOG_LEVEL: process.env.ORDO_TEST_LOG_LEVEL ?? 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      // As on a developer's stack: webhooks may reach the local endpoint. Retries 1 s apart, nine of them: a message
      // failing all ten tries at 20% is one in ten million (with five, one in 16,000: a full run met one).
      ORDO_WEBHOOK_ALLOW_INSECURE_LOCAL: 'true',
      ORDO_WEBHOOK_RETRY_SCHEDULE: '1,1,1,1,1,1,1,1,1',
    });
    const { CONTROL_TABLE } = await import('../integration/worker-emulators');
    const client = localDynamoDbClient(dynamodb.endpoint);
    await ensureControlPlaneTable(client, CONTROL_TABLE);
    client.destroy();
    const { runChaos } = await import('./run-chaos');
    const { reportTable } = await import('./report-table');
    const events = wholeNumber('events', values.events, 10_000, 100_000);
    const report = await runChaos({
      events,
      orders: wholeNumber('orders', values.orders, Math.ceil(events / 20), 10_000),
      roots: wholeNumber('roots', values.roots, Math.min(200, events), 10_000),
      accounts: wholeNumber('accounts', values.accounts, 5, 50),
      seed: wholeNumber('seed', values.seed, 16, 2 ** 31),
      deadlineMs: wholeNumber('minutes', values.minutes, 15, 120) * 60_000,
      // A share of the handlers' DynamoDB requests answered throttled at the wire; none unless asked for.
      throttleRate: values.throttle === undefined ? 0 : wholeNumber('throttle', values.throttle, 0, 50) / 100,
    });
    console.log(reportTable(report));
    if (report.posting.firstRefusal) console.log(`first 5xx answer during an outage: ${report.posting.firstRefusal}`);
    return report.verdicts.every((verdict) => verdict.holds) ? 0 : 1;
  } finally {
    await Promise.all([dynamodb.stop(), sqs.stop()]);
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
