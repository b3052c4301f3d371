import { DynamoAccountProfileStore } from '../adapters/dynamodb/dynamo-account-profile-store';
import type { AccountProfileStore } from '../ports/account-profile-store';
import { containerPart } from './account-context';
import { documentClient } from './dynamodb-clients';

const build = () => new DynamoAccountProfileStore(documentClient());

/** Each account's profile, kept in the account's own table (the caller names the table). */
export const accountProfiles = (): AccountProfileStore => containerPart(build);
