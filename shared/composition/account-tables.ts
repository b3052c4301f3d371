import { DynamoAccountTableProvisioner } from '../adapters/dynamodb/dynamo-account-table-provisioner';
import type { AccountTableProvisioner } from '../ports/account-table-provisioner';
import { containerPart } from './account-context';
import { dynamoDbClient } from './dynamodb-clients';
import { settings } from './settings';

const build = () => new DynamoAccountTableProvisioner(dynamoDbClient(), settings().accountTablePointInTimeRecovery);

/** What creates a new account's own table. */
export const accountTables = (): AccountTableProvisioner => containerPart(build);
