import type { RunningDynamoDb } from '../../scripts/local-stack/dynamodb-local';

export default async function globalTeardown(): Promise<void> {
  await ((globalThis as Record<string, unknown>).__ORDO_DYNAMODB__ as RunningDynamoDb | undefined)?.stop();
}
