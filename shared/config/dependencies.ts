import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoAccountProfileStore } from '../adapters/dynamodb/account-profile-store';
import { DynamoAccountTableProvisioner } from '../adapters/dynamodb/account-table-provisioner';
import { DynamoControlPlaneStore } from '../adapters/dynamodb/control-plane-store';
import { createDocumentClient } from '../adapters/dynamodb/document-client';
import { systemClock, type Clock } from '../ports/clock';
import type { AccountProfileStore } from '../ports/account-profile-store';
import type { AccountTableProvisioner } from '../ports/account-table-provisioner';
import type { ControlPlaneStore } from '../ports/control-plane-store';
import { loadSettings, type Settings } from './settings';

/** The composition root: the real adapters, built once per container on first use. */
export interface Dependencies {
  settings: Settings;
  clock: Clock;
  controlPlane: ControlPlaneStore;
  tables: AccountTableProvisioner;
  profiles: AccountProfileStore;
}

let built: Dependencies | undefined;

export const dependencies = (): Dependencies => {
  if (!built) {
    const settings = loadSettings();
    const client = new DynamoDBClient({});
    const documents = createDocumentClient(client);
    built = {
      settings,
      clock: systemClock,
      controlPlane: new DynamoControlPlaneStore(documents, settings.controlTableName),
      tables: new DynamoAccountTableProvisioner(client, settings.accountTablePointInTimeRecovery),
      profiles: new DynamoAccountProfileStore(documents),
    };
  }
  return built;
};
