import type { RunningDynamoDb } from '../../scripts/local-stack/dynamodb-local';
import type { RunningSqs } from '../../scripts/local-stack/sqs-local';
import type { DynamoDbRestarts } from './dynamodb-restarts';

export default async function globalTeardown(): Promise<void> {
  const emulators = (globalThis as Record<string, unknown>).__ORDO_EMULATORS__ as { dynamodb: RunningDynamoDb; sqs: RunningSqs }[] | undefined;
  await ((globalThis as Record<string, unknown>).__ORDO_DYNAMODB_RESTARTS__ as DynamoDbRestarts | undefined)?.close();
  await Promise.all((emulators ?? []).flatMap(({ dynamodb, sqs }) => [dynamodb.stop(), sqs.stop()]));
}
