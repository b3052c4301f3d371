import { DynamoEventSourceRegistry } from '../adapters/dynamodb/dynamo-event-source-registry';
import type { EventSourceRegistry } from '../ports/event-source-registry';
import { containerPart } from './account-context';
import { documentClient } from './dynamodb-clients';
import { settings } from './settings';

const build = () => new DynamoEventSourceRegistry(documentClient(), settings().controlTableName);

/** Which account owns each EventBridge source, in the control-plane table. */
export const eventSourceRegistry = (): EventSourceRegistry => containerPart(build);
