import { CachedLocationStore } from '../adapters/cache/cached-location-store';
import { CachedSourcingProfileStore } from '../adapters/cache/cached-sourcing-profile-store';
import { systemClock } from '../adapters/clock/system-clock';
import { DynamoInventoryStore } from '../adapters/dynamodb/dynamo-inventory-store';
import { DynamoLocationStore } from '../adapters/dynamodb/dynamo-location-store';
import { DynamoStockReader } from '../adapters/dynamodb/dynamo-stock-reader';
import { DynamoStockSummaries } from '../adapters/dynamodb/dynamo-stock-summaries';
import { DynamoSourcingProfileStore } from '../adapters/dynamodb/dynamo-sourcing-profile-store';
import type { InventoryReader } from '../engine/engine-store';
import type { Clock } from '../ports/clock';
import type { InventoryStore } from '../ports/inventory-store';
import type { LocationStore } from '../ports/location-store';
import type { SourcingProfileStore } from '../ports/sourcing-profile-store';
import { accountContext, type AccountContext } from './account-context';
import { documentClient } from './dynamodb-clients';

/** Locations, inventory and sourcing profiles of one account, bound to that account's table. */
export interface AccountCatalog {
  locations: LocationStore;
  inventory: InventoryStore;
  /** Stock for sourcing: from the availability read model, or exactly. */
  stock: InventoryReader;
  profiles: SourcingProfileStore;
  clock: Clock;
}

const build = ({ tableName }: AccountContext): AccountCatalog => ({
  locations: new CachedLocationStore(new DynamoLocationStore(documentClient(), tableName), systemClock),
  // A count set through the API reaches the read model at once, not only when the stream brings it.
  inventory: new DynamoInventoryStore(documentClient(), tableName, new DynamoStockSummaries(documentClient(), tableName)),
  stock: new DynamoStockReader(documentClient(), tableName),
  profiles: new CachedSourcingProfileStore(new DynamoSourcingProfileStore(documentClient(), tableName), systemClock),
  clock: systemClock,
});

export const catalogPart = (account: AccountContext): AccountCatalog => account.part(build);

/** Callers pass the accountId of the authenticated principal, never one from the request. */
export const catalogOf = (accountId: string): AccountCatalog => catalogPart(accountContext(accountId));
