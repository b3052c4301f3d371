import type { RunningDynamoDb } from '../../scripts/local-stack/dynamodb-local';
import type { RunningSqs } from '../../scripts/local-stack/sqs-local';

export default async function globalTeardown(): Promise<void> {
  const emulators = (globalThis as Record<string, unknown>).__ORDO_EMULATORS__ as { dynamodb: RunningDynamoDb; sqs: RunningSqs }[] | undefined;
  await Promise.all((emulators ?? []).flatMap(({ dynamodb, sqs }) => [dynamodb.stop(), sqs.stop()]));
}
