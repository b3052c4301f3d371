import { DEFAULT_STUCK_AFTER_MINUTES } from '../domain/orchestration/stuck-events';
import { parseConsoleOrigins } from '../http/console-origin';

/** Settings come from the environment that serverless.yml (or the local stack) sets. */
export interface Settings {
  stage: string;
  region: string;
  controlTableName: string;
  accountTablePointInTimeRecovery: boolean;
  /**
   * SHA-256 of the operator key, 64 hex characters (`ORDO_OPERATOR_KEY_HASH`): the local stack and
   * tests only, where no SSM exists. Empty in AWS, where a function with it set refuses to start.
   */
  operatorKeyHash: string;
  /** SSM SecureString holding the operator key's hash in AWS; a name, not a secret. Empty with no hash disables the operator routes. */
  operatorKeyParameter: string;
  version: string;
  maxBodyBytes: number;
  eventsQueueName: string;
  /** Standard queue of inventory batch chunks. */
  inventoryQueueName: string;
  /** How long events and their audit trail are kept (DynamoDB TTL). */
  auditRetentionDays: number;
  /** Most rulesets one execution may run before it is FAILED. */
  loopGuard: number;
  /** Most relays (events sent to another root, scheduled events) an event may come through and still run. */
  hopLimit: number;
  /** KMS key (id, ARN or alias) that wraps account data keys in AWS. */
  kmsKeyId: string;
  /** Local stand-in for KMS, 32 bytes in base64; when set it is used instead of KMS. */
  masterKey: string;
  /** S3 bucket where accounts drop stock files for the scheduled import. */
  importBucket: string;
  /** Lets webhooks go over http and to loopback addresses: the local stack alone, so a developer can receive them. */
  webhookAllowInsecureLocal: boolean;
  /** Standard queue where webhook retries wait for their time, and its DLQ, where messages that FAILED are kept. */
  webhookQueueName: string;
  webhookDeadLetterQueueName: string;
  /** `ORDO_WEBHOOK_RETRY_SCHEDULE`: seconds between attempts, comma-separated; empty for the default schedule. */
  webhookRetrySchedule: string;
  /** The stage's event bus, where Ordo's outbound events go and external systems send theirs. */
  busName: string;
  /** The `source` of every event Ordo puts on the bus; the ingress rule ignores it, so nothing loops back. */
  busSource: string;
  /**
   * The function account tables' change streams feed (relayOutbox). Set in AWS only, where account
   * creation then maps each table's stream to it; the local stack polls the streams itself.
   */
  relayFunctionArn: string;
  /** Where the stream records the relay could not hand on end up, for someone to look at. */
  outboxDlqName: string;
  /** `ORDO_STUCK_AFTER_MINUTES`: how long an event may stay PENDING before it is listed as STUCK. */
  stuckAfterMinutes: number;
  /** `ORDO_RATE_LIMIT_PER_SECOND`: requests per second an account may make (default 100); `off` (0) switches the limit off. */
  rateLimitPerSecond: number;
  /**
   * `ORDO_CONSOLE_ORIGINS`: the origins whose pages may read the API's answers (CORS), comma-separated.
   * The local stack lists the console's; empty in AWS unless the stage says otherwise.
   */
  consoleOrigins: string[];
}

const positiveNumber = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  // A typo must not silently switch a limit off.
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

/** A limit that may be switched off on purpose, with `off` or 0; a typo still fails. */
const limitOrOff = (raw: string | undefined, fallback: number, name: string): number =>
  raw === 'off' || raw === '0' ? 0 : positiveNumber(raw, fallback, name);

export const loadSettings = (env: NodeJS.ProcessEnv = process.env): Settings => {
  const stage = env.ORDO_STAGE ?? 'sandbox';
  return {
    stage,
    region: env.AWS_REGION ?? 'us-east-1',
    controlTableName: env.ORDO_CONTROL_TABLE ?? `ordo-${stage}-control`,
    accountTablePointInTimeRecovery: env.ORDO_ACCOUNT_TABLE_PITR !== 'false',
    operatorKeyHash: env.ORDO_OPERATOR_KEY_HASH ?? '',
    operatorKeyParameter: env.ORDO_OPERATOR_KEY_PARAMETER ?? '',
    version: env.ORDO_VERSION ?? '0.0.0',
    maxBodyBytes: positiveNumber(env.ORDO_MAX_BODY_BYTES, 256 * 1024, 'ORDO_MAX_BODY_BYTES'),
    eventsQueueName: env.ORDO_EVENTS_QUEUE_NAME ?? `ordo-${stage}-events.fifo`,
    inventoryQueueName: env.ORDO_INVENTORY_QUEUE_NAME ?? `ordo-${stage}-inventory-batches`,
    auditRetentionDays: positiveNumber(env.ORDO_AUDIT_RETENTION_DAYS, 90, 'ORDO_AUDIT_RETENTION_DAYS'),
    loopGuard: positiveNumber(env.ORDO_LOOP_GUARD, 200, 'ORDO_LOOP_GUARD'),
    hopLimit: positiveNumber(env.ORDO_HOP_LIMIT, 20, 'ORDO_HOP_LIMIT'),
    kmsKeyId: env.ORDO_KMS_KEY_ID ?? '',
    masterKey: env.ORDO_MASTER_KEY ?? '',
    importBucket: env.ORDO_IMPORT_BUCKET || `ordo-${stage}-imports`,
    webhookAllowInsecureLocal: env.ORDO_WEBHOOK_ALLOW_INSECURE_LOCAL === 'true',
    webhookQueueName: env.ORDO_WEBHOOK_QUEUE_NAME || `ordo-${stage}-webhooks`,
    webhookDeadLetterQueueName: env.ORDO_WEBHOOK_DLQ_NAME || `ordo-${stage}-webhooks-dlq`,
    webhookRetrySchedule: env.ORDO_WEBHOOK_RETRY_SCHEDULE ?? '',
    busName: env.ORDO_BUS_NAME || `ordo-${stage}-bus`,
    busSource: `ordo.${stage}`,
    relayFunctionArn: env.ORDO_RELAY_FUNCTION_ARN ?? '',
    outboxDlqName: env.ORDO_OUTBOX_DLQ_NAME || `ordo-${stage}-outbox-dlq`,
    stuckAfterMinutes: positiveNumber(env.ORDO_STUCK_AFTER_MINUTES, DEFAULT_STUCK_AFTER_MINUTES, 'ORDO_STUCK_AFTER_MINUTES'),
    rateLimitPerSecond: limitOrOff(env.ORDO_RATE_LIMIT_PER_SECOND, 100, 'ORDO_RATE_LIMIT_PER_SECOND'),
    consoleOrigins: parseConsoleOrigins(env.ORDO_CONSOLE_ORIGINS),
  };
};

let loaded: Settings | undefined;

/** The container's settings, read from the environment once. */
export const settings = (): Settings => (loaded ??= loadSettings());
