import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoAccountProfileStore } from '../adapters/dynamodb/dynamo-account-profile-store';
import { DynamoAccountTableProvisioner } from '../adapters/dynamodb/dynamo-account-table-provisioner';
import { DynamoControlPlaneStore } from '../adapters/dynamodb/dynamo-control-plane-store';
import { createDocumentClient } from '../adapters/dynamodb/document-client';
import { DynamoEventSourceRegistry } from '../adapters/dynamodb/dynamo-event-source-registry';
import { DynamoRoleStore } from '../adapters/dynamodb/dynamo-role-store';
import { SqsEventQueue } from '../adapters/sqs/sqs-event-queue';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventQueue } from '../ports/event-queue';
import type { EventSourceRegistry } from '../ports/event-source-registry';
import type { Clock } from '../ports/clock';
import { systemClock } from '../adapters/clock/system-clock';
import type { AccountProfileStore } from '../ports/account-profile-store';
import type { AccountTableProvisioner } from '../ports/account-table-provisioner';
import type { ControlPlaneStore } from '../ports/control-plane-store';
import type { RoleStore } from '../ports/role-store';
import { loadSettings, type Settings } from './settings';
import { KMSClient } from '@aws-sdk/client-kms';
import { KmsKeyring } from '../adapters/keys/kms-keyring';
import { LocalKeyring } from '../adapters/keys/local-keyring';
import { EnvelopeDataKeys } from '../domain/privacy/envelope-data-keys';
import type { DataKeys, Keyring } from '../ports/keyring';

/** The composition root: the real adapters, built once per container on first use. */
export interface Dependencies {
  settings: Settings;
  eventSources: EventSourceRegistry;
  dataKeys: DataKeys;
  clock: Clock;
  controlPlane: ControlPlaneStore;
  tables: AccountTableProvisioner;
  profiles: AccountProfileStore;
  roles: RoleStore;
}

let built: Dependencies | undefined;
let documents: DynamoDBDocumentClient | undefined;
let dynamodb: DynamoDBClient | undefined;

/** The container's one DynamoDB client; benchmarks attach a request counter to it. */
export const dynamoDbClient = (): DynamoDBClient => (dynamodb ??= new DynamoDBClient({}));

let sqs: SQSClient | undefined;

/** The container's one SQS client, shared by every queue adapter. */
export const sqsClient = (): SQSClient => (sqs ??= new SQSClient({}));

let events: SqsEventQueue | undefined;

/** The container's one orchestration (events FIFO) queue, for every account. */
export const eventQueue = (): EventQueue => (events ??= new SqsEventQueue(sqsClient(), dependencies().settings.eventsQueueName));

/** The container's one DynamoDB document client, shared by every adapter. */
export const documentClient = (): DynamoDBDocumentClient => (documents ??= createDocumentClient(dynamoDbClient()));

/** The local master key when one is given (the local stack, tests); KMS otherwise (AWS). */
const keyringFor = (settings: Settings): Keyring => {
  if (settings.masterKey) return new LocalKeyring(settings.masterKey);
  if (settings.kmsKeyId) return new KmsKeyring(new KMSClient({}), settings.kmsKeyId);
  const missing = () => Promise.reject(new Error('No key to seal customer data: set ORDO_KMS_KEY_ID or ORDO_MASTER_KEY'));
  return { generateDataKey: missing, unwrap: missing };
};

export const dependencies = (): Dependencies => {
  if (!built) {
    const settings = loadSettings();
    const client = dynamoDbClient();
    const documents = documentClient();
    const controlPlane = new DynamoControlPlaneStore(documents, settings.controlTableName);
    built = {
      settings,
      eventSources: new DynamoEventSourceRegistry(documents, settings.controlTableName),
      dataKeys: new EnvelopeDataKeys(controlPlane, keyringFor(settings), systemClock),
      clock: systemClock,
      controlPlane,
      tables: new DynamoAccountTableProvisioner(client, settings.accountTablePointInTimeRecovery),
      profiles: new DynamoAccountProfileStore(documents),
      roles: new DynamoRoleStore(documents, settings.controlTableName),
    };
  }
  return built;
};
