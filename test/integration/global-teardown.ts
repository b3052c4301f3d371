import type { RunningDynamoDb } from '../../scripts/local-stack/dynamodb-local';
import type { RunningSqs } from '../../scripts/local-stack/sqs-local';

export default async function globalTeardown(): Promise<void> {
  const shared = globalThis as Record<string, unknown>;
  await (shared.__ORDO_DYNAMODB__ as RunningDynamoDb | undefined)?.stop();
  await (shared.__ORDO_SQS__ as RunningSqs | undefined)?.stop();
}
