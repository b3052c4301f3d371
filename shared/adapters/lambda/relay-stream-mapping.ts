import {
  CreateEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  ResourceConflictException,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import type { ChangeStreamConsumer } from '../dynamodb/dynamo-account-table-provisioner';

/** How many times a failing batch is retried (halved each time) before its place in the stream goes to the DLQ. */
const MAXIMUM_RETRY_ATTEMPTS = 5;

/** A queue of the same partition, region and AWS account as the function. */
export const queueArnBeside = (functionArn: string, queueName: string): string => {
  const [, partition, , region, awsAccount] = functionArn.split(':');
  return `arn:${partition}:sqs:${region}:${awsAccount}:${queueName}`;
};

/**
 * Feeds an account table's change stream to the relay function: one event source mapping per
 * table, from the start of the stream so nothing written before the mapping existed is missed.
 * The relay answers the records it could not hand on; they are retried, the failing batch halved
 * each time, and after the last try their place in the stream is sent to the outbox DLQ.
 */
export class RelayStreamMapping implements ChangeStreamConsumer {
  constructor(
    private readonly client: LambdaClient,
    private readonly functionArn: string,
    private readonly deadLetterQueueName: string,
  ) {}

  async attach(streamArn: string): Promise<void> {
    const { EventSourceMappings = [] } = await this.client.send(
      new ListEventSourceMappingsCommand({ EventSourceArn: streamArn, FunctionName: this.functionArn }),
    );
    if (EventSourceMappings.length > 0) return;
    try {
      await this.client.send(
        new CreateEventSourceMappingCommand({
          FunctionName: this.functionArn,
          EventSourceArn: streamArn,
          StartingPosition: 'TRIM_HORIZON',
          BatchSize: 100,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          BisectBatchOnFunctionError: true,
          MaximumRetryAttempts: MAXIMUM_RETRY_ATTEMPTS,
          DestinationConfig: { OnFailure: { Destination: queueArnBeside(this.functionArn, this.deadLetterQueueName) } },
        }),
      );
    } catch (error) {
      // A provisioning retried at the same time made it first.
      if (!(error instanceof ResourceConflictException)) throw error;
    }
  }
}
