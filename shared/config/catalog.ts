import { CachedLocationStore } from '../adapters/cache/cached-location-store';
import { CachedSourcingProfileStore } from '../adapters/cache/cached-sourcing-profile-store';
import { DynamoInventoryStore } from '../adapters/dynamodb/dynamo-inventory-store';
import { DynamoLocationStore } from '../adapters/dynamodb/dynamo-location-store';
import { DynamoSourcingProfileStore } from '../adapters/dynamodb/dynamo-sourcing-profile-store';
import type { SourcingProfileStore } from '../ports/sourcing-profile-store';
import { accountTableName } from '../domain/accounts/account';
import type { InventoryStore } from '../ports/inventory-store';
import type { LocationStore } from '../ports/location-store';
import { dependencies, documentClient } from './dependencies';

/** Locations, inventory and sourcing profiles of one account, bound to that account's table. */
export interface AccountCatalog {
  locations: LocationStore;
  inventory: InventoryStore;
  profiles: SourcingProfileStore;
}

const catalogs = new Map<string, AccountCatalog>();

/** Callers pass the accountId of the authenticated principal, never one from the request. */
export const catalogFor = (accountId: string): AccountCatalog => {
  let catalog = catalogs.get(accountId);
  if (!catalog) {
    const tableName = accountTableName(dependencies().settings.stage, accountId);
    const documents = documentClient();
    catalog = {
      locations: new CachedLocationStore(new DynamoLocationStore(documents, tableName), dependencies().clock),
      inventory: new DynamoInventoryStore(documents, tableName),
      profiles: new CachedSourcingProfileStore(new DynamoSourcingProfileStore(documents, tableName), dependencies().clock),
    };
    catalogs.set(accountId, catalog);
  }
  return catalog;
};
