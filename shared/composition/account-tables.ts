import { DynamoAccountTableProvisioner, type ChangeStreamConsumer } from '../adapters/dynamodb/dynamo-account-table-provisioner';
import type { AccountTableProvisioner } from '../ports/account-table-provisioner';
import { containerPart } from './account-context';
import { dynamoDbClient } from './dynamodb-clients';
import { settings } from './settings';
import { instrumented } from '../runtime/sdk-instrumentation';

/**
 * The relay function's mapping, loaded when a table is provisioned rather than with the function:
 * only account creation needs the Lambda client, and only in AWS.
 */
const relayMapping = (functionArn: string, deadLetterQueueName: string): ChangeStreamConsumer => {
  let loaded: Promise<ChangeStreamConsumer> | undefined;
  const mapping = () =>
    (loaded ??= Promise.all([import('@aws-sdk/client-lambda'), import('../adapters/lambda/relay-stream-mapping')]).then(
      ([{ LambdaClient }, { RelayStreamMapping }]) => new RelayStreamMapping(instrumented(new LambdaClient({})), functionArn, deadLetterQueueName),
    ));
  return { attach: async (streamArn) => (await mapping()).attach(streamArn) };
};

const build = () => {
  const { accountTablePointInTimeRecovery, relayFunctionArn, outboxDlqName } = settings();
  // The local stack names no relay function: its poller reads every account table's stream itself.
  const consumer = relayFunctionArn ? relayMapping(relayFunctionArn, outboxDlqName) : undefined;
  return new DynamoAccountTableProvisioner(dynamoDbClient(), accountTablePointInTimeRecovery, consumer);
};

/** What creates a new account's own table, its change stream, and in AWS the stream's mapping to the relay. */
export const accountTables = (): AccountTableProvisioner => containerPart(build);
