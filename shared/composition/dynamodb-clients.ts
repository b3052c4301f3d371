import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/dynamodb/document-client';
import { containerPart } from './account-context';
import { instrumented } from '../runtime/sdk-instrumentation';

const buildClient = () => instrumented(new DynamoDBClient({}));
const buildDocuments = () => createDocumentClient(dynamoDbClient());

/** The container's one DynamoDB client; benchmarks and tests attach a request counter to it. */
export const dynamoDbClient = (): DynamoDBClient => containerPart(buildClient);

/** The container's one document client, shared by every DynamoDB adapter. */
export const documentClient = (): DynamoDBDocumentClient => containerPart(buildDocuments);
