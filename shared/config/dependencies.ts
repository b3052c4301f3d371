import { systemClock } from '../adapters/clock/system-clock';
import { DynamoAccountProfileStore } from '../adapters/dynamodb/dynamo-account-profile-store';
import { DynamoAccountTableProvisioner } from '../adapters/dynamodb/dynamo-account-table-provisioner';
import { DynamoEventSourceRegistry } from '../adapters/dynamodb/dynamo-event-source-registry';
import { roles } from '../composition/authentication';
import { controlPlane } from '../composition/control-plane';
import { dataKeys } from '../composition/data-keys';
import { documentClient, dynamoDbClient } from '../composition/dynamodb-clients';
import { settings as loadedSettings, type Settings } from '../composition/settings';
import type { AccountProfileStore } from '../ports/account-profile-store';
import type { AccountTableProvisioner } from '../ports/account-table-provisioner';
import type { Clock } from '../ports/clock';
import type { ControlPlaneStore } from '../ports/control-plane-store';
import type { EventSourceRegistry } from '../ports/event-source-registry';
import type { DataKeys } from '../ports/keyring';
import type { RoleStore } from '../ports/role-store';

export { documentClient, dynamoDbClient };
export { eventQueue, sqsClient } from '../composition/sqs-queues';

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

export const dependencies = (): Dependencies => {
  if (!built) {
    const settings = loadedSettings();
    built = {
      settings,
      eventSources: new DynamoEventSourceRegistry(documentClient(), settings.controlTableName),
      dataKeys: dataKeys(),
      clock: systemClock,
      controlPlane: controlPlane(),
      tables: new DynamoAccountTableProvisioner(dynamoDbClient(), settings.accountTablePointInTimeRecovery),
      profiles: new DynamoAccountProfileStore(documentClient()),
      roles: roles(),
    };
  }
  return built;
};
