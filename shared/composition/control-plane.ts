import { DynamoControlPlaneStore } from '../adapters/dynamodb/dynamo-control-plane-store';
import type { ControlPlaneStore } from '../ports/control-plane-store';
import { containerPart } from './account-context';
import { documentClient } from './dynamodb-clients';
import { settings } from './settings';

const build = () => new DynamoControlPlaneStore(documentClient(), settings().controlTableName);

/** Accounts, API keys and data keys: the control-plane table every account shares. */
export const controlPlane = (): ControlPlaneStore => containerPart(build);
