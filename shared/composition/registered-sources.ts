import { DynamoEventSourceRegistry } from '../adapters/dynamodb/dynamo-event-source-registry';
import type { EventSourceRegistry } from '../ports/event-source-registry';
import { containerPart } from './account-context';
import { documentClient } from './dynamodb-clients';
import { settings } from './settings';

const build = () => new DynamoEventSourceRegistry(documentClient(), settings().controlTableName);

/** The EventBridge sources the accounts registered, in the control-plane table: a source belongs to one account only. */
export const registeredSources = (): EventSourceRegistry => containerPart(build);
